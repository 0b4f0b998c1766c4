/**
 * Home's precomputed figures against the raw cache: a seeded ledger and clients in a migrated temp
 * database; every total, the daily and monthly consumption, the top and the movers are recomputed
 * here straight from the rows (in region time) and compared; each figure's list filter returns
 * exactly its clients; the figures follow a new ledger row and a new day.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../../support/temp-db';
import { rng } from '../../../electron/demo-platform/prng';
import { openDatabase } from '../../../electron/core/db/open';
import { homeOverview, precomputeHome } from '../../../electron/core/home/service';
import { clientIds } from '../../../electron/core/clients/queries';
import { StatementCache } from '../../../electron/core/db/statements';
import { addMonths, localDateOf, localMidnightUtc } from '../../../shared/domain/time';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';

const ZONE = 'Europe/Moscow';
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 18, 21, 30); // 19 Nov 00:30 in Moscow: a day boundary that UTC would get wrong
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const F = { search: '', statuses: [], paymentModels: [], negativeOnly: false };

let t: TempDb | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

function seed(): TempDb {
  const d = tempDb({ prefix: 'home' });
  const r = rng(42);
  const rnd = () => r.next();
  const insC = d.db.prepare(
    `INSERT INTO clients (id, email, name, phone, external_id, status, payment_model, invited_at, registered_at, updated_at,
       payment_minor, bonus_minor, currency, balance_as_of, projects_count, search_text) VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, NULL, ?, ?, ?, 'RUB', ?, 0, ?)`,
  );
  const insT = d.db.prepare(
    `INSERT INTO transactions (id, client_id, project_pid, at_ms, kind, amount_minor, currency, service, description) VALUES (?, ?, NULL, ?, ?, ?, 'RUB', 's', 'd')`,
  );
  d.db.transaction(() => {
    for (let i = 0; i < 300; i++) {
      const status = ['invited', 'active', 'active', 'blocked'][Math.floor(rnd() * 4)] as string;
      const invited = NOW - Math.floor(rnd() * 20) * DAY - 3_600_000;
      insC.run(`c${i}`, `c${i}@x.test`, `Client ${i}`, status, rnd() < 0.5 ? 'prepaid' : 'postpaid', iso(invited), iso(NOW), Math.floor(rnd() * 200_000) - 60_000, Math.floor(rnd() * 5000), iso(NOW), `client ${i}`);
      const n = Math.floor(rnd() * 40);
      for (let k = 0; k < n; k++) insT.run(`t${i}-${k}`, `c${i}`, NOW - Math.floor(rnd() * 75 * DAY), rnd() < 0.85 ? 'debit' : 'credit', 1 + Math.floor(rnd() * 20_000));
    }
  })();
  return d;
}

describe('Home overview', () => {
  it('migration 005 upgrades a version-4 cache', () => {
    t = tempDb({ prefix: 'home-m', migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    t.db.close();
    const db = openDatabase(t.file);
    t.db = db;
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['home_client', 'home_daily', 'home_state']));
  });

  it('every figure equals the raw rows, in region time, and opens exactly its clients', () => {
    t = seed();
    const { db } = t;
    const o = precomputeHome(db, ZONE, NOW);
    const q = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as T;

    const all = q<{ n: number; p: number; b: number }>('SELECT count(*) n, sum(payment_minor) p, sum(bonus_minor) b FROM clients');
    expect(o.totals).toMatchObject({ clients: all.n, paymentMinor: all.p, bonusMinor: all.b });
    const debt = q<{ n: number; s: number }>('SELECT count(*) n, sum(payment_minor) s FROM clients WHERE payment_minor < 0');
    expect(o.totals.debt).toEqual({ count: debt.n, sumMinor: debt.s });
    expect(o.totals.blocked.count).toBe(q<{ n: number }>("SELECT count(*) n FROM clients WHERE status = 'blocked'").n);
    expect(o.totals.invitedStale.count).toBe(q<{ n: number }>("SELECT count(*) n FROM clients WHERE status = 'invited' AND invited_at < ?", iso(NOW - 7 * DAY)).n);

    // The freeze forecast, from the ledger: floor(funds * 30 / spent30) < 7.
    const spent = new Map(
      (db.prepare("SELECT client_id id, sum(amount_minor) s FROM transactions WHERE kind = 'debit' AND at_ms >= ? AND at_ms < ? GROUP BY client_id").all(NOW - 30 * DAY, NOW) as { id: string; s: number }[]).map((r) => [r.id, r.s]),
    );
    const clients = db.prepare('SELECT id, payment_minor p, bonus_minor b, payment_model m, status, invited_at FROM clients').all() as { id: string; p: number; b: number; m: string }[];
    const runsOut = clients.filter((c) => c.m === 'prepaid' && c.p + c.b > 0 && (spent.get(c.id) ?? 0) > 0 && Math.floor(((c.p + c.b) * 30) / (spent.get(c.id) as number)) < 7).map((c) => c.id).sort();
    expect(runsOut.length).toBeGreaterThan(0);
    expect(o.totals.runsOut.count).toBe(runsOut.length);
    expect(clientIds(new StatementCache(db), { ...F, runsOutWithinDays: 7 })).toEqual(runsOut);
    expect(clientIds(new StatementCache(db), { ...F, negativeOnly: true }).length).toBe(debt.n);

    // Consumption per region-local day and month.
    const today = localDateOf(NOW, ZONE);
    expect(today).toBe('2026-11-19');
    const sumBetween = (a: number, b: number, client?: string) =>
      q<{ s: number }>(`SELECT coalesce(sum(amount_minor), 0) s FROM transactions WHERE kind = 'debit' AND at_ms >= ? AND at_ms < ?${client ? ' AND client_id = ?' : ''}`, a, b, ...(client ? [client] : [])).s;
    const curStart = localMidnightUtc('2026-11-01', ZONE);
    const prevStart = localMidnightUtc('2026-10-01', ZONE);
    expect(o.daily.current.month).toBe('2026-11');
    expect(o.daily.current.minor).toHaveLength(19);
    expect(o.daily.previous.minor).toHaveLength(31);
    for (let d = 0; d < 19; d++) expect(o.daily.current.minor[d]).toBe(sumBetween(curStart + d * DAY, curStart + (d + 1) * DAY));
    for (let d = 0; d < 31; d++) expect(o.daily.previous.minor[d]).toBe(sumBetween(prevStart + d * DAY, prevStart + (d + 1) * DAY));
    expect(o.monthly).toHaveLength(13);
    expect(o.monthly.at(-1)).toEqual({ month: '2026-11', minor: sumBetween(curStart, localMidnightUtc('2026-12-01', ZONE)) });
    expect(o.monthly.at(-2)).toEqual({ month: '2026-10', minor: sumBetween(prevStart, curStart) });
    // Before the ledger window (3 months by default): not in the cache, not a zero.
    expect(o.monthly[0]).toEqual({ month: '2025-11', minor: null });
    expect(o.ledgerFrom).toBe(addMonths(today, -3).slice(0, 7));

    // Top 10 and movers.
    const per = clients.map((c) => ({ id: c.id, cur: sumBetween(curStart, NOW + DAY, c.id), prev: sumBetween(prevStart, curStart, c.id) }));
    const top = per.filter((c) => c.cur > 0).sort((a, b) => b.cur - a.cur || (a.id < b.id ? -1 : 1)).slice(0, 10);
    expect(o.top.map((c) => [c.id, c.curMinor, c.prevMinor])).toEqual(top.map((c) => [c.id, c.cur, c.prev]));
    const grew = per.filter((c) => c.cur > c.prev).sort((a, b) => b.cur - b.prev - (a.cur - a.prev) || (a.id < b.id ? -1 : 1)).slice(0, 10);
    expect(o.grew.map((c) => c.id)).toEqual(grew.map((c) => c.id));
    const fell = per.filter((c) => c.cur < c.prev).sort((a, b) => a.cur - a.prev - (b.cur - b.prev) || (a.id < b.id ? -1 : 1)).slice(0, 10);
    expect(o.fell.map((c) => c.id)).toEqual(fell.map((c) => c.id));
    expect(clientIds(new StatementCache(db), { ...F, ids: o.top.map((c) => c.id) })).toEqual(o.top.map((c) => c.id).sort());
  });

  it('is read as stored until the ledger or the day moves', () => {
    t = seed();
    const { db } = t;
    const first = precomputeHome(db, ZONE, NOW);
    expect(homeOverview(db, ZONE, NOW + 60_000)).toEqual(first);
    // The sync stores the overview with its own time: a new ledger row after a new sync shows.
    db.prepare(`INSERT INTO transactions (id, client_id, project_pid, at_ms, kind, amount_minor, currency, service, description) VALUES ('new', 'c1', NULL, ?, 'debit', 777, 'RUB', 's', 'd')`).run(NOW - 1000);
    db.prepare("INSERT INTO meta (key, value) VALUES ('sync.lastSyncedAt', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(iso(NOW + 1000));
    const after = homeOverview(db, ZONE, NOW + 2000);
    expect(after.monthly.at(-1)?.minor).toBe((first.monthly.at(-1)?.minor ?? 0) + 777);
    // The next region-local day: rebuilt with that day's bounds.
    const nextDay = homeOverview(db, ZONE, NOW + DAY);
    expect(nextDay.daily.current.minor).toHaveLength(20);
  });
});
