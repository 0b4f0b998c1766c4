/**
 * Deals: registered on the platform (`POST /deals`), cached in `deals` for offline
 * reading, with a monthly feedback reminder per open deal kept locally in `deal_feedback`.
 * A deal created in an earlier region month than now, still open, with no feedback for the
 * current region month, is "feedback due".
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError, type AppErrorCode } from '../../../shared/contract/rpc/errors';
import * as P from '../../../shared/contract/platform';
import type { DealInput, DealRow } from '../../../shared/contract/rpc/partner';
import { isValidInn, checkText } from '../../../shared/domain/validation';
import { localDateOf } from '../../../shared/domain/time';
import type { CoreContext } from '../context';
import { recordAudit, single } from '../actions/audit';
import { ApiError, toAppError } from '../partner-api/errors';

type Db = Database.Database;

interface DealDb {
  id: string;
  customer_name: string;
  inn: string;
  decision_maker: string;
  pids_json: string;
  amount_minor: number;
  currency: P.Currency;
  year: number;
  quarter: number;
  description: string;
  status: P.DealStatus;
  created_at: string;
  updated_at: string;
  last_month: string | null;
}

const DEALS_AS_OF = 'deals.asOf';

/** The region month (YYYY-MM) of an instant. */
export function regionMonth(ms: number | string, zone: string): string {
  return localDateOf(ms, zone).slice(0, 7);
}

export function isFeedbackDue(d: { status: P.DealStatus; created_at: string; last_month: string | null }, now: number, zone: string): boolean {
  if (!P.OPEN_DEAL_STATUSES.includes(d.status)) return false;
  const month = regionMonth(now, zone);
  if (regionMonth(d.created_at, zone) >= month) return false;
  return d.last_month === null || d.last_month < month;
}

function toRow(d: DealDb, now: number, zone: string): DealRow {
  return {
    id: d.id,
    customerName: d.customer_name,
    inn: d.inn,
    decisionMaker: d.decision_maker,
    pids: JSON.parse(d.pids_json) as string[],
    amountMinor: d.amount_minor,
    currency: d.currency,
    year: d.year,
    quarter: d.quarter,
    description: d.description,
    status: d.status,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    feedbackDue: isFeedbackDue(d, now, zone),
    lastFeedbackMonth: d.last_month,
  };
}

const SELECT = `SELECT d.*, (SELECT max(month) FROM deal_feedback f WHERE f.deal_id = d.id) AS last_month FROM deals d`;

export function storeDeals(db: Db, deals: P.Deal[], replaceAll: boolean, asOf: string | null): void {
  const put = db.prepare(
    `INSERT INTO deals (id, customer_name, inn, decision_maker, pids_json, amount_minor, currency, year, quarter, description, status, created_at, updated_at)
     VALUES (@id, @customer_name, @inn, @decision_maker, @pids_json, @amount_minor, @currency, @year, @quarter, @description, @status, @created_at, @updated_at)
     ON CONFLICT(id) DO UPDATE SET customer_name = excluded.customer_name, inn = excluded.inn, decision_maker = excluded.decision_maker,
       pids_json = excluded.pids_json, amount_minor = excluded.amount_minor, currency = excluded.currency, year = excluded.year,
       quarter = excluded.quarter, description = excluded.description, status = excluded.status, created_at = excluded.created_at,
       updated_at = excluded.updated_at`,
  );
  db.transaction(() => {
    if (replaceAll) db.prepare('DELETE FROM deals').run();
    for (const d of deals) {
      put.run({
        id: d.id,
        customer_name: d.customer_name,
        inn: d.inn,
        decision_maker: d.decision_maker,
        pids_json: JSON.stringify(d.pids),
        amount_minor: d.amount.amount_minor,
        currency: d.amount.currency,
        year: d.year,
        quarter: d.quarter,
        description: d.description,
        status: d.status,
        created_at: d.created_at,
        updated_at: d.updated_at,
      });
    }
    if (asOf) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(DEALS_AS_OF, asOf);
  })();
}

export function cachedDeals(db: Db, now: number, zone: string, status?: P.DealStatus): DealRow[] {
  const rows = (status
    ? db.prepare(`${SELECT} WHERE d.status = ? ORDER BY d.created_at DESC, d.id`).all(status)
    : db.prepare(`${SELECT} ORDER BY d.created_at DESC, d.id`).all()) as DealDb[];
  return rows.map((d) => toRow(d, now, zone));
}

export function dealById(db: Db, id: string, now: number, zone: string): DealRow {
  const d = db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as DealDb | undefined;
  if (!d) throw new AppError('not_found', `No deal ${id}`, { params: { id } });
  return toRow(d, now, zone);
}

function asOf(db: Db): string | null {
  const r = db.prepare('SELECT value FROM meta WHERE key = ?').get(DEALS_AS_OF) as { value: string } | undefined;
  return r?.value ?? null;
}

