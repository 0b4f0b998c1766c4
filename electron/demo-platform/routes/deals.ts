/**
 * Deals (issue 7): the partner registers a deal with VK Cloud and follows its status. The demo
 * platform keeps them in its own table (created here) and moves each through its statuses as the
 * platform's clock passes (so /__demo/tick shows progress), deterministically from the deal's
 * number: registered (first day) -> in_review (to day 3) -> approved or rejected (1 in 5) ->
 * after 60 days an approved deal is won or lost (3 in 10). An open deal (registered, in review or
 * approved) for the same INN, year and quarter is refused with 409 deal_exists.
 */
import type { Deal, DealBody, DealStatus } from '../../../shared/contract/platform';
import { isoUtc } from '../../../shared/domain/time';
import type { Db } from '../db';
import { HttpError, notFound } from '../http';
import type { Store } from '../store';
import { decodeCursor, encodeCursor, ok, type Routes } from './types';

const DAY = 86_400_000;

export const DEALS_SCHEMA = `
CREATE TABLE IF NOT EXISTS deals (
  n INTEGER PRIMARY KEY,
  customer_name TEXT NOT NULL,
  inn TEXT NOT NULL,
  decision_maker TEXT NOT NULL,
  pids_json TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL,
  description TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS deals_inn ON deals(inn, year, quarter);
`;

interface DealDb {
  n: number;
  customer_name: string;
  inn: string;
  decision_maker: string;
  pids_json: string;
  amount: number;
  currency: 'RUB' | 'KZT';
  year: number;
  quarter: number;
  description: string;
  created_at: number;
}

/** A small deterministic hash of the deal number (0..99). */
function roll(n: number, salt: number): number {
  let h = (n * 2654435761 + salt * 40503) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 2246822519) >>> 0;
  return (h ^ (h >>> 13)) % 100;
}

/** The status at `now` and when it began. */
export function dealStatusAt(n: number, createdAt: number, now: number): { status: DealStatus; since: number } {
  const age = now - createdAt;
  if (age < DAY) return { status: 'registered', since: createdAt };
  if (age < 3 * DAY) return { status: 'in_review', since: createdAt + DAY };
  if (roll(n, 1) < 20) return { status: 'rejected', since: createdAt + 3 * DAY };
  if (age < 60 * DAY) return { status: 'approved', since: createdAt + 3 * DAY };
  return { status: roll(n, 2) < 30 ? 'lost' : 'won', since: createdAt + 60 * DAY };
}

const OPEN: DealStatus[] = ['registered', 'in_review', 'approved'];

function wire(d: DealDb, now: number): Deal {
  const s = dealStatusAt(d.n, d.created_at, now);
  return {
    id: `deal_${d.n}`,
    customer_name: d.customer_name,
    inn: d.inn,
    decision_maker: d.decision_maker,
    pids: JSON.parse(d.pids_json) as string[],
    amount: { amount_minor: d.amount, currency: d.currency },
    year: d.year,
    quarter: d.quarter,
    description: d.description,
    status: s.status,
    created_at: isoUtc(d.created_at),
    updated_at: isoUtc(s.since),
  };
}

function dealN(id: string | undefined): number | null {
  const m = /^deal_(\d{1,15})$/.exec(id ?? '');
  return m ? Number(m[1]) : null;
}

function one(store: Store, id: string | undefined): DealDb {
  const n = dealN(id);
  const d = n === null ? undefined : (store.db.prepare('SELECT * FROM deals WHERE n = ?').get(n) as DealDb | undefined);
  if (!d) throw notFound(`No deal ${String(id)}`);
  return d;
}

export const dealRoutes: Routes = {
  'GET /deals': ({ store, query }) => {
    const now = store.now();
    const before = decodeCursor(query.cursor, 'd', 1)?.[0] ?? Number.MAX_SAFE_INTEGER;
    const out: Deal[] = [];
    let last: number | null = null;
    let more = false;
    // Newest first; the status filter applies to the status at this moment.
    const it = store.db.prepare('SELECT * FROM deals WHERE n < ? ORDER BY n DESC').iterate(before) as IterableIterator<DealDb>;
    for (const d of it) {
      const w = wire(d, now);
      if (query.status && w.status !== query.status) continue;
      if (out.length === query.limit) {
        more = true;
        break;
      }
      out.push(w);
      last = d.n;
    }
    return ok({ items: out, next_cursor: more && last !== null ? encodeCursor('d', last) : null });
  },

  'POST /deals': ({ store, body }) => {
    const b = body as DealBody;
    const now = store.now();
    if (b.amount.currency !== store.currency) {
      throw new HttpError(422, 'validation_failed', `The platform bills in ${store.currency}`, { 'amount.currency': 'invalid_value' });
    }
    const same = store.db.prepare('SELECT * FROM deals WHERE inn = ? AND year = ? AND quarter = ?').all(b.inn, b.year, b.quarter) as DealDb[];
    if (same.some((d) => OPEN.includes(dealStatusAt(d.n, d.created_at, now).status))) {
      throw new HttpError(409, 'deal_exists', 'An open deal for this INN and quarter is already registered', { inn: 'deal_exists' });
    }
    const r = store.db
      .prepare(
        'INSERT INTO deals (customer_name, inn, decision_maker, pids_json, amount, currency, year, quarter, description, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)',
      )
      .run(b.customer_name, b.inn, b.decision_maker, JSON.stringify(b.pids), b.amount.amount_minor, b.amount.currency, b.year, b.quarter, b.description, now);
    return ok(wire(one(store, `deal_${String(r.lastInsertRowid)}`), now), 201);
  },

  'GET /deals/{id}': ({ store, params }) => ok(wire(one(store, params.id), store.now())),
};

export function initDeals(db: Db): void {
  db.exec(DEALS_SCHEMA);
}
