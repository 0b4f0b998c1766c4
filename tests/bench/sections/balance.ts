/**
 * Balance figures at 1M ledger rows (issue 5): `detail_p95_ms`, a Detail page of 100 operations
 * (random clients and the heavy one, a year, random pages), and `expenses_p95_ms`, the heavy client's
 * year by service (month buckets, with the previous year for the comparison). Both are the whole
 * service call, parameters to typed result, on a warm cache; the rollups of every client a sync left
 * dirty are rebuilt first (that is the sync's job, see electron/core/balance/rollup.ts).
 */
import type Database from 'better-sqlite3';
import { detail, expenses } from '../../../electron/core/balance/service';
import { refreshRollups } from '../../../electron/core/balance/rollup';
import { StatementCache } from '../../../electron/core/db/statements';
import { addDays, addMonths, localDateOf } from '../../../shared/domain/time';

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Number((s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0).toFixed(3));
}

function zoneOf(db: Database.Database): string {
  try {
    const r = db.prepare("SELECT value FROM meta WHERE key IN ('platform.info', 'platform', 'time_zone')").all() as { value: string }[];
    for (const { value } of r) {
      if (/^([A-Za-z_]+\/[A-Za-z_]+|[+-]\d{2}:\d{2})$/.test(value)) return value;
      try {
        const tz = (JSON.parse(value) as { time_zone?: string }).time_zone;
        if (tz) return tz;
      } catch {
        /* not JSON */
      }
    }
  } catch {
    /* no meta */
  }
  return 'Europe/Moscow';
}

export async function run(ctx: { db: Database.Database; clientIds: string[]; heavyClientId: string }): Promise<{
  detail_p95_ms: number;
  expenses_p95_ms: number;
}> {
  const { db, clientIds, heavyClientId } = ctx;
  const zone = zoneOf(db);
  const maxAt = (db.prepare('SELECT max(at_ms) AS m FROM transactions').get() as { m: number | null }).m ?? Date.now();
  const now = maxAt + 1;
  const statements = new StatementCache(db);
  const env = { statements, zone, now };
  const to = localDateOf(now, zone);
  const from = addDays(addMonths(to, -11), 0); // the 1st of the month 11 months back: a year of months
  refreshRollups(statements);

  let seed = 12345;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const base = { from, to, kinds: [], services: [], projects: [], granularity: 'operation' as const, limit: 100 };

  const detailMs: number[] = [];
  for (let i = 0; i < 300; i++) {
    const clientId = i % 3 === 0 ? heavyClientId : (clientIds[Math.floor(rnd() * clientIds.length)] ?? heavyClientId);
    const offset = clientId === heavyClientId ? Math.floor(rnd() * 50) * 100 : 0;
    const t0 = performance.now();
    detail(env, { ...base, clientId, offset });
    const ms = performance.now() - t0;
    if (i >= 20) detailMs.push(ms);
  }

  const expensesMs: number[] = [];
  for (let i = 0; i < 220; i++) {
    const t0 = performance.now();
    expenses(env, { clientId: heavyClientId, from, to, granularity: 'month', groupBy: 'service' });
    const ms = performance.now() - t0;
    if (i >= 20) expensesMs.push(ms);
  }
  return { detail_p95_ms: p95(detailMs), expenses_p95_ms: p95(expensesMs) };
}

/**
 * The runner's entry (tests/bench/run.ts): opens the synced cache, takes every client with a ledger
 * and the one with the most rows as the heavy client, and reports the two figures plus how long the
 * rollups of the fresh sync took to build.
 */
export default async function section(ctx: { cacheFile: string; log: (line: string) => void }): Promise<Record<string, number>> {
  const { default: Sqlite } = await import('better-sqlite3');
  const db = new Sqlite(ctx.cacheFile);
  try {
    const rows = db.prepare('SELECT client_id AS id, count(*) AS n FROM transactions GROUP BY client_id').all() as { id: string; n: number }[];
    if (rows.length === 0) throw new Error('no ledger in the cache');
    const heavy = rows.reduce((a, b) => (b.n > a.n ? b : a));
    const t0 = performance.now();
    refreshRollups(new StatementCache(db));
    const rollup_build_ms = Math.round(performance.now() - t0);
    const total = rows.reduce((s, r) => s + r.n, 0);
    ctx.log(`balance: ${total} ledger rows, heavy client ${heavy.id} with ${heavy.n}; rollups built in ${rollup_build_ms} ms`);
    const r = await run({ db, clientIds: rows.map((x) => x.id), heavyClientId: heavy.id });
    ctx.log(`balance: detail page of 100 p95 ${r.detail_p95_ms} ms (target ≤ 5), heavy client's year by service p95 ${r.expenses_p95_ms} ms (target ≤ 5)`);
    return { ...r, balance_rollup_build_ms: rollup_build_ms };
  } finally {
    db.close();
  }
}
