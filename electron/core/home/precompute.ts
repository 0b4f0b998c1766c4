/**
 * The Home overview's precomputed figures (migration 005): per-client consumption of this and the
 * previous region-local month and of the last 30 days, and all clients' consumption per day. Built
 * from the ledger in two grouped scans after each sync (and on read when the cache, the zone or the
 * region-local day changed since), so Home itself reads a few hundred rows.
 *
 * Days are bucketed with the zone's offset at `now` (as the balance rollups are); month bounds are
 * exact region-local midnights.
 */
import type Database from 'better-sqlite3';
import { addMonths, localDateOf, localMidnightUtc, offsetMinutesAt } from '../../../shared/domain/time';

type Db = Database.Database;
const DAY_MS = 86_400_000;
/** The freeze forecast's basis: the average daily spend of the last 30 days. */
export const SPEND_BASIS_DAYS = 30;
/** Months in the monthly chart (this one and the 12 before it). */
export const HOME_MONTHS = 13;

export interface HomeBounds {
  today: string;
  /** 00:00 region time on the 1st of this month, of the previous month, of the next month, and 12 months back. */
  curStart: number;
  prevStart: number;
  nextStart: number;
  windowStart: number;
  offsetMin: number;
}

export function homeBounds(now: number, zone: string): HomeBounds {
  const today = localDateOf(now, zone);
  return {
    today,
    curStart: localMidnightUtc(addMonths(today, 0), zone),
    prevStart: localMidnightUtc(addMonths(today, -1), zone),
    nextStart: localMidnightUtc(addMonths(today, 1), zone),
    windowStart: localMidnightUtc(addMonths(today, -(HOME_MONTHS - 1)), zone),
    offsetMin: offsetMinutesAt(zone, now),
  };
}

/** What the figures depend on: the clients' balances, the ledger, the zone and the region-local day. */
function fingerprint(db: Db, zone: string, today: string): string {
  const c = db
    .prepare('SELECT count(*) AS n, max(balance_as_of) AS b, max(updated_at) AS u, total(payment_minor) AS p FROM clients')
    .get() as { n: number; b: string | null; u: string | null; p: number };
  const t = db.prepare('SELECT max(rowid) AS r, count(*) AS n FROM transactions').get() as { r: number | null; n: number };
  return JSON.stringify([c.n, c.b, c.u, c.p, t.r, t.n, zone, today]);
}

export interface HomeState {
  nowMs: number;
  zone: string;
  buildMs: number;
}

export function homeState(db: Db): HomeState | null {
  const r = db.prepare('SELECT now_ms, zone, build_ms FROM home_state WHERE id = 1').get() as
    | { now_ms: number; zone: string; build_ms: number }
    | undefined;
  return r ? { nowMs: r.now_ms, zone: r.zone, buildMs: r.build_ms } : null;
}

/**
 * Rebuilds the figures unless they were built from this very cache, zone and day (or `force`).
 * Returns whether it rebuilt.
 */
export function refreshHome(db: Db, zone: string, now: number, force = false): boolean {
  const b = homeBounds(now, zone);
  const fp = fingerprint(db, zone, b.today);
  const prev = db.prepare('SELECT fingerprint FROM home_state WHERE id = 1').pluck().get() as string | undefined;
  if (!force && prev === fp) return false;
  const t0 = performance.now();
  db.transaction(() => {
    db.exec('DELETE FROM home_daily; DELETE FROM home_client;');
    db.prepare(
      `INSERT INTO home_daily (day, debit_minor)
       SELECT (at_ms + CAST(@off AS INTEGER) * 60000) / ${DAY_MS}, sum(amount_minor) FROM transactions
        WHERE kind = 'debit' AND at_ms >= @from AND at_ms < @to GROUP BY 1`,
    ).run({ off: b.offsetMin, from: b.windowStart, to: b.nextStart });
    const since30 = now - SPEND_BASIS_DAYS * DAY_MS;
    db.prepare(
      `INSERT INTO home_client (client_id, cur_minor, prev_minor, spent30_minor)
       SELECT client_id,
              coalesce(sum(CASE WHEN at_ms >= @cur AND at_ms < @next THEN amount_minor END), 0),
              coalesce(sum(CASE WHEN at_ms >= @prev AND at_ms < @cur THEN amount_minor END), 0),
              coalesce(sum(CASE WHEN at_ms >= @since30 AND at_ms < @now THEN amount_minor END), 0)
         FROM transactions
        WHERE kind = 'debit' AND at_ms >= @from
        GROUP BY client_id`,
    ).run({ cur: b.curStart, next: b.nextStart, prev: b.prevStart, since30, now, from: Math.min(b.prevStart, since30) });
    db.prepare(
      `INSERT INTO home_state (id, now_ms, zone, fingerprint, build_ms) VALUES (1, @now, @zone, @fp, 0)
       ON CONFLICT(id) DO UPDATE SET now_ms = excluded.now_ms, zone = excluded.zone, fingerprint = excluded.fingerprint`,
    ).run({ now, zone, fp });
  })();
  db.prepare('UPDATE home_state SET build_ms = ? WHERE id = 1').run(Math.round(performance.now() - t0));
  return true;
}
