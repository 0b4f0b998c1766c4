/** Platform, partner, invitations, partner applications. */
import { isoUtc } from '../../../shared/domain/time';
import { invitationN } from '../db';
import { notFound } from '../http';
import { DAY } from '../seed';
import type { InvitationRow, Store } from '../store';
import { decodeCursor, encodeCursor, ok, type Routes } from './types';

export const PARTNER = { id: 'partner_demo', name: 'ООО «Демо Партнёр»', model: 'partner' } as const;

function pending(store: Store, id: string | undefined): InvitationRow {
  const n = id === undefined ? null : invitationN(id);
  const inv = n === null ? undefined : (store.q.invitation.get(n) as InvitationRow | undefined);
  if (!inv || inv.state !== 'pending' || !store.liveClient(inv.client_n)) throw notFound(`No pending invitation ${String(id)}`);
  return inv;
}
const emailOf = (store: Store, inv: InvitationRow) => store.client(inv.client_n)?.email ?? '';

export const miscRoutes: Routes = {
  'GET /platform': ({ store }) => ok(store.platform),
  'GET /partner': () => ok(PARTNER),

  'GET /invitations': ({ store, query }) => {
    const after = decodeCursor(query.cursor, 'i', 1)?.[0] ?? 0;
    const rows = store.db
      .prepare(
        `SELECT i.*, c.email FROM invitations i JOIN clients c ON c.n = i.client_n
         WHERE i.state = 'pending' AND c.deleted_at IS NULL AND i.n > ? ORDER BY i.n LIMIT ?`,
      )
      .all(after, query.limit + 1) as (InvitationRow & { email: string })[];
    const more = rows.length > query.limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    return ok({ items: rows.map((r) => store.invitationWire(r, r.email)), next_cursor: more && last ? encodeCursor('i', last.n) : null });
  },

  'POST /invitations/{id}/resend': ({ store, params }) =>
    store.db.transaction(() => {
      const inv = pending(store, params.id);
      const now = store.now();
      store.db.prepare('UPDATE invitations SET sent_at = ?, expires_at = ?, resent_count = resent_count + 1 WHERE n = ?').run(now, now + 7 * DAY, inv.n);
      const fresh = store.q.invitation.get(inv.n) as InvitationRow;
      return ok(store.invitationWire(fresh, emailOf(store, fresh)));
    })(),

  'DELETE /invitations/{id}': ({ store, params }) =>
    store.db.transaction(() => {
      const inv = pending(store, params.id);
      store.db.prepare("UPDATE invitations SET state = 'revoked' WHERE n = ?").run(inv.n);
      return ok({ id: params.id, revoked: true });
    })(),

  'POST /partner-applications': ({ store, body }) => {
    const now = store.now();
    const r = store.db
      .prepare('INSERT INTO applications (name, email, phone, company, message, received_at) VALUES (?,?,?,?,?,?)')
      .run(body.name, body.email, body.phone, body.company, body.message ?? '', now);
    return ok({ id: 'app' + String(r.lastInsertRowid), received_at: isoUtc(now) }, 201);
  },
};
