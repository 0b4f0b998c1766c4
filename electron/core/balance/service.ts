/**
 * The balance screens' reads, all from the local cache: the client card with its freeze forecast,
 * the Detail ledger (operations or buckets) and Expenses on services with the previous period.
 */
import type { StatementCache } from '../db/statements';
import { AppError } from '../../../shared/contract/rpc/errors';
import type {
  CardOutput,
  DetailFilter,
  DetailOutput,
  ExpensesOutput,
  ForecastOut,
  OperationRow,
  PeriodTotals,
} from '../../../shared/contract/rpc/balance';
import type { Currency, ServiceCode } from '../../../shared/contract/platform';
import { addDays, bucketsBetween, daysInclusive, isoUtc } from '../../../shared/domain/time';
import { aggregate, filterSql, periodMs, prepareClient } from './aggregate';
import { cacheInfo, cachedFrom, ledgerAsOf } from './window';

/** What a balance read works with: this core's statements, the region's zone, now. */
export interface Env {
  statements: StatementCache;
  zone: string;
  now: number;
}

interface ClientDbRow {
  id: string;
  email: string;
  name: string | null;
  phone: string | null;
  external_id: string | null;
  status: 'invited' | 'active' | 'blocked';
  payment_model: 'prepaid' | 'postpaid';
  invited_at: string;
  registered_at: string | null;
  payment_minor: number;
  bonus_minor: number;
  currency: Currency;
  balance_as_of: string;
}

function clientRow(statements: StatementCache, id: string): ClientDbRow {
  const c = statements.get('SELECT * FROM clients WHERE id = ?').get(id) as ClientDbRow | undefined;
  if (!c) throw new AppError('not_found', `No client ${id} in the cache`, { params: { id } });
  return c;
}

export const FORECAST_BASIS_DAYS = 30;

/**
 * Days until payment + bonus reach zero at the average daily spend of the last `basisDays` days:
 * null when nothing was spent; 0 when the funds are already at or below zero.
 */
export function forecastDays(fundsMinor: number, spentMinor: number, basisDays = FORECAST_BASIS_DAYS): ForecastOut | null {
  if (spentMinor <= 0) return null;
  const avg = Math.max(1, Math.round(spentMinor / basisDays));
  const days = fundsMinor <= 0 ? 0 : Math.floor((fundsMinor * basisDays) / spentMinor);
  return { days, avgDailySpendMinor: avg, basisDays };
}

export function card(env: Env, clientId: string): CardOutput {
  const { statements, zone, now } = env;
  const c = clientRow(statements, clientId);
  const projects = statements.get('SELECT pid, name, status, created_at FROM projects WHERE client_id = ? ORDER BY created_at, pid').all(
    clientId,
  ) as { pid: string; name: string; status: 'active' | 'frozen'; created_at: string }[];
  let forecast: ForecastOut | null = null;
  if (c.payment_model === 'prepaid') {
    const spent = statements.get(
      "SELECT coalesce(sum(amount_minor), 0) AS s FROM transactions WHERE client_id = ? AND at_ms >= ? AND at_ms < ? AND kind = 'debit'",
    ).get(clientId, now - FORECAST_BASIS_DAYS * 86400000, now) as { s: number };
    forecast = forecastDays(c.payment_minor + c.bonus_minor, spent.s);
  }
  return {
    client: {
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      externalId: c.external_id,
      status: c.status,
      paymentModel: c.payment_model,
      invitedAt: c.invited_at,
      registeredAt: c.registered_at,
    },
    projects: projects.map((p) => ({ pid: p.pid, name: p.name, status: p.status, createdAt: p.created_at })),
    balance: { paymentMinor: c.payment_minor, bonusMinor: c.bonus_minor, currency: c.currency, asOf: c.balance_as_of },
    forecast,
    timeZone: zone,
    cachedFrom: cachedFrom(statements, zone, now),
    asOf: ledgerAsOf(statements),
  };
}

function totalsOf(rows: { kind: string; amount: number; n: number }[]): PeriodTotals {
  let debits = 0;
  let credits = 0;
  let count = 0;
  for (const r of rows) {
    if (r.kind === 'debit') debits += r.amount;
    else credits += r.amount;
    count += r.n;
  }
  return { debitsMinor: debits, creditsMinor: credits, netMinor: credits - debits, count };
}

interface TxDbRow {
  id: string;
  at_ms: number;
  kind: 'debit' | 'credit';
  amount_minor: number;
  currency: Currency;
  service: ServiceCode | null;
  project_pid: string | null;
  description: string;
}
const toOperation = (r: TxDbRow): OperationRow => ({
  type: 'operation',
  id: r.id,
  at: isoUtc(r.at_ms),
  kind: r.kind,
  amountMinor: r.amount_minor,
  currency: r.currency,
  service: r.service,
  projectPid: r.project_pid,
  description: r.description,
});

/** Operations of the period, newest first; `limit` null for all of them (exports). */
export function operations(env: Env, q: DetailFilter, offset: number, limit: number | null): OperationRow[] {
  const { fromMs, toMs } = periodMs(q.from, q.to, env.zone);
  const f = filterSql({ kinds: q.kinds, services: q.services, projects: q.projects }, false);
  const sql = `SELECT id, at_ms, kind, amount_minor, currency, service, project_pid, description FROM transactions
    WHERE client_id = ? AND at_ms >= ? AND at_ms < ?${f.sql} ORDER BY at_ms DESC, rowid DESC LIMIT ? OFFSET ?`;
  const rows = env.statements.get(sql).all(q.clientId, fromMs, toMs, ...f.params, limit ?? -1, offset) as TxDbRow[];
  return rows.map(toOperation);
}

