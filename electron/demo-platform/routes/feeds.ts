/**
 * The sync feeds. Clients page by their change sequence (`seq`, bumped by every write in the
 * writing transaction); ledger rows by their append sequence. A row changed between two pages
 * moves past the reader's cursor and shows up once, later: nothing skipped, nothing doubled.
 * next_cursor is always a position (the same one when the page is empty), so a reader can poll.
 * Ledger rows of deleted clients leave the feed with their client.
 */
import { clientId } from '../db';
import { isoUtc } from '../../../shared/domain/time';
import type { ClientRow, Store, TxRow } from '../store';
import { decodeCursor, encodeCursor, ok, type Routes } from './types';

const stmts = new WeakMap<Store, ReturnType<typeof prepare>>();
function prepare(store: Store) {
  return {
    clients: store.db.prepare('SELECT * FROM clients WHERE seq > ? ORDER BY seq LIMIT ?'),
    tx: store.db.prepare(
      // CROSS JOIN and +at_ms keep the plan on the primary key (seq order), whatever the statistics say.
      `SELECT t.* FROM transactions t CROSS JOIN clients c ON c.n = t.client_n
       WHERE t.seq > ? AND +t.at_ms >= ? AND c.deleted_at IS NULL ORDER BY t.seq LIMIT ?`,
    ),
  };
}
function q(store: Store) {
  let s = stmts.get(store);
  if (!s) stmts.set(store, (s = prepare(store)));
  return s;
}

export const feedRoutes: Routes = {
  'GET /clients/changes': ({ store, query }) => {
    const after = decodeCursor(query.cursor, 'c', 1)?.[0] ?? 0;
    const rows = q(store).clients.all(after, query.limit) as ClientRow[];
    const items = rows.map((c) => (c.deleted_at !== null ? { id: clientId(c.n), deleted: true } : store.clientWire(c)));
    const last = rows[rows.length - 1];
    return ok({ items, next_cursor: encodeCursor('c', last ? last.seq : after) });
  },

  // Each changed client (by the clients' change sequence) with its whole project list; a deleted
  // client comes with an empty list, so the cursor always moves with the items.
  'GET /projects/changes': ({ store, query }) => {
    const after = decodeCursor(query.cursor, 'p', 1)?.[0] ?? 0;
    const rows = q(store).clients.all(after, query.limit) as ClientRow[];
    const items = rows.map((c) => ({
      client_id: clientId(c.n),
      projects:
        c.deleted_at !== null
          ? []
          : (store.q.projects.all(c.n) as { pid: string; name: string; status: string; created_at: number }[]).map(
              (p) => ({ pid: p.pid, name: p.name, status: p.status, created_at: isoUtc(p.created_at) }),
            ),
    }));
    const last = rows[rows.length - 1];
    return ok({ items, next_cursor: encodeCursor('p', last ? last.seq : after) });
  },

  'GET /transactions/changes': ({ store, query }) => {
    const cur = decodeCursor(query.cursor, 't', 2);
    const after = cur ? (cur[0] as number) : 0;
    const since = cur ? (cur[1] as number) : query.since ? Date.parse(query.since) : 0;
    const rows = q(store).tx.all(after, since, query.limit) as TxRow[];
    const last = rows[rows.length - 1];
    return ok({ items: rows.map((t) => store.txWire(t)), next_cursor: encodeCursor('t', last ? last.seq : after, since) });
  },
};