/** Fetches every page of GET /deals into the cache. */
export async function refreshDeals(ctx: CoreContext): Promise<void> {
  const api = ctx.api();
  const all: P.Deal[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await api.request(P.DealsPage, { method: 'GET', path: '/deals', query: { limit: 1000, cursor } });
    all.push(...page.items);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  storeDeals(ctx.db, all, true, new Date(ctx.now()).toISOString());
}

function signature(db: Db): string {
  const r = db.prepare("SELECT count(*) AS n, group_concat(id || ':' || status || ':' || updated_at, ',') AS s FROM (SELECT id, status, updated_at FROM deals ORDER BY id)").get() as { n: number; s: string | null };
  return `${r.n}|${r.s ?? ''}`;
}

/** Online: refresh, then the cache. Offline (or not configured): the cache, flagged. */
export async function listDeals(ctx: CoreContext, status?: P.DealStatus) {
  let unavailable: AppErrorCode | null = null;
  try {
    const before = signature(ctx.db);
    await refreshDeals(ctx);
    // Only a real change is announced: the list re-reads on data.changed, so an unconditional event would loop.
    if (signature(ctx.db) !== before) ctx.changed(['deals']);
  } catch (e) {
    const app = toAppError(e);
    if (app.code === 'token_rejected' || app.code === 'bad_response') throw app;
    unavailable = app.code;
  }
  const zone = ctx.timeZone();
  const items = cachedDeals(ctx.db, ctx.now(), zone, status);
  const due = status ? cachedDeals(ctx.db, ctx.now(), zone).filter((d) => d.feedbackDue).length : items.filter((d) => d.feedbackDue).length;
  return { items, asOf: asOf(ctx.db), offline: unavailable !== null, unavailable, feedbackDue: due };
}

/** Field reasons of a deal form (errors.field.<reason>), or null. */
export function checkDeal(v: Pick<z.output<typeof DealInput>, 'customerName' | 'inn' | 'decisionMaker' | 'amountMinor' | 'description'>): Record<string, string> | null {
  const f: Record<string, string> = {};
  const c = checkText(v.customerName, P.LIMITS.name, true);
  if (c) f.customerName = c;
  const inn = v.inn.trim();
  if (!inn) f.inn = 'required';
  else if (!isValidInn(inn)) f.inn = 'invalid_inn';
  const d = checkText(v.decisionMaker, P.LIMITS.name, true);
  if (d) f.decisionMaker = d;
  if (!Number.isSafeInteger(v.amountMinor) || v.amountMinor <= 0) f.amountMinor = 'invalid_amount';
  if (v.description.length > P.DEAL_LIMITS.description) f.description = 'too_long';
  return Object.keys(f).length ? f : null;
}

const WIRE_TO_FORM: Record<string, string> = {
  customer_name: 'customerName',
  decision_maker: 'decisionMaker',
  'amount.amount_minor': 'amountMinor',
  amount: 'amountMinor',
};

export async function createDeal(ctx: CoreContext, input: z.output<typeof DealInput>): Promise<DealRow> {
  const fields = checkDeal(input);
  if (fields) throw new AppError('invalid_input', 'The deal has invalid fields', { fields });
  const currency = platformCurrency(ctx.db);
  const body: P.DealBody = {
    customer_name: input.customerName.trim(),
    inn: input.inn.trim(),
    decision_maker: input.decisionMaker.trim(),
    pids: input.pids,
    amount: { amount_minor: input.amountMinor, currency },
    year: input.year,
    quarter: input.quarter,
    description: input.description,
  };
  let deal: P.Deal;
  try {
    deal = await ctx.api().request(P.Deal, { method: 'POST', path: '/deals', body, idempotencyKey: input.requestId });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'deal_exists') {
      throw new AppError('invalid_input', e.message, { fields: { inn: 'deal_exists' } });
    }
    const app = toAppError(e);
    if (app.fields) {
      const mapped: Record<string, string> = {};
      for (const [k, r] of Object.entries(app.fields)) mapped[WIRE_TO_FORM[k] ?? k] = r === 'invalid' && k === 'inn' ? 'invalid_inn' : r;
      throw new AppError(app.code, app.message, { fields: mapped, ...(app.params ? { params: app.params } : {}) });
    }
    throw app;
  }
  ctx.db.transaction(() => {
    // A replayed request (same requestId) answers the deal already registered: recorded once.
    const known = ctx.db.prepare('SELECT 1 FROM deals WHERE id = ?').get(deal.id) !== undefined;
    storeDeals(ctx.db, [deal], false, null);
    if (!known) recordAudit(ctx.db, {
      at: ctx.now(),
      action: 'deal',
      clientIds: [],
      detail: `${deal.customer_name} · ${deal.inn}`,
      result: single(true),
      extraSearch: [deal.id, ...deal.pids],
    });
  })();
  ctx.changed(['deals', 'audit']);
  return dealById(ctx.db, deal.id, ctx.now(), ctx.timeZone());
}

export function giveFeedback(ctx: CoreContext, dealId: string, note: string): DealRow {
  const zone = ctx.timeZone();
  dealById(ctx.db, dealId, ctx.now(), zone);
  ctx.db
    .prepare('INSERT INTO deal_feedback (deal_id, month, note, at) VALUES (?, ?, ?, ?) ON CONFLICT(deal_id, month) DO UPDATE SET note = excluded.note, at = excluded.at')
    .run(dealId, regionMonth(ctx.now(), zone), note, new Date(ctx.now()).toISOString());
  ctx.changed(['deals', 'alerts']);
  return dealById(ctx.db, dealId, ctx.now(), zone);
}

export function platformCurrency(db: Db): P.Currency {
  const r = db.prepare("SELECT value FROM meta WHERE key = 'platform.info'").get() as { value: string } | undefined;
  if (r) {
    try {
      const c = P.Currency.safeParse((JSON.parse(r.value) as { currency?: unknown }).currency);
      if (c.success) return c.data;
    } catch {
      /* fall through */
    }
  }
  return 'RUB';
}
