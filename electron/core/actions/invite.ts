/**
 * Invite a client and the invitations list, resend and revoke. The invited client goes into the
 * cache at once, as the platform returned it; with no connection the invite is queued
 * (invite-outbox.ts) and the outbox runner sends it on reconnect with the same Idempotency-Key.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { InviteBody, type Client, type Invitation } from '../../../shared/contract/platform';
import type { InviteInput, InviteResult, InvitationRow } from '../../../shared/contract/rpc/actions';
import type { ClientRow } from '../../../shared/contract/rpc/clients';
import { AppError, type AppErrorCode } from '../../../shared/contract/rpc/errors';
import { checkEmail, checkPhone, checkText } from '../../../shared/domain/validation';
import { LIMITS } from '../../../shared/contract/platform';
import type { CoreContext } from '../context';
import { ApiError, toAppError } from '../partner-api/errors';
import { clientParams, UPSERT_CLIENT_SQL } from '../clients/write';
import { recordAudit, single } from './audit';
import { listQueuedInvites, queueInvite } from './invite-outbox';

/** Field checks of the invite form, the same rules the renderer applies as the user types. */
export function checkInvite(input: InviteInput): Record<string, string> {
  const f: Record<string, string> = {};
  const email = checkEmail(input.email);
  if (email) f.email = email;
  const phone = checkPhone(input.phone ?? '');
  if (phone) f.phone = phone;
  const name = checkText(input.name ?? '', LIMITS.name);
  if (name) f.name = name;
  const ext = checkText(input.externalId ?? '', LIMITS.externalId);
  if (ext) f.externalId = ext;
  return f;
}

const WIRE_FIELD: Record<string, string> = { external_id: 'externalId' };

/** The platform's refusal mapped onto the form's fields. */
export function inviteError(e: unknown): AppError {
  if (e instanceof ApiError && e.kind === 'http') {
    if (e.status === 409 && e.code === 'client_exists') {
      return new AppError('client_exists', e.message, { fields: { email: 'exists' } });
    }
    if (e.status === 422) {
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(e.fields ?? {})) fields[WIRE_FIELD[k] ?? k] = v;
      return new AppError('invalid_input', e.message, { fields });
    }
  }
  return toAppError(e);
}

export function upsertClient(db: Database.Database, c: Client): void {
  db.prepare(UPSERT_CLIENT_SQL).run(clientParams(c));
}

function toClientRow(c: Client): ClientRow {
  return {
    id: c.id,
    email: c.email,
    name: c.name,
    phone: c.phone,
    externalId: c.external_id,
    status: c.status,
    paymentModel: c.payment_model,
    invitedAt: c.invited_at,
    registeredAt: c.registered_at,
    updatedAt: c.updated_at,
    payment: c.balance.payment.amount_minor,
    bonus: c.balance.bonus.amount_minor,
    currency: c.balance.payment.currency,
    balanceAsOf: c.balance.as_of,
    projectsCount: c.projects_count,
    pendingAction: null,
  };
}

export async function inviteClient(ctx: CoreContext, input: InviteInput): Promise<InviteResult> {
  const fields = checkInvite(input);
  if (Object.keys(fields).length) throw new AppError('invalid_input', 'The form has invalid fields', { fields });
  const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
  const body = InviteBody.parse({
    email: input.email.trim(),
    ...(opt(input.name) ? { name: opt(input.name) } : {}),
    ...(opt(input.phone) ? { phone: opt(input.phone) } : {}),
    ...(opt(input.externalId) ? { external_id: opt(input.externalId) } : {}),
  });
  const key = `invite-${randomUUID()}`;
  let client: Client;
  try {
    client = await ctx.api().invite(body, key);
  } catch (e) {
    const err = inviteError(e);
    if (err.code === 'offline' || err.code === 'not_configured') {
      // No connection: queued with the same key (a request that did arrive is replayed, not repeated).
      const invitation = queueInvite(ctx.db, body, key, ctx.now());
      ctx.changed(['invitations', 'audit']);
      ctx.actionRunner?.wake();
      return { queued: true, invitation };
    }
    if (err.code === 'client_exists' || err.code === 'invalid_input') {
      recordAudit(ctx.db, { at: ctx.now(), action: 'invite', clientIds: [], detail: `${body.email}\t${err.code}`, result: single(false) });
      ctx.changed(['audit']);
    }
    throw err;
  }
  ctx.db.transaction(() => {
    upsertClient(ctx.db, client);
    recordAudit(ctx.db, {
      at: ctx.now(),
      action: 'invite',
      clientIds: [client.id],
      detail: client.email,
      result: single(true),
      extraSearch: [client.name ?? '', client.external_id ?? ''],
    });
  })();
  ctx.changed(['clients', 'audit', 'invitations']);
  ctx.requestSync('invite');
  return { queued: false, client: toClientRow(client) };
}

