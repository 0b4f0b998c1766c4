/**
 * Saved views at the bench's scale (100k clients): `views_counts_ms`, the one-pass count behind
 * the tabs (electron/core/views/counts.ts) for "All clients", the four default views and two
 * searches, as the tabs ask for it after each sync (median of 5, warm statement).
 */
import { countMany } from '../../../electron/core/views/counts';
import { StatementCache } from '../../../electron/core/db/statements';
import { DEFAULT_VIEWS } from '../../../shared/contract/rpc/views';
import { median, onCache, type SectionContext } from './cache-section';

export default function section(ctx: SectionContext): Promise<Record<string, number>> {
  return onCache(ctx, (db) => {
    const st = new StatementCache(db);
    const all = { search: '', statuses: [], paymentModels: [], negativeOnly: false };
    const filters = [all, ...DEFAULT_VIEWS.map((d) => d.spec.filter), { ...all, search: 'atlas' }, { ...all, search: 'mobility g' }];
    countMany(st, filters);
    const runs: number[] = [];
    let totals: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      totals = countMany(st, filters);
      runs.push(performance.now() - t0);
    }
    ctx.log(`views: ${filters.length} tab counts in one pass over ${totals[0]} clients: ${median(runs)} ms (median of 5); counts ${totals.join(', ')}`);
    return { views_counts_ms: median(runs) };
  });
}
