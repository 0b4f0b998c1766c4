/**
 * balance.fetchRange: a period before the cached ledger window, fetched on demand from
 * GET /clients/{id}/transactions into the cache (the rollup triggers mark the client dirty), and
 * remembered in ledger_fetched so the screens stop saying the period is outside the window.
 */
import type { CoreContext } from '../context';
import { toAppError } from '../partner-api/client';
import { isoUtc } from '../../../shared/domain/time';
import { periodMs } from './aggregate';

const PAGE = 1000;

export async function fetchRange(ctx: CoreContext, q: { clientId: string; from: string; to: string }): Promise<{ fetched: number }> {
  const zone = ctx.timeZone();
  const { fromMs, toMs } = periodMs(q.from, q.to, zone);
  const api = ctx.api();
  const insert = ctx.statements.get(
    `INSERT INTO transactions (id, client_id, project_pid, at_ms, kind, amount_minor, currency, service, description)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  let cursor: string | undefined;
  let fetched = 0;
  try {
    do {
      const page = await api.transactions(q.clientId, {
        from: isoUtc(fromMs),
        to: isoUtc(toMs),
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      ctx.db.transaction(() => {
        for (const t of page.items) {
          const at = Date.parse(t.at);
          if (t.client_id !== q.clientId || at < fromMs || at >= toMs) continue;
          const r = insert.run(t.id, t.client_id, t.project_pid, at, t.kind, t.amount_minor, t.currency, t.service, t.description);
          fetched += r.changes;
        }
      })();
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  } catch (e) {
    throw toAppError(e);
  }
  ctx.statements.get('INSERT INTO ledger_fetched (client_id, from_ms, to_ms, fetched_at) VALUES (?, ?, ?, ?)').run(q.clientId, fromMs, toMs, ctx.now());
  ctx.changed(['transactions']);
  return { fetched };
}