export function detail(env: Env, q: DetailFilter & { offset: number; limit: number }): DetailOutput {
  const { statements, zone, now } = env;
  const c = clientRow(statements, q.clientId);
  prepareClient(statements, q.clientId, zone, now);
  const filter = { kinds: q.kinds, services: q.services, projects: q.projects };
  const info = cacheInfo(statements, q, zone, now, c.currency);
  if (q.granularity === 'operation') {
    const totals = totalsOf(aggregate(statements, q.clientId, zone, q.from, q.to, null, ['kind'], filter));
    return { rows: operations(env, q, q.offset, q.limit), total: totals.count, totals, ...info };
  }
  const all = bucketRows(env, q);
  const totals = totalsOf(
    all.flatMap((b) => [
      { kind: 'debit', amount: b.debitsMinor, n: b.count },
      { kind: 'credit', amount: b.creditsMinor, n: 0 },
    ]),
  );
  return { rows: all.slice(q.offset, q.offset + q.limit), total: all.length, totals, ...info };
}

/** Detail buckets of the period with at least one operation, newest first. */
export function bucketRows(env: Env, q: DetailFilter) {
  const g = q.granularity === 'operation' ? 'day' : q.granularity;
  const rows = aggregate(env.statements, q.clientId, env.zone, q.from, q.to, g, ['kind'], {
    kinds: q.kinds,
    services: q.services,
    projects: q.projects,
  });
  const by = new Map<string, { debitsMinor: number; creditsMinor: number; count: number }>();
  for (const r of rows) {
    const b = by.get(r.bucket) ?? { debitsMinor: 0, creditsMinor: 0, count: 0 };
    if (r.kind === 'debit') b.debitsMinor += r.amount;
    else b.creditsMinor += r.amount;
    b.count += r.n;
    by.set(r.bucket, b);
  }
  return [...by.entries()]
    .sort((a, b) => (a[0] < b[0] ? 1 : -1))
    .map(([bucket, b]) => ({ type: 'bucket' as const, bucket, ...b, netMinor: b.creditsMinor - b.debitsMinor }));
}

/** Shares in basis points that sum to exactly 10000 (largest remainder). */
export function sharesBp(amounts: readonly number[]): number[] {
  const total = amounts.reduce((s, a) => s + a, 0);
  if (total <= 0) return amounts.map(() => 0);
  const raw = amounts.map((a) => (a * 10000) / total);
  const out = raw.map(Math.floor);
  let left = 10000 - out.reduce((s, a) => s + a, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

/** The period of equal length just before [from, to]. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = daysInclusive(from, to);
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

export function expenses(
  env: Env,
  q: { clientId: string; from: string; to: string; granularity: 'day' | 'week' | 'month'; groupBy: 'service' | 'project' },
): ExpensesOutput {
  const { statements, zone, now } = env;
  const c = clientRow(statements, q.clientId);
  prepareClient(statements, q.clientId, zone, now);
  const dim = q.groupBy === 'service' ? 'service' : 'project_pid';
  const debits = { kinds: ['debit'] };
  const cur = aggregate(statements, q.clientId, zone, q.from, q.to, q.granularity, [dim], debits);
  const prev = previousPeriod(q.from, q.to);
  const before = aggregate(statements, q.clientId, zone, prev.from, prev.to, null, [dim], debits);

  const byKey = new Map<string, number>();
  const series: { bucket: string; key: string; amountMinor: number }[] = [];
  for (const r of cur) {
    const key = r[dim];
    byKey.set(key, (byKey.get(key) ?? 0) + r.amount);
    if (r.amount !== 0) series.push({ bucket: r.bucket, key, amountMinor: r.amount });
  }
  series.sort((a, b) => (a.bucket === b.bucket ? (a.key < b.key ? -1 : 1) : a.bucket < b.bucket ? -1 : 1));
  const prevByKey = new Map<string, number>();
  for (const r of before) prevByKey.set(r[dim], (prevByKey.get(r[dim]) ?? 0) + r.amount);
  for (const k of prevByKey.keys()) if (!byKey.has(k)) byKey.set(k, 0);

  const keys = [...byKey.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shares = sharesBp(keys.map(([, a]) => a));
  const totalMinor = keys.reduce((s, [, a]) => s + a, 0);
  const prevTotal = [...prevByKey.values()].reduce((s, a) => s + a, 0);
  return {
    from: q.from,
    to: q.to,
    granularity: q.granularity,
    groupBy: q.groupBy,
    totals: keys.map(([key, amountMinor], i) => ({ key, amountMinor, shareBp: shares[i] ?? 0, previousMinor: prevByKey.get(key) ?? 0 })),
    totalMinor,
    buckets: bucketsBetween(q.from, q.to, q.granularity),
    series,
    previous: { ...prev, totalMinor: prevTotal },
    change: { amountMinor: totalMinor - prevTotal, bp: prevTotal > 0 ? Math.round(((totalMinor - prevTotal) * 10000) / prevTotal) : null },
    ...cacheInfo(statements, q, zone, now, c.currency),
  };
}
