/**
 * The runner's side of the outbox (outbox.ts): the rows it claims for a request, a claim given back
 * when its request never left, and the recording of the platform's answers with their effect on
 * the cache, each in one transaction with the batch's audit result.
 */
import type Database from 'better-sqlite3';
import type { BulkAction } from '../../../shared/contract/platform';
import type { BatchCounts } from '../../../shared/contract/rpc/actions';
import { refreshAudit } from './outbox';

/** An outbox row handed to the platform. */
export interface ClaimRow {
  seq: number;
  client_id: string;
  idempotency_key: string;
}

/** What became of one row: sent and applied, or refused for good with a code. */
export type RowOutcome = { kind: 'ok' } | { kind: 'failed'; error: string };

/** True while a row waits to be sent or is being sent. */
export function hasOpenRows(db: Database.Database): boolean {
  return !!db.prepare(`SELECT 1 FROM outbox WHERE state IN ('pending','sending') LIMIT 1`).get();
}

/** The oldest open row: the runner goes on with its batch. */
export function oldestOpenRow(
  db: Database.Database,
): { batch_id: string; action: BulkAction; state: string; chunk_key: string | null } | undefined {
  return db
    .prepare(`SELECT batch_id, action, state, chunk_key FROM outbox WHERE state IN ('pending','sending') ORDER BY seq LIMIT 1`)
    .get() as { batch_id: string; action: BulkAction; state: string; chunk_key: string | null } | undefined;
}

/**
 * The chunk a previous run left in 'sending' (by its key, or up to `limit` unkeyed rows of the
 * batch), counted as one more attempt. Call inside a transaction.
 */
export function reclaimSending(db: Database.Database, batchId: string, chunkKey: string | null, limit: number, now: number): ClaimRow[] {
  const rows = (
    chunkKey
      ? claimedRows(db, chunkKey)
      : db
          .prepare(
            `SELECT seq, client_id, idempotency_key FROM outbox WHERE batch_id = ? AND state = 'sending' AND chunk_key IS NULL ORDER BY seq LIMIT ?`,
          )
          .all(batchId, limit)
  ) as ClaimRow[];
  if (rows.length) {
    db.prepare(
      `UPDATE outbox SET attempts = attempts + 1, updated_at = ? WHERE batch_id = ? AND state = 'sending' AND seq BETWEEN ? AND ?`,
    ).run(now, batchId, rows[0]!.seq, rows[rows.length - 1]!.seq);
  }
  return rows;
}

/** The rows being sent under a chunk's key, by seq. */
export function claimedRows(db: Database.Database, chunkKey: string): ClaimRow[] {
  return db.prepare(`SELECT seq, client_id, idempotency_key FROM outbox WHERE chunk_key = ? AND state = 'sending' ORDER BY seq`).all(chunkKey) as ClaimRow[];
}

/** The batch's first pending rows by seq, up to `limit`. */
export function pendingRows(db: Database.Database, batchId: string, limit: number): ClaimRow[] {
  return db
    .prepare(`SELECT seq, client_id, idempotency_key FROM outbox WHERE batch_id = ? AND state = 'pending' ORDER BY seq LIMIT ?`)
    .all(batchId, limit) as ClaimRow[];
}

/**
 * Marks rows from pendingRows as sending, with the chunk's key and one more attempt. They are the
 * batch's first pending ones by seq: every pending row of the batch between the first and the last
 * of them is one of them, so one ranged UPDATE marks them.
 */
export function markSending(db: Database.Database, batchId: string, rows: readonly ClaimRow[], chunkKey: string | null, now: number): void {
  db.prepare(
    `UPDATE outbox SET state = 'sending', chunk_key = ?, attempts = attempts + 1, updated_at = ?
     WHERE batch_id = ? AND state = 'pending' AND seq BETWEEN ? AND ?`,
  ).run(chunkKey, now, batchId, rows[0]!.seq, rows[rows.length - 1]!.seq);
}

/**
 * Gives back a claim whose request never left (the runner claimed it ahead, then stopped, waited or
 * was told to cancel): its rows are pending again, without the key and the attempt.
 */
