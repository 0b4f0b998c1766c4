/**
 * The audit log: every action taken from this app (local user, action, clients, result, time).
 * Bulk actions get their entry from enqueue (outbox.ts) in the same transaction as the outbox rows;
 * the runner fills in the result. One-client actions (invite, resend, revoke) are recorded here.
 * Rows are never deleted or truncated.
 */
import type Database from 'better-sqlite3';
import type { AuditAction, AuditRow, BatchCounts } from '../../../shared/contract/rpc/actions';
import { localUser } from './outbox';

export function recordAudit(
  db: Database.Database,
  e: { at: number; action: AuditAction; clientIds: string[]; detail: string | null; result?: BatchCounts | null; extraSearch?: string[] },
): number {
  const user = localUser();
  const search = [user, e.action, ...e.clientIds, e.detail ?? '', ...(e.extraSearch ?? [])].join(' ').toLowerCase();
  const r = db
    .prepare(
      `INSERT INTO audit_log (at, user, action, batch_id, client_ids, client_count, result, detail, search_text)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
    )
    .run(e.at, user, e.action, JSON.stringify(e.clientIds), e.clientIds.length, e.result ? JSON.stringify(e.result) : null, e.detail, search);
  return Number(r.lastInsertRowid);
}

/** A one-client action's result, in the batch counts' shape. */
export function single(ok: boolean): BatchCounts {
  return { total: 1, pending: 0, sending: 0, ok: ok ? 1 : 0, failed: ok ? 0 : 1, cancelled: 0 };
}

interface DbAudit {
  id: number;
  at: number;
  user: string;
  action: AuditAction;
  batch_id: string | null;
  client_ids: string;
  client_count: number;
  result: string | null;
  detail: string | null;
}

function toRow(r: DbAudit): AuditRow {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    user: r.user,
    action: r.action,
    batchId: r.batch_id,
    clientIds: JSON.parse(r.client_ids) as string[],
    count: r.client_count,
    result: r.result ? (JSON.parse(r.result) as BatchCounts) : null,
    detail: r.detail,
  };
}

function where(search: string): { sql: string; params: unknown[] } {
  const q = search.trim().toLowerCase();
  return q ? { sql: 'WHERE instr(search_text, ?) > 0', params: [q] } : { sql: '', params: [] };
}

export function listAudit(db: Database.Database, search: string, offset: number, limit: number): { rows: AuditRow[]; total: number } {
  const w = where(search);
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${w.sql}`).get(...w.params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT id, at, user, action, batch_id, client_ids, client_count, result, detail FROM audit_log ${w.sql}
       ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`,
    )
    .all(...w.params, limit, offset) as DbAudit[];
  return { total, rows: rows.map(toRow) };
}

/** Every entry matching the search, newest first (for the export). */
export function* iterateAudit(db: Database.Database, search: string): Generator<AuditRow> {
  const w = where(search);
  const st = db.prepare(
    `SELECT id, at, user, action, batch_id, client_ids, client_count, result, detail FROM audit_log ${w.sql} ORDER BY at DESC, id DESC`,
  );
  for (const r of st.iterate(...w.params) as IterableIterator<DbAudit>) yield toRow(r);
}
