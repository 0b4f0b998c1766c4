/**
 * Invitations written while the platform cannot be reached: every statement over invite_outbox.
 * An invite that met no connection is queued with the Idempotency-Key it was first tried with
 * (so a request that did reach the platform is replayed, not repeated) and an audit entry whose
 * result says pending. The outbox runner (runner.ts) sends queued invites first, oldest first, on
 * reconnect: a sent one puts the client in the cache and leaves the queue; a refused one stays as
 * 'failed' with the platform's code until the manager discards it.
 */
import type Database from 'better-sqlite3';
import { InviteBody, type Client } from '../../../shared/contract/platform';
import type { QueuedInvitation } from '../../../shared/contract/rpc/actions';
import { AppError } from '../../../shared/contract/rpc/errors';
import { clientParams, UPSERT_CLIENT_SQL } from '../clients/write';
import { recordAudit, single } from './audit';

interface DbQueued {
  seq: number;
  email: string;
  name: string | null;
  phone: string | null;
  external_id: string | null;
  idempotency_key: string;
  state: 'pending' | 'sending' | 'failed';
  attempts: number;
  error: string | null;
  audit_id: number | null;
  created_at: number;
}

/** A queued invite as the runner sends it: the body (checked again with the contract) and its key. */
export interface QueuedSend {
  seq: number;
  body: InviteBody;
  key: string;
  attempts: number;
}

const PENDING_RESULT = JSON.stringify({ total: 1, pending: 1, sending: 0, ok: 0, failed: 0, cancelled: 0 });

/** Queues an invite (one transaction with its audit entry). Returns the queued row. */
export function queueInvite(db: Database.Database, body: InviteBody, key: string, now: number): QueuedInvitation {
  return db.transaction(() => {
    const auditId = recordAudit(db, {
      at: now,
      action: 'invite',
      clientIds: [],
      detail: body.email,
      extraSearch: [body.name ?? '', body.external_id ?? ''],
    });
    db.prepare('UPDATE audit_log SET result = ? WHERE id = ?').run(PENDING_RESULT, auditId);
    const r = db
      .prepare(
        `INSERT INTO invite_outbox (email, name, phone, external_id, idempotency_key, state, audit_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
      )
      .run(body.email, body.name ?? null, body.phone ?? null, body.external_id ?? null, key, auditId, now, now);
    return toQueued(db.prepare('SELECT * FROM invite_outbox WHERE seq = ?').get(Number(r.lastInsertRowid)) as DbQueued);
  })();
}

function toQueued(r: DbQueued): QueuedInvitation {
  return {
    id: r.seq,
    email: r.email,
    name: r.name,
    state: r.state,
    error: r.error,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Every queued invite, oldest first (pending, being sent, refused). */
export function listQueuedInvites(db: Database.Database): QueuedInvitation[] {
  return (db.prepare('SELECT * FROM invite_outbox ORDER BY seq').all() as DbQueued[]).map(toQueued);
}

/** True while an invite waits to be sent or is being sent. */
export function hasOpenInvites(db: Database.Database): boolean {
  return !!db.prepare(`SELECT 1 FROM invite_outbox WHERE state IN ('pending','sending') LIMIT 1`).get();
}

/**
 * The oldest open invite, marked 'sending' with one more attempt. A row the contract no longer
 * accepts fails at once with 'invalid_input' instead of being sent.
 */
export function claimInvite(db: Database.Database, now: number): QueuedSend | null {
  return db.transaction((): QueuedSend | null => {
    for (;;) {
      const r = db.prepare(`SELECT * FROM invite_outbox WHERE state IN ('pending','sending') ORDER BY seq LIMIT 1`).get() as DbQueued | undefined;
      if (!r) return null;
      const body = InviteBody.safeParse({
        email: r.email,
        ...(r.name ? { name: r.name } : {}),
        ...(r.phone ? { phone: r.phone } : {}),
        ...(r.external_id ? { external_id: r.external_id } : {}),
      });
      if (!body.success) {
        settle(db, r.seq, { kind: 'failed', error: 'invalid_input' }, now);
        continue;
      }
      db.prepare(`UPDATE invite_outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE seq = ?`).run(now, r.seq);
      return { seq: r.seq, body: body.data, key: r.idempotency_key, attempts: r.attempts + 1 };
    }
  }).immediate();
}

/** The platform's answer to a queued invite: the client into the cache and the row gone, or refused. */
export function settleInvite(db: Database.Database, seq: number, outcome: { kind: 'ok'; client: Client } | { kind: 'failed'; error: string }, now: number): void {
  db.transaction(() => settle(db, seq, outcome, now)).immediate();
}

function settle(db: Database.Database, seq: number, outcome: { kind: 'ok'; client: Client } | { kind: 'failed'; error: string }, now: number): void {
  const row = db.prepare('SELECT audit_id FROM invite_outbox WHERE seq = ?').get(seq) as { audit_id: number | null } | undefined;
  if (!row) return;
  if (outcome.kind === 'ok') {
    db.prepare(UPSERT_CLIENT_SQL).run(clientParams(outcome.client));
    db.prepare('DELETE FROM invite_outbox WHERE seq = ?').run(seq);
    if (row.audit_id !== null) {
      db.prepare('UPDATE audit_log SET result = ?, client_ids = ?, client_count = 1, search_text = search_text || ? WHERE id = ?').run(
        JSON.stringify(single(true)),
        JSON.stringify([outcome.client.id]),
        ` ${outcome.client.id}`.toLowerCase(),
        row.audit_id,
      );
    }
    return;
  }
  db.prepare(`UPDATE invite_outbox SET state = 'failed', error = ?, updated_at = ? WHERE seq = ?`).run(outcome.error, now, seq);
  if (row.audit_id !== null) {
    db.prepare(`UPDATE audit_log SET result = ?, detail = detail || ? WHERE id = ?`).run(JSON.stringify(single(false)), `\t${outcome.error}`, row.audit_id);
  }
}

/** Back to 'pending' after an answer that says "try again later" (offline, rate limit, 5xx). */
export function releaseInvite(db: Database.Database, seq: number, now: number): void {
  db.prepare(`UPDATE invite_outbox SET state = 'pending', updated_at = ? WHERE seq = ? AND state = 'sending'`).run(now, seq);
}

/** Removes a queued invite that is not being sent (a pending one is not sent; a failed one is dismissed). */
export function discardInvite(db: Database.Database, seq: number): void {
  db.transaction(() => {
    const r = db.prepare('SELECT state, audit_id FROM invite_outbox WHERE seq = ?').get(seq) as { state: string; audit_id: number | null } | undefined;
    if (!r) throw new AppError('not_found', `No queued invitation ${seq}`);
    if (r.state === 'sending') throw new AppError('invalid_input', 'The invitation is being sent');
    db.prepare('DELETE FROM invite_outbox WHERE seq = ?').run(seq);
    if (r.state === 'pending' && r.audit_id !== null) {
      db.prepare('UPDATE audit_log SET result = ? WHERE id = ?').run(
        JSON.stringify({ total: 1, pending: 0, sending: 0, ok: 0, failed: 0, cancelled: 1 }),
        r.audit_id,
      );
    }
  }).immediate();
}
