/**
 * A batch's audit entry and outbox rows, written now or once staged (migration 010). When the
 * runner is idle, enqueue (outbox.ts) commits only the batch with its eligible clients as one JSON
 * column (batches.staged), so the first request can leave as soon as that small transaction
 * commits; the audit entry and the rows are written here while the request is in flight, and
 * `staged` is cleared in the same transaction.
 *
 * Nothing may read the outbox or the audit log in between: settleStaged runs before every RPC
 * handler (rpc.ts), at each turn of the runner and before an export of the local data, and it costs
 * nothing once the database is known to hold no staged batch. A batch left staged by a crash is
 * written the next time it runs (the runner's first claim at start), its first chunk 'sending'
 * under the key that request carried, so it is re-sent with that key and the platform replays its
 * answer.
 */
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import type { BulkAction } from '../../../shared/contract/platform';

/** A batch as its audit entry and outbox rows need it. */
export interface BatchRecord {
  id: string;
  action: BulkAction;
  /** When it was queued (the audit entry's time and the rows' created_at). */
  now: number;
  user: string;
  parentId: string | null;
  count: number;
  /** The eligible clients' ids in selection order, as a JSON array. */
  idsJson: string;
}

/** batches.staged: the clients in order, how many form the first chunk (sent already) and its Idempotency-Key. */
export function stagedJson(idsJson: string, first: number, key: string): string {
  return `{"first":${first},"key":${JSON.stringify(key)},"ids":${idsJson}}`;
}

/**
 * Whether the cache has room for the audit entry and outbox rows of a batch of `rows` clients, with
 * a wide margin (1 KiB a row, log included): pages SQLite may still add to the file and bytes free
 * on its disk. A batch is staged only then.
 */
export function roomFor(db: Database.Database, rows: number): boolean {
  const need = 65_536 + rows * 1024;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const max = db.pragma('max_page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  if ((max - pages + free) * pageSize < need) return false;
  if (db.memory) return true;
  try {
    const fs = statfsSync(dirname(db.name));
    return fs.bavail * fs.bsize >= need;
  } catch {
    return false;
  }
}

/** Databases known to hold no staged batch (the check costs nothing for them). */
const settled = new WeakSet<Database.Database>();

/** A batch is being staged in this database: the next settleStaged looks. */
export function noteStaged(db: Database.Database): void {
  settled.delete(db);
}

/**
 * Writes a batch's audit entry (every client, searchable by id and by email and name as the cache
 * has them now; its result all pending) and its outbox rows, one per client in order, each with its
 * own key, the first `first` already claimed under `key`; the batch points at its entry and is no
 * longer staged. Call inside a transaction.
 */
export function writeBatch(
  db: Database.Database,
  batch: BatchRecord,
  claim: { first: number; key: string | null },
): void {
  const clients = db
    .prepare(
      `SELECT s.value AS id, coalesce(c.email, '') AS email, coalesce(c.name, '') AS name
       FROM json_each(?) s LEFT JOIN clients c ON c.id = s.value ORDER BY s.key`,
    )
    .all(batch.idsJson) as { id: string; email: string; name: string }[];
  const result = { total: batch.count, pending: batch.count, sending: 0, ok: 0, failed: 0, cancelled: 0 };
  const audit = db
    .prepare(
      `INSERT INTO audit_log (at, user, action, batch_id, client_ids, client_count, result, detail, search_text)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      batch.now,
      batch.user,
      batch.action,
      batch.id,
      batch.idsJson,
      batch.count,
      JSON.stringify(result),
      batch.parentId ? `retry:${batch.parentId}` : null,
      `${batch.user} ${batch.action} ${clients.map((r) => `${r.id} ${r.email} ${r.name}`).join(' ')}`.toLowerCase(),
    );
  db.prepare('UPDATE batches SET audit_id = ?, staged = NULL WHERE id = ?').run(
    Number(audit.lastInsertRowid),
    batch.id,
  );
  db.prepare(
    `INSERT INTO outbox (batch_id, client_id, action, idempotency_key, state, chunk_key, attempts, created_at, updated_at)
     SELECT @b, value, @a, @b || ':' || value,
            CASE WHEN key < @first THEN 'sending' ELSE 'pending' END, CASE WHEN key < @first THEN @key END, key < @first, @now, @now
     FROM json_each(@ids) ORDER BY key`,
  ).run({
    b: batch.id,
    a: batch.action,
    now: batch.now,
    first: claim.key ? claim.first : 0,
    key: claim.key,
    ids: batch.idsJson,
  });
}

/**
 * Writes the audit entry and rows of every staged batch, oldest first, each in its own transaction
 * with the clearing of `staged`.
 */
export function settleStaged(db: Database.Database): void {
  if (settled.has(db) || !db.open) return;
  const batches = db
    .prepare(
      `SELECT id, action, created_at AS now, user, parent_id AS parentId, total AS count, json_extract(staged, '$.ids') AS idsJson,
              json_extract(staged, '$.first') AS first, json_extract(staged, '$.key') AS key
       FROM batches WHERE staged IS NOT NULL ORDER BY rowid`,
    )
    .all() as (BatchRecord & { first: number; key: string })[];
  for (const b of batches) db.transaction(() => writeBatch(db, b, b)).immediate();
  settled.add(db);
}
