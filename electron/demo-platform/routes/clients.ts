/** Clients: list, one, invite, block, unblock, delete, bulk, projects. */
import { randomBytes } from 'node:crypto';
import { isoUtc } from '../../../shared/domain/time';
import { clientId, clientN } from '../db';
import { HttpError, notFound } from '../http';
import { DAY } from '../seed';
import type { ClientRow, Store } from '../store';
import { decodeCursor, encodeCursor, ok, type Routes } from './types';

const noClient = (id: string) => notFound(`No client ${id}`);

function live(store: Store, id: string | undefined): ClientRow {
  const n = id === undefined ? null : clientN(id);
  const c = n === null ? undefined : store.liveClient(n);
  if (!c) throw noClient(String(id));
  return c;
}

type Action = 'block' | 'unblock' | 'delete';
/** Applies one action inside the caller's transaction; returns an error code or null. */
function apply(store: Store, c: ClientRow, action: Action): 'invalid_state' | null {
  const now = store.now();
  if (action === 'delete') {
    store.db.prepare('UPDATE clients SET deleted_at = ?, seq = ?, updated_at = ? WHERE n = ?').run(now, store.nextSeq(), now, c.n);
    store.db.prepare("UPDATE invitations SET state = 'revoked' WHERE client_n = ? AND state = 'pending'").run(c.n);
    c.deleted_at = now;
    return null;
  }
  if (c.status === 'invited') return 'invalid_state';
  const target = action === 'block' ? 'blocked' : 'active';
  if (c.status === target) return null; // idempotent: nothing changes, nothing bumps
  store.q.setStatus.run(target, store.nextSeq(), now, c.n);
  c.status = target;
  c.updated_at = now;
  return null;
}

function statusChange(action: 'block' | 'unblock') {
  return ({ store, params }: Parameters<Routes[string]>[0]) =>
    store.db.transaction(() => {
      const c = live(store, params.id);
      if (apply(store, c, action) === 'invalid_state') {
        throw new HttpError(409, 'invalid_state', `Client ${clientId(c.n)} has not accepted the invitation yet`);
      }
      return ok(store.clientWire(store.client(c.n) as ClientRow));
    })();
}

export const clientRoutes: Routes = {
  'GET /clients': ({ store, query }) => {
    const after = decodeCursor(query.cursor, 'l', 1)?.[0] ?? 0;
    const where = ['deleted_at IS NULL', 'n > @after'];
    const args: Record<string, unknown> = { after, limit: query.limit + 1 };
    if (query.status) {
      where.push('status = @status');
      args.status = query.status;
    }
    if (query.search) {
      const s = String(query.search).trim().toLowerCase();
      args.s = s;
      const n = clientN(s);
      args.n = n ?? -1;
      where.push(
        `(n = @n OR instr(email_lc, @s) > 0 OR instr(ulower(name), @s) > 0 OR instr(ulower(phone), @s) > 0 OR instr(ulower(external_id), @s) > 0)`,
      );
    }
    const rows = store.db.prepare(`SELECT * FROM clients WHERE ${where.join(' AND ')} ORDER BY n LIMIT @limit`).all(args) as ClientRow[];
    const more = rows.length > query.limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    return ok({ items: rows.map((c) => store.clientWire(c)), next_cursor: more && last ? encodeCursor('l', last.n) : null });
  },

  'GET /clients/{id}': ({ store, params }) => ok(store.clientWire(live(store, params.id))),

  'POST /clients': ({ store, body }) =>
    store.db.transaction(() => {
      const email = String(body.email);
      if (store.q.liveByEmail.get(email.toLowerCase())) {
        throw new HttpError(409, 'client_exists', 'A client with this email already exists', { email: 'exists' });
      }
      const n = store.counter('clients_next');
      const now = store.now();
      store.db
        .prepare(
          `INSERT INTO clients (n, email, email_lc, name, phone, external_id, status, payment_model, invited_at, registered_at,
            updated_at, opening_payment, payment, bonus, projects_count, deleted_at, seq)
           VALUES (?,?,?,?,?,?,'invited','prepaid',?,NULL,?,0,0,0,0,NULL,?)`,
        )
        .run(n, email, email.toLowerCase(), body.name ?? null, body.phone ?? null, body.external_id ?? null, now, now, store.nextSeq());
      const inv = store.counter('inv_next');
      store.db
        .prepare(`INSERT INTO invitations (n, client_n, token, sent_at, expires_at, resent_count, state) VALUES (?,?,?,?,?,0,'pending')`)
        .run(inv, n, randomBytes(18).toString('base64url'), now, now + 7 * DAY);
      return ok(store.clientWire(store.client(n) as ClientRow), 201);
    })(),

  'POST /clients/{id}/block': statusChange('block'),
  'POST /clients/{id}/unblock': statusChange('unblock'),

  'DELETE /clients/{id}': ({ store, params }) =>
    store.db.transaction(() => {
      const c = live(store, params.id);
      apply(store, c, 'delete');
      return ok({ id: clientId(c.n), deleted_at: isoUtc(c.deleted_at as number) });
    })(),

  'POST /clients/bulk': ({ store, body }) =>
    store.db.transaction(() => {
      const results = (body.ids as string[]).map((id) => {
        const n = clientN(id);
        const c = n === null ? undefined : store.liveClient(n);
        if (!c) return { id, ok: false, error: 'not_found' };
        const err = apply(store, c, body.action as Action);
        return err ? { id, ok: false, error: err } : { id, ok: true };
      });
      return ok({ results });
    })(),

  'GET /clients/{id}/projects': ({ store, params }) => {
    const c = live(store, params.id);
    const rows = store.q.projects.all(c.n) as { pid: string; name: string; status: string; created_at: number }[];
    return ok(rows.map((p) => ({ pid: p.pid, name: p.name, status: p.status, created_at: isoUtc(p.created_at) })));
  },
};
