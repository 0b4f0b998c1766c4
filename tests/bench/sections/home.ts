/**
 * Home at the bench's scale (100k clients, ~1M ledger rows): `home_ms`, the `home.overview` service
 * call as Home opens after a sync (median of 20, the overview the sync stored); `home_cold_ms`, the
 * same when the overview must be built from the precomputed tables (a new day); `home_build_ms`,
 * the precompute step the sync runs after applying its pages (the two grouped ledger scans).
 */
import { homeOverview, precomputeHome } from '../../../electron/core/home/service';
import { refreshHome } from '../../../electron/core/home/precompute';
import { platformTimeZone } from '../../../electron/core/settings/store';
import { median, onCache, type SectionContext } from './cache-section';

export default function section(ctx: SectionContext): Promise<Record<string, number>> {
  return onCache(ctx, (db) => {
    const zone = platformTimeZone(db);
    const now = Date.now();
    const stored = db.prepare('SELECT overview IS NOT NULL AS s FROM home_state WHERE id = 1').pluck().get() === 1;
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      homeOverview(db, zone, now);
      warm.push(performance.now() - t0);
    }
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      db.prepare('UPDATE home_state SET overview = NULL').run();
      const t0 = performance.now();
      homeOverview(db, zone, now);
      cold.push(performance.now() - t0);
    }
    const t0 = performance.now();
    refreshHome(db, zone, now, true);
    precomputeHome(db, zone, now);
    const build = performance.now() - t0;
    const o = homeOverview(db, zone, now);
    ctx.log(
      `home: ${o.totals.clients} clients, overview stored by the sync: ${stored}; open ${median(warm)} ms (median of 20), cold ${median(cold)} ms, precompute ${Math.round(build)} ms`,
    );
    return { home_ms: median(warm), home_cold_ms: median(cold), home_build_ms: Math.round(build) };
  });
}
