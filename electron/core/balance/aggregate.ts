/**
 * Sums of a client's ledger over a region-local period, by bucket and by key, from the rollups
 * (full months from ledger_monthly, the partial months at the edges from ledger_daily) or, when
 * the zone's offset is not constant over the period, from the raw rows bucketed in TypeScript.
 *
 * Every boundary is computed here with shared/domain/time.ts; SQL gets only numbers.
 */
import type { StatementCache } from '../db/statements';
import {
  addDays,
  addMonths,
  bucketStart,
  localDateOf,
  localMidnightUtc,
  offsetMinutesAt,
  type Granularity,
} from '../../../shared/domain/time';
import { ensureClient, rollupOffset, setRollupOffset } from './rollup';

export type Dim = 'kind' | 'service' | 'project_pid';
export interface AggFilter {
  kinds?: readonly string[];
  services?: readonly string[];
  projects?: readonly string[];
}
/** One summed row: bucket (local start date, or '' when not bucketed) and the requested dims. */
export interface AggRow {
  bucket: string;
  kind: string;
  service: string;
  project_pid: string;
  amount: number;
  n: number;
}

const DAY = 86400000;
export const epochDay = (date: string): number => Math.round(Date.parse(date + 'T00:00:00Z') / DAY);
export const dayToDate = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const yyyymm = (date: string): number => Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
const monthToDate = (m: number): string => `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}-01`;

/** The UTC ms range [fromMs, toMs) of the local dates from..to (inclusive) in the zone. */
export function periodMs(from: string, to: string, zone: string): { fromMs: number; toMs: number } {
  return { fromMs: localMidnightUtc(from, zone), toMs: localMidnightUtc(addDays(to, 1), zone) };
}

/** True when the zone keeps `offset` over the whole period (checked at each month start and the ends). */
function constantOffset(zone: string, from: string, to: string, offset: number): boolean {
  if (/^[+-]\d{2}:\d{2}$/.test(zone)) return offsetMinutesAt(zone, 0) === offset;
  const { fromMs, toMs } = periodMs(from, to, zone);
  if (offsetMinutesAt(zone, fromMs) !== offset || offsetMinutesAt(zone, toMs - 1) !== offset) return false;
  for (let m = addMonths(from, 1); m <= to; m = addMonths(m, 1)) {
    if (offsetMinutesAt(zone, localMidnightUtc(m, zone)) !== offset) return false;
  }
  return true;
}

/** " AND col IN (?, ?)" clauses and their parameters; null maps to '' in the rollups. */
export function filterSql(f: AggFilter, rollup: boolean): { sql: string; params: string[] } {
  let sql = '';
  const params: string[] = [];
  const add = (col: string, vals: readonly string[] | undefined) => {
    if (!vals || vals.length === 0) return;
    sql += ` AND ${rollup ? col : `coalesce(${col}, '')`} IN (${vals.map(() => '?').join(', ')})`;
    params.push(...vals);
  };
  add('kind', f.kinds);
  add('service', f.services);
  add('project_pid', f.projects);
  return { sql, params };
}

/** Ensures the client's rollups are current and bucketed with the zone's offset now. */
export function prepareClient(statements: StatementCache, clientId: string, zone: string, now: number): void {
  setRollupOffset(statements, offsetMinutesAt(zone, now));
  ensureClient(statements, clientId);
}

/**
 * Sums over [from, to] grouped by bucket (granularity, or null for none) and `dims`.
 * Call prepareClient first.
 */
