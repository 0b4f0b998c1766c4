/**
 * The monthly consumption report's figures, read from the cached ledger (so it works offline for
 * synced months): per-client totals of a region month, and the months the cache can report on.
 */
import type Database from 'better-sqlite3';
import { SERVICE_CODES, type Currency, type ServiceCode } from '../../../../shared/contract/platform';
import { addMonths, localDateOf, localMidnightUtc } from '../../../../shared/domain/time';
import type { CoreContext } from '../../context';
import { ledgerWindowMonths } from '../../settings/store';

type Db = Database.Database;

export function monthRange(month: string, zone: string): { fromMs: number; toMs: number } {
  const first = `${month}-01`;
  return { fromMs: localMidnightUtc(first, zone), toMs: localMidnightUtc(addMonths(first, 1), zone) };
}

export interface ClientTotals {
  id: string;
  name: string | null;
  email: string;
  paymentModel: string;
  currency: Currency;
  /** Debits per service (minor units) and operations per service. */
  byService: Map<ServiceCode | 'other', { amount: number; count: number }>;
  debits: number;
  credits: number;
  operations: number;
}

/** The month's per-client totals from the cache; every chosen client (or every client with activity). */
export function monthTotals(db: Db, month: string, zone: string, clientIds?: string[]): ClientTotals[] {
  const { fromMs, toMs } = monthRange(month, zone);
  const filter = clientIds ? 'AND t.client_id IN (SELECT value FROM json_each(?))' : '';
  const params: unknown[] = [fromMs, toMs];
  if (clientIds) params.push(JSON.stringify(clientIds));
  const rows = db
    .prepare(
      `SELECT t.client_id AS id, t.kind, t.service, t.currency, count(*) AS n, sum(t.amount_minor) AS s
       FROM transactions t WHERE t.at_ms >= ? AND t.at_ms < ? ${filter}
       GROUP BY t.client_id, t.kind, t.service`,
    )
    .all(...params) as { id: string; kind: 'debit' | 'credit'; service: string | null; currency: Currency; n: number; s: number }[];
  const ids = clientIds ?? [...new Set(rows.map((r) => r.id))];
  const info = new Map<string, { name: string | null; email: string; payment_model: string; currency: Currency }>();
  const get = db.prepare('SELECT name, email, payment_model, currency FROM clients WHERE id = ?');
  for (const id of ids) {
    const c = get.get(id) as { name: string | null; email: string; payment_model: string; currency: Currency } | undefined;
    if (c) info.set(id, c);
  }
  const out = new Map<string, ClientTotals>();
  for (const id of ids) {
    const c = info.get(id);
    out.set(id, {
      id,
      name: c?.name ?? null,
      email: c?.email ?? '',
      paymentModel: c?.payment_model ?? '',
      currency: c?.currency ?? 'RUB',
      byService: new Map(),
      debits: 0,
      credits: 0,
      operations: 0,
    });
  }
  for (const r of rows) {
    const t = out.get(r.id);
    if (!t) continue;
    t.operations += r.n;
    t.currency = r.currency;
    if (r.kind === 'credit') {
      t.credits += r.s;
      continue;
    }
    t.debits += r.s;
    const key = (SERVICE_CODES as readonly string[]).includes(r.service ?? '') ? (r.service as ServiceCode) : 'other';
    const cur = t.byService.get(key) ?? { amount: 0, count: 0 };
    cur.amount += r.s;
    cur.count += r.n;
    t.byService.set(key, cur);
  }
  return [...out.values()].sort((a, b) => b.debits - a.debits || a.id.localeCompare(b.id));
}

/** Months from the oldest cached ledger row to now, newest first (at most 36), with whether each is wholly cached. */
export function reportMonths(ctx: CoreContext): { months: { month: string; cached: boolean }[]; current: string } {
  const zone = ctx.timeZone();
  const now = ctx.now();
  const current = localDateOf(now, zone).slice(0, 7);
  const windowStart = addMonths(localDateOf(now, zone), -ledgerWindowMonths(ctx.db)).slice(0, 7);
  const r = ctx.db.prepare('SELECT min(at_ms) AS m FROM transactions').get() as { m: number | null };
  const oldest = r.m === null ? current : localDateOf(r.m, zone).slice(0, 7);
  const months: { month: string; cached: boolean }[] = [];
  for (let m = current; m >= oldest && months.length < 36; m = addMonths(`${m}-01`, -1).slice(0, 7)) {
    months.push({ month: m, cached: m >= windowStart });
  }
  if (!months.length) months.push({ month: current, cached: true });
  return { months, current };
}
