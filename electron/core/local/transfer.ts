/**
 * The data only this app holds, as one file: preferences (meta settings.* and connection.*),
 * batches and their outbox rows (pending actions and results), invitations queued offline, the
 * audit log, alert rules, deal feedback and saved views of the client list. exportLocalData writes it; importLocalData validates a file with the contract's
 * zod schema and merges it in one transaction (nothing already here is replaced; a bad file
 * writes nothing).
 */
import type Database from 'better-sqlite3';
import { settleStaged } from '../actions/staged';
import { AppError } from '../../../shared/contract/rpc/errors';
import { LocalDataFile, type LocalDataCounts } from '../../../shared/contract/rpc/local';

const PREFS = "key LIKE 'settings.%' OR key LIKE 'connection.%'";

export function exportLocalData(db: Database.Database, appVersion: string, nowMs: number): LocalDataFile {
  settleStaged(db);
  // One read transaction: the tables agree with each other.
  return db.transaction(() => ({
    format: 'partner-desk-local-data' as const,
    version: 1 as const,
    exportedAt: new Date(nowMs).toISOString(),
    appVersion,
    preferences: db.prepare(`SELECT key, value FROM meta WHERE ${PREFS} ORDER BY key`).all() as LocalDataFile['preferences'],
    batches: db.prepare('SELECT id, action, created_at, total, skipped, parent_id, user, audit_id FROM batches ORDER BY created_at, id').all() as LocalDataFile['batches'],
    outbox: db
      .prepare('SELECT batch_id, client_id, action, idempotency_key, state, chunk_key, attempts, error, created_at, updated_at FROM outbox ORDER BY seq')
      .all() as LocalDataFile['outbox'],
    auditLog: db
      .prepare('SELECT id, at, user, action, batch_id, client_ids, client_count, result, detail, search_text FROM audit_log ORDER BY id')
      .all() as LocalDataFile['auditLog'],
    alertRules: db.prepare('SELECT scope, threshold_minor, negative, freeze_days FROM alert_rules ORDER BY scope').all() as LocalDataFile['alertRules'],
    dealFeedback: db.prepare('SELECT deal_id, month, note, at FROM deal_feedback ORDER BY deal_id, month').all() as LocalDataFile['dealFeedback'],
    savedViews: db
      .prepare('SELECT id, position, name, default_key, spec, created_at, updated_at FROM saved_views ORDER BY position, id')
      .all() as LocalDataFile['savedViews'],
    inviteOutbox: db
      .prepare('SELECT email, name, phone, external_id, idempotency_key, state, attempts, error, audit_id, created_at, updated_at FROM invite_outbox ORDER BY seq')
      .all() as LocalDataFile['inviteOutbox'],
  }))();
}

/** Parses and checks a file's text; AppError('invalid_file') says what is wrong. */
export function parseLocalData(text: string): LocalDataFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AppError('invalid_file', `Not JSON: ${(e as Error).message}`);
  }
  const r = LocalDataFile.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new AppError('invalid_file', `Not a local data export: ${i ? `${i.path.join('.')}: ${i.message}` : 'invalid'}`);
  }
  const batchIds = new Set(r.data.batches.map((b) => b.id));
  const orphan = r.data.outbox.find((o) => !batchIds.has(o.batch_id));
  if (orphan) throw new AppError('invalid_file', `An action refers to a batch the file does not hold (${orphan.batch_id})`);
  return r.data;
}

/**
 * Merges a file into this cache in one transaction. Preferences already set here win; batches,
 * actions and queued invitations (by idempotency key), alert rules, deal notes and saved views already here are kept (new
 * views go after this machine's tabs); audit entries get new ids (an entry equal to one here in time, user, action and clients is not added twice).
 */