export function releaseClaim(db: Database.Database, batchId: string, rows: readonly ClaimRow[]): void {
  if (rows.length === 0) return;
  db.prepare(
    `UPDATE outbox SET state = 'pending', chunk_key = NULL, attempts = max(attempts - 1, 0)
     WHERE batch_id = ? AND state = 'sending' AND seq BETWEEN ? AND ?`,
  ).run(batchId, rows[0]!.seq, rows[rows.length - 1]!.seq);
}

/** The chunk's rows go per client from now on (the platform has no bulk endpoint). */
export function dropChunkKey(db: Database.Database, chunkKey: string | null): void {
  db.prepare(`UPDATE outbox SET chunk_key = NULL WHERE chunk_key = ? AND state = 'sending'`).run(chunkKey);
}

/** The most attempts any of these rows has had. */
export function maxAttempts(db: Database.Database, rows: readonly ClaimRow[]): number {
  const stmt = db.prepare('SELECT attempts FROM outbox WHERE seq = ?');
  let max = 0;
  for (const r of rows) max = Math.max(max, (stmt.get(r.seq) as { attempts: number } | undefined)?.attempts ?? 0);
  return max;
}

const STATUS_AFTER: Record<Exclude<BulkAction, 'delete'>, string> = { block: 'blocked', unblock: 'active' };

/**
 * Records the settled outcomes of a claimed chunk (by client id; rows without one stay 'sending')
 * and their effect on the cache, in one transaction: row states, the client's new status or its
 * removal on delete, the audit entry's result. Returns the batch's counts.
 */
export function recordOutcomes(
  db: Database.Database,
  chunk: { batchId: string; action: BulkAction; rows: readonly ClaimRow[] },
  outcomes: ReadonlyMap<string, RowOutcome | { kind: 'retry' }>,
  now: number,
): BatchCounts {
  const lo = chunk.rows[0]?.seq ?? 0;
  const hi = chunk.rows[chunk.rows.length - 1]?.seq ?? 0;
  const allSettled = chunk.rows.every((r) => {
    const o = outcomes.get(r.client_id);
    return o !== undefined && o.kind !== 'retry';
  });
  return db.transaction(() => {
    const setRow = db.prepare('UPDATE outbox SET state = ?, error = ?, updated_at = ? WHERE seq = ?');
    if (allSettled) {
      // Most answers are all ok: one ranged UPDATE, then the failures one by one.
      db.prepare(
        `UPDATE outbox SET state = 'ok', error = NULL, updated_at = ? WHERE batch_id = ? AND state = 'sending' AND seq BETWEEN ? AND ?`,
      ).run(now, chunk.batchId, lo, hi);
      for (const r of chunk.rows) {
        const o = outcomes.get(r.client_id);
        if (o?.kind === 'failed') setRow.run('failed', o.error, now, r.seq);
      }
    } else {
      for (const r of chunk.rows) {
        const o = outcomes.get(r.client_id);
        if (!o || o.kind === 'retry') continue;
        setRow.run(o.kind === 'ok' ? 'ok' : 'failed', o.kind === 'failed' ? o.error : null, now, r.seq);
      }
    }
    // The platform's answer in the cache: the new status, or the client gone.
    const okIds = `SELECT client_id FROM outbox WHERE batch_id = @b AND state = 'ok' AND seq BETWEEN @lo AND @hi`;
    const args = { b: chunk.batchId, lo, hi };
    if (chunk.action === 'delete') {
      db.prepare(`DELETE FROM projects WHERE client_id IN (${okIds})`).run(args);
      db.prepare(`DELETE FROM clients WHERE id IN (${okIds})`).run(args);
    } else {
      db.prepare(`UPDATE clients SET status = @s WHERE id IN (${okIds}) AND status <> @s`).run({ ...args, s: STATUS_AFTER[chunk.action] });
    }
    return refreshAudit(db, chunk.batchId);
  }).immediate();
}

/**
 * Copies the write-ahead log into the database (when the runner goes idle after sending), so the
 * next batch's commits (its enqueue, the recording of its last answer) do not meet the automatic
 * checkpoint. False when it could not (the next commit past the log's limit does it then).
 */
export function checkpointLog(db: Database.Database): boolean {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    return true;
  } catch {
    return false;
  }
}