// ---------- invitations ----------

function writeInvitation(db: Database.Database, i: Invitation, now: number): void {
  db.prepare(
    `INSERT OR REPLACE INTO invitations (id, client_id, email, status, sent_at, expires_at, resent_count, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(i.id, i.client_id, i.email, i.status, i.sent_at, i.expires_at, i.resent_count, now);
}

interface DbInvitation {
  id: string;
  client_id: string;
  email: string;
  name: string | null;
  status: 'pending' | 'expired';
  sent_at: string;
  expires_at: string;
  resent_count: number;
}
const toInvitationRow = (r: DbInvitation): InvitationRow => ({
  id: r.id,
  clientId: r.client_id,
  email: r.email,
  name: r.name,
  status: r.status,
  sentAt: r.sent_at,
  expiresAt: r.expires_at,
  resentCount: r.resent_count,
});

function cachedInvitations(db: Database.Database): { items: InvitationRow[]; asOf: string | null } {
  const rows = db
    .prepare(
      `SELECT i.id, i.client_id, i.email, c.name, i.status, i.sent_at, i.expires_at, i.resent_count
       FROM invitations i LEFT JOIN clients c ON c.id = i.client_id ORDER BY i.sent_at DESC, i.id`,
    )
    .all() as DbInvitation[];
  const asOf = (db.prepare('SELECT max(fetched_at) AS t FROM invitations').get() as { t: number | null }).t;
  return { items: rows.map(toInvitationRow), asOf: asOf === null ? null : new Date(asOf).toISOString() };
}

function isOffline(e: AppError): boolean {
  return e.code === 'offline' || e.code === 'not_configured' || e.code === 'token_rejected' || e.code === 'rate_limited';
}

/** Fetches every invitation when online and replaces the cached copy; offline, the cached copy. */
export async function listInvitations(
  ctx: CoreContext,
): Promise<{ items: InvitationRow[]; asOf: string | null; offline: boolean; unavailable: AppErrorCode | null; queued: ReturnType<typeof listQueuedInvites> }> {
  const all: Invitation[] = [];
  try {
    const api = ctx.api();
    let cursor: string | undefined;
    for (let i = 0; i < 1000; i++) {
      const page = await api.invitations(cursor, 1000);
      all.push(...page.items);
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
  } catch (e) {
    const err = toAppError(e);
    if (isOffline(err)) return { ...cachedInvitations(ctx.db), offline: true, unavailable: err.code, queued: listQueuedInvites(ctx.db) };
    throw err;
  }
  const now = ctx.now();
  ctx.db.transaction(() => {
    ctx.db.exec('DELETE FROM invitations');
    for (const i of all) writeInvitation(ctx.db, i, now);
  })();
  return { ...cachedInvitations(ctx.db), offline: false, unavailable: null, queued: listQueuedInvites(ctx.db) };
}

export async function resendInvitation(ctx: CoreContext, id: string): Promise<InvitationRow> {
  let inv: Invitation;
  try {
    inv = await ctx.api().resendInvitation(id, `resend-${randomUUID()}`);
  } catch (e) {
    throw toAppError(e);
  }
  ctx.db.transaction(() => {
    writeInvitation(ctx.db, inv, ctx.now());
    recordAudit(ctx.db, { at: ctx.now(), action: 'resend', clientIds: [inv.client_id], detail: inv.email, result: single(true) });
  })();
  ctx.changed(['invitations', 'audit']);
  const name = (ctx.db.prepare('SELECT name FROM clients WHERE id = ?').get(inv.client_id) as { name: string | null } | undefined)?.name ?? null;
  return toInvitationRow({ ...inv, name });
}

export async function revokeInvitation(ctx: CoreContext, id: string): Promise<{ id: string }> {
  const cached = ctx.db.prepare('SELECT client_id, email FROM invitations WHERE id = ?').get(id) as
    | { client_id: string; email: string }
    | undefined;
  try {
    await ctx.api().revokeInvitation(id, `revoke-${randomUUID()}`);
  } catch (e) {
    throw toAppError(e);
  }
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM invitations WHERE id = ?').run(id);
    recordAudit(ctx.db, {
      at: ctx.now(),
      action: 'revoke',
      clientIds: cached ? [cached.client_id] : [],
      detail: cached?.email ?? id,
      result: single(true),
    });
  })();
  ctx.changed(['invitations', 'audit', 'clients']);
  ctx.requestSync('revoke');
  return { id };
}
