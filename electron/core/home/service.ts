/**
 * The Home overview from the cache: totals over all clients, consumption by day (this and the
 * previous region-local month) and by month (13 months), the top 10 by consumption this month and
 * the 10 that grew and fell most against last month. Reads the figures precompute.ts built after
 * the last sync (rebuilding them first when the cache, the zone or the day moved since). Every
 * count is taken with the client list's own filter (whereOf), so a figure and the list it opens
 * agree.
 */
import type Database from 'better-sqlite3';
import type { ClientFilter } from '../../../shared/contract/rpc/clients';
import type { HomeClient, HomeOverview } from '../../../shared/contract/rpc/home';
import { addDays, addMonths, daysInclusive, isoUtc } from '../../../shared/domain/time';
import { whereOf } from '../clients/queries';
import { lastSyncedAt, ledgerWindowMonths, readPlatform } from '../settings/store';
import { HOME_MONTHS, homeBounds, homeState, refreshHome } from './precompute';

type Db = Database.Database;
/** The horizon of the "runs out" and "invited over" figures. */
export const HOME_DAYS = 7;
const TOP = 10;
const DAY_MS = 86_400_000;

const NO_FILTER: ClientFilter = { search: '', statuses: [], paymentModels: [], negativeOnly: false };

function countOf(db: Db, f: Partial<ClientFilter>, sumSql = '0'): { count: number; sumMinor: number } {
  const w = whereOf({ ...NO_FILTER, ...f }, true, db);
  const r = db.prepare(`SELECT count(*) AS n, coalesce(sum(${sumSql}), 0) AS s FROM clients c ${w.sql}`).get(w.params) as { n: number; s: number };
  return { count: r.n, sumMinor: r.s };
}

/** Region-local day number (days since 1970-01-01) of a local date. */
function dayNumber(date: string): number {
  return Math.round(Date.parse(date + 'T00:00:00Z') / DAY_MS);
}

function clients(db: Db, sql: string): HomeClient[] {
  return (
    db
      .prepare(
        `SELECT c.id, c.name, c.email, h.cur_minor AS curMinor, h.prev_minor AS prevMinor
           FROM (${sql}) h JOIN clients c ON c.id = h.client_id`,
      )
      .all() as HomeClient[]
  );
}

/**
 * The overview: as stored after the last sync when it is of this zone and region-local day,
 * otherwise built now (and stored).
 */
export function homeOverview(db: Db, zone: string, now: number): HomeOverview {
  const st = db.prepare('SELECT overview, synced_at, zone FROM home_state WHERE id = 1').get() as
    | { overview: string | null; synced_at: string | null; zone: string }
    | undefined;
  if (st?.overview && st.zone === zone && st.synced_at === lastSyncedAt(db)) {
    const o = JSON.parse(st.overview) as HomeOverview;
    if (o.builtAt !== null && homeBounds(Date.parse(o.builtAt), zone).today === homeBounds(now, zone).today) return o;
  }
  return precomputeHome(db, zone, now);
}

/** Rebuilds the figures if the cache moved, and stores the overview Home reads (the sync's step). */
export function precomputeHome(db: Db, zone: string, now: number): HomeOverview {
  refreshHome(db, zone, now);
  const o = buildOverview(db, zone, now);
  db.prepare('UPDATE home_state SET overview = ?, synced_at = ? WHERE id = 1').run(JSON.stringify(o), lastSyncedAt(db));
  return o;
}

function buildOverview(db: Db, zone: string, now: number): HomeOverview {
  const state = homeState(db);
  const at = state?.nowMs ?? now;
  const b = homeBounds(at, zone);
  const platform = readPlatform(db).platform;

  const all = countOf(db, {}, 'c.payment_minor');
  const bonus = countOf(db, {}, 'c.bonus_minor');
  const totals = {
    clients: all.count,
    paymentMinor: all.sumMinor,
    bonusMinor: bonus.sumMinor,
    debt: countOf(db, { negativeOnly: true }, 'c.payment_minor'),
    runsOut: countOf(db, { runsOutWithinDays: HOME_DAYS }, 'c.payment_minor + c.bonus_minor'),
    invitedStale: { count: countOf(db, { invitedOverDays: HOME_DAYS }).count },
    blocked: { count: countOf(db, { statuses: ['blocked'] }).count },
  };

  // Days: this month up to today, the previous month whole.
  const curFirst = addMonths(b.today, 0);
  const prevFirst = addMonths(b.today, -1);
  const byDay = new Map(
    (db.prepare('SELECT day, debit_minor FROM home_daily').all() as { day: number; debit_minor: number }[]).map((r) => [r.day, r.debit_minor]),
  );
  const series = (first: string, n: number) => Array.from({ length: n }, (_, i) => byDay.get(dayNumber(first) + i) ?? 0);
  const daily = {
    current: { month: curFirst.slice(0, 7), minor: series(curFirst, daysInclusive(curFirst, b.today)) },
    previous: { month: prevFirst.slice(0, 7), minor: series(prevFirst, daysInclusive(prevFirst, addDays(curFirst, -1))) },
  };

  // Months: the sums of their days.
  const ledgerFrom = addMonths(b.today, -ledgerWindowMonths(db)).slice(0, 7);
  const monthly: { month: string; minor: number | null }[] = [];
  for (let i = HOME_MONTHS - 1; i >= 0; i--) {
    const first = addMonths(b.today, -i);
    const last = i === 0 ? b.today : addDays(addMonths(b.today, -i + 1), -1);
    const d0 = dayNumber(first);
    let minor = 0;
    for (let d = d0; d <= dayNumber(last); d++) minor += byDay.get(d) ?? 0;
    monthly.push({ month: first.slice(0, 7), minor: first.slice(0, 7) < ledgerFrom ? null : minor });
  }

  return {
    asOf: lastSyncedAt(db),
    builtAt: state ? isoUtc(state.nowMs) : null,
    timeZone: zone,
    currency: platform?.currency ?? 'RUB',
    days: HOME_DAYS,
    totals,
    daily,
    monthly,
    ledgerFrom,
    top: clients(db, `SELECT * FROM home_client WHERE cur_minor > 0 ORDER BY cur_minor DESC, client_id LIMIT ${TOP}`),
    grew: clients(db, `SELECT * FROM home_client WHERE cur_minor > prev_minor ORDER BY cur_minor - prev_minor DESC, client_id LIMIT ${TOP}`),
    fell: clients(db, `SELECT * FROM home_client WHERE cur_minor < prev_minor ORDER BY cur_minor - prev_minor ASC, client_id LIMIT ${TOP}`),
  };
}