export function importLocalData(db: Database.Database, file: LocalDataFile): LocalDataCounts {
  const added: LocalDataCounts = { preferences: 0, pendingActions: 0, batches: 0, auditEntries: 0, alertRules: 0, dealNotes: 0, savedViews: 0, pendingInvitations: 0 };
  db.transaction(() => {
    const pref = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
    for (const p of file.preferences) added.preferences += pref.run(p.key, p.value).changes;

    const sameAudit = db.prepare('SELECT id FROM audit_log WHERE at = ? AND user = ? AND action = ? AND client_ids = ?').pluck();
    const insAudit = db.prepare(
      'INSERT INTO audit_log (at, user, action, batch_id, client_ids, client_count, result, detail, search_text) VALUES (?,?,?,?,?,?,?,?,?)',
    );
    const auditId = new Map<number, number>();
    for (const a of file.auditLog) {
      const here = sameAudit.get(a.at, a.user, a.action, a.client_ids) as number | undefined;
      if (here !== undefined) {
        auditId.set(a.id, here);
        continue;
      }
      const id = Number(insAudit.run(a.at, a.user, a.action, a.batch_id, a.client_ids, a.client_count, a.result, a.detail, a.search_text).lastInsertRowid);
      auditId.set(a.id, id);
      added.auditEntries++;
    }

    const insBatch = db.prepare(
      'INSERT OR IGNORE INTO batches (id, action, created_at, total, skipped, parent_id, user, audit_id) VALUES (?,?,?,?,?,?,?,?)',
    );
    for (const b of file.batches) {
      const aid = b.audit_id === null ? null : (auditId.get(b.audit_id) ?? null);
      added.batches += insBatch.run(b.id, b.action, b.created_at, b.total, b.skipped, b.parent_id, b.user, aid).changes;
    }
    const insOut = db.prepare(
      `INSERT OR IGNORE INTO outbox (batch_id, client_id, action, idempotency_key, state, chunk_key, attempts, error, created_at, updated_at)
       VALUES (?,?,?,?,?,?,?,?,?,?)`,
    );
    for (const o of file.outbox) {
      const n = insOut.run(o.batch_id, o.client_id, o.action, o.idempotency_key, o.state, o.chunk_key, o.attempts, o.error, o.created_at, o.updated_at).changes;
      if (n > 0 && (o.state === 'pending' || o.state === 'sending')) added.pendingActions++;
    }
    const insRule = db.prepare('INSERT OR IGNORE INTO alert_rules (scope, threshold_minor, negative, freeze_days) VALUES (?,?,?,?)');
    for (const r of file.alertRules) added.alertRules += insRule.run(r.scope, r.threshold_minor, r.negative, r.freeze_days).changes;
    const insNote = db.prepare('INSERT OR IGNORE INTO deal_feedback (deal_id, month, note, at) VALUES (?,?,?,?)');
    for (const f of file.dealFeedback) added.dealNotes += insNote.run(f.deal_id, f.month, f.note, f.at).changes;
    // Views not here yet go after this machine's own tabs, in the file's order; a view here by the same id is kept.
    const insView = db.prepare(
      `INSERT OR IGNORE INTO saved_views (id, position, name, default_key, spec, created_at, updated_at)
       VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM saved_views), ?, ?, ?, ?, ?)`,
    );
    for (const v of file.savedViews) {
      if (v.name === null && v.default_key === null) continue;
      added.savedViews += insView.run(v.id, v.name, v.default_key, v.spec, v.created_at, v.updated_at).changes;
    }
    // Queued invitations after this machine's own (a new seq), each with its audit entry's id here.
    const insInvite = db.prepare(
      `INSERT OR IGNORE INTO invite_outbox (email, name, phone, external_id, idempotency_key, state, attempts, error, audit_id, created_at, updated_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
    );
    for (const i of file.inviteOutbox) {
      const aid = i.audit_id === null ? null : (auditId.get(i.audit_id) ?? null);
      const n = insInvite.run(i.email, i.name, i.phone, i.external_id, i.idempotency_key, i.state, i.attempts, i.error, aid, i.created_at, i.updated_at).changes;
      if (n > 0 && i.state !== 'failed') added.pendingInvitations++;
    }
  }).immediate();
  return added;
}
