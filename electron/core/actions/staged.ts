/**
 * The outbox rows of a staged batch (migration 010). When the runner is idle, enqueue (outbox.ts)
 * commits the batch, its audit entry and its eligible clients as one JSON column (batches.staged)
 * instead of one row per client, so the first request can leave as soon as that small transaction
 * commits; the rows are written here while the request is in flight, and `staged` is cleared in
 * the same transaction.
 *
 * Nothing may read the outbox in between: settleStaged runs before every RPC handler (rpc.ts),
 * at each turn of the runner and before an export of the local data, and it costs nothing once
 * the database is known to hold no staged batch. A batch left staged by a crash gets its rows the
 * next time it runs (the runner's first claim at start), with its first chunk 'sending' under the
 * key that request carried, so it is re-sent with that key and the platform replays its answer.
 */
import type Database from 'better-sqlite3';
import type { BulkAction } from '../../../shared/contract/platform';

/** What batches.staged holds. */
export interface Staged {
  /** The eligible clients, in selection order. */
  ids: string[];
  /** How many of them form the first chunk, sent already ('sending', one attempt, `key`). */
  first: number;
  key: string | null;
}

/** Databases known to hold no staged batch (the check costs nothing for them). */
const settled = new WeakSet<Database.Database>();

/** A batch is being staged in this database: the next settleStaged looks. */
export function noteStaged(db: Database.Database): void {
  settled.delete(db);
}

/**
 * Writes the outbox rows of a batch, one per client in order, each with its own key; the first
 * `first` already claimed under `key`. One statement over the JSON array.
 */
export function writeRows(
  db: Database.Database,
  batch: { id: string; action: BulkAction; idsJson: string; first: number; key: string | null; now: number },
): void {
  db.prepare(
    `INSERT INTO outbox (batch_id, client_id, action, idempotency_key, state, chunk_key, attempts, created_at, updated_at)
     SELECT @b, value, @a, @b || ':' || value,
            CASE WHEN key < @first THEN 'sending' ELSE 'pending' END, CASE WHEN key < @first THEN @key END, key < @first, @now, @now
     FROM json_each(@ids) ORDER BY key`,
  ).run({ b: batch.id, a: batch.action, now: batch.now, first: batch.key ? batch.first : 0, key: batch.key, ids: batch.idsJson });
}

/** Writes the rows of every staged batch, oldest first, each in its own transaction with the clearing of `staged`. */
export function settleStaged(db: Database.Database): void {
  if (settled.has(db) || !db.open) return;
  const batches = db
    .prepare(
      `SELECT id, action, created_at AS now, json_extract(staged, '$.ids') AS idsJson, json_extract(staged, '$.first') AS first,
              json_extract(staged, '$.key') AS key
       FROM batches WHERE staged IS NOT NULL ORDER BY rowid`,
    )
    .all() as { id: string; action: BulkAction; now: number; idsJson: string; first: number; key: string | null }[];
  for (const b of batches) {
    db.transaction(() => {
      writeRows(db, b);
      db.prepare('UPDATE batches SET staged = NULL WHERE id = ?').run(b.id);
    }).immediate();
  }
  settled.add(db);
}