export function aggregate(
  statements: StatementCache,
  clientId: string,
  zone: string,
  from: string,
  to: string,
  g: Granularity | null,
  dims: readonly Dim[],
  filter: AggFilter,
): AggRow[] {
  const offset = rollupOffset(statements);
  const out = new Map<string, AggRow>();
  const add = (bucket: string, r: Record<string, unknown>) => {
    const row: AggRow = {
      bucket,
      kind: (r.kind as string | undefined) ?? '',
      service: (r.service as string | undefined) ?? '',
      project_pid: (r.project_pid as string | undefined) ?? '',
      amount: r.a as number,
      n: r.n as number,
    };
    const k = `${row.bucket}|${row.kind}|${row.service}|${row.project_pid}`;
    const prev = out.get(k);
    if (prev) {
      prev.amount += row.amount;
      prev.n += row.n;
    } else out.set(k, row);
  };
  const dimSql = dims.join(', ');
  const sel = dims.length ? `, ${dimSql}` : '';
  const f = filterSql(filter, true);

  if (!constantOffset(zone, from, to, offset)) {
    // Raw rows, bucketed at each row's own instant.
    const { fromMs, toMs } = periodMs(from, to, zone);
    const fr = filterSql(filter, false);
    const cols = dims.map((d) => `coalesce(${d}, '') AS ${d}`).join(', ');
    const sql = `SELECT at_ms${cols ? ', ' + cols : ''}, amount_minor AS a, 1 AS n FROM transactions
      WHERE client_id = ? AND at_ms >= ? AND at_ms < ?${fr.sql}`;
    for (const r of statements.get(sql).iterate(clientId, fromMs, toMs, ...fr.params) as Iterable<Record<string, unknown>>) {
      add(g ? bucketStart(localDateOf(r.at_ms as number, zone), g) : '', r);
    }
    return [...out.values()];
  }

  // Full months [mFrom, mTo] from ledger_monthly when buckets are months or coarser (or none).
  const monthly = g === null || g === 'month' || g === 'year';
  const firstFull = from.endsWith('-01') ? from : addMonths(from, 1);
  const next = addDays(to, 1);
  const afterFull = next.endsWith('-01') ? next : addMonths(to, 0); // addMonths(d, 0): the 1st of d's month
  const useMonthly = monthly && firstFull < afterFull;
  const dayRanges: [string, string][] = [];
  if (useMonthly) {
    if (from < firstFull) dayRanges.push([from, addDays(firstFull, -1)]);
    if (afterFull <= to) dayRanges.push([afterFull, to]);
    const sql = `SELECT month AS u${sel}, sum(amount_minor) AS a, sum(n) AS n FROM ledger_monthly
      WHERE client_id = ? AND month >= ? AND month < ?${f.sql} GROUP BY u${sel}`;
    for (const r of statements.get(sql).iterate(clientId, yyyymm(firstFull), yyyymm(afterFull), ...f.params) as Iterable<Record<string, unknown>>) {
      add(g ? bucketStart(monthToDate(r.u as number), g) : '', r);
    }
  } else {
    dayRanges.push([from, to]);
  }
  // Days: grouped in SQL by day (or by Monday-based week index), mapped to buckets here. A range
  // inside one bucket (no buckets; one month or year, as the edges of useMonthly are) needs no day.
  const unit = g === 'week' ? '(day + 3) / 7' : 'day';
  for (const [a, b] of dayRanges) {
    const oneBucket = !g || (g === 'month' && a.slice(0, 7) === b.slice(0, 7)) || (g === 'year' && a.slice(0, 4) === b.slice(0, 4));
    const sql = `SELECT ${oneBucket ? '0' : unit} AS u${sel}, sum(amount_minor) AS a, sum(n) AS n FROM ledger_daily
      WHERE client_id = ? AND day >= ? AND day <= ?${f.sql} GROUP BY u${sel}`;
    for (const r of statements.get(sql).iterate(clientId, epochDay(a), epochDay(b), ...f.params) as Iterable<Record<string, unknown>>) {
      const u = r.u as number;
      const bucket = !g ? '' : oneBucket ? bucketStart(a, g) : g === 'week' ? dayToDate(u * 7 - 3) : bucketStart(dayToDate(u), g);
      add(bucket, r);
    }
  }
  return [...out.values()].filter((r) => r.n !== 0);
}
