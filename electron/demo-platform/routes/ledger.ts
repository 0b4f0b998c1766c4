/** A client's transactions and expenses (bucketed in region time), and the monthly consumption report. */
import { addDays, addMonths, bucketStart, localMidnightUtc, offsetMinutesAt, type Granularity } from '../../../shared/domain/time';
import { clientId, clientN } from '../db';
import { HttpError, notFound } from '../http';
import type { ClientRow, Store, TxRow } from '../store';
import { decodeCursor, encodeCursor, ok, type Routes } from './types';

function live(store: Store, id: string | undefined): ClientRow {
  const n = id === undefined ? null : clientN(id);
  const c = n === null ? undefined : store.liveClient(n);
  if (!c) throw notFound(`No client ${String(id)}`);
  return c;
}

/** Local date of an instant; the zone's offset is cached per hour (Intl is slow per row). */
export function makeLocalDate(zone: string): (ms: number) => string {
  const cache = new Map<number, number>();
  return (ms) => {
    const h = Math.floor(ms / 3_600_000);
    let off = cache.get(h);
    if (off === undefined) {
      off = offsetMinutesAt(zone, h * 3_600_000);
      cache.set(h, off);
    }
    return new Date(ms + off * 60_000).toISOString().slice(0, 10);
  };
}

/** Expenses: debits only, summed per (bucket, key); buckets start on region-local dates. */
export function expenses(
  rows: { at_ms: number; service: string | null; pid: string | null; amount: number }[],
  zone: string,
  granularity: Granularity,
  groupBy: 'service' | 'project',
) {
  const local = makeLocalDate(zone);
  const cells = new Map<string, number>();
  const totals = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    const key = (groupBy === 'service' ? r.service : r.pid) ?? 'none';
    const bucket = bucketStart(local(r.at_ms), granularity);
    const ck = bucket + '\u0000' + key;
    cells.set(ck, (cells.get(ck) ?? 0) + r.amount);
    totals.set(key, (totals.get(key) ?? 0) + r.amount);
    total += r.amount;
  }
  const buckets = [...cells]
    .map(([k, amount_minor]) => {
      const [bucket, key] = k.split('\u0000') as [string, string];
      return { bucket, key, amount_minor };
    })
    .filter((b) => b.amount_minor !== 0)
    .sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const tot = [...totals].map(([key, amount_minor]) => ({ key, amount_minor })).sort((a, b) => b.amount_minor - a.amount_minor || (a.key < b.key ? -1 : 1));
  return { buckets, totals: tot, total_minor: total };
}

export const ledgerRoutes: Routes = {
  'GET /clients/{id}/transactions': ({ store, params, query }) => {
    const c = live(store, params.id);
    const cur = decodeCursor(query.cursor, 'x', 2);
    const where = ['client_n = @n', '(at_ms > @at OR (at_ms = @at AND seq > @seq))'];
    const args: Record<string, unknown> = { n: c.n, at: cur ? cur[0] : -1, seq: cur ? cur[1] : 0, limit: query.limit + 1 };
    if (query.from) {
      where.push('at_ms >= @from');
      args.from = Date.parse(query.from);
    }
    if (query.to) {
      where.push('at_ms < @to');
      args.to = Date.parse(query.to);
    }
    if (query.kind) {
      where.push('kind = @kind');
      args.kind = query.kind === 'debit' ? 0 : 1;
    }
    if (query.project) {
      where.push('pid = @pid');
      args.pid = query.project;
    }
    const rows = store.db.prepare(`SELECT * FROM transactions WHERE ${where.join(' AND ')} ORDER BY at_ms, seq LIMIT @limit`).all(args) as TxRow[];
    const more = rows.length > query.limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    return ok({ items: rows.map((t) => store.txWire(t)), next_cursor: more && last ? encodeCursor('x', last.at_ms, last.seq) : null });
  },

  'GET /clients/{id}/expenses': ({ store, params, query }) => {
    const c = live(store, params.id);
    if (query.to < query.from) throw new HttpError(422, 'validation_failed', '`to` is before `from`', { to: 'before_from' });
    const zone = store.platform.time_zone;
    const rows = store.db
      .prepare('SELECT at_ms, service, pid, amount FROM transactions WHERE client_n = ? AND kind = 0 AND at_ms >= ? AND at_ms < ?')
      .all(c.n, localMidnightUtc(query.from, zone), localMidnightUtc(addDays(query.to, 1), zone)) as Parameters<typeof expenses>[0];
    return ok({
      from: query.from,
      to: query.to,
      granularity: query.granularity,
      group_by: query.group_by,
      time_zone: zone,
      currency: store.currency,
      ...expenses(rows, zone, query.granularity, query.group_by),
    });
  },

  'GET /reports/consumption': ({ store, query }) => {
    const zone = store.platform.time_zone;
    const first = `${query.month}-01`;
    const rows = store.db
      .prepare(
        `SELECT t.client_n AS n, c.name, c.email, t.service, SUM(t.amount) AS amount
         FROM transactions t JOIN clients c ON c.n = t.client_n
         WHERE t.kind = 0 AND t.at_ms >= ? AND t.at_ms < ? AND c.deleted_at IS NULL
         GROUP BY t.client_n, t.service ORDER BY t.client_n, t.service`,
      )
      .all(localMidnightUtc(first, zone), localMidnightUtc(addMonths(first, 1), zone)) as {
      n: number;
      name: string | null;
      email: string;
      service: string;
      amount: number;
    }[];
    const items: { client_id: string; name: string | null; email: string; total_minor: number; by_service: { service: string; amount_minor: number }[] }[] = [];
    for (const r of rows) {
      let it = items[items.length - 1];
      if (!it || it.client_id !== clientId(r.n)) {
        it = { client_id: clientId(r.n), name: r.name, email: r.email, total_minor: 0, by_service: [] };
        items.push(it);
      }
      it.total_minor += r.amount;
      it.by_service.push({ service: r.service, amount_minor: r.amount });
    }
    return ok({ month: query.month, currency: store.currency, items });
  },
};
