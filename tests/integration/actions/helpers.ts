/** Helpers of the actions' integration tests: the platform's own view of client changes. */
import Database from 'better-sqlite3';
import type { CoreEvent } from '../../../shared/contract/events';
import type { Core } from '../../../electron/core/create-core';
import { clientId } from '../../../electron/demo-platform/db';

/**
 * The platform's change sequence, read from its SQLite file: every applied status change or delete
 * gives the client the next number. A client changed twice since `from` makes max(seq) - from
 * larger than the count of clients changed.
 */
export function platformChanges(dbFile: string, from: number): { maxSeq: number; changed: Map<string, { seq: number; status: string; deleted: boolean }> } {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const maxSeq = (db.prepare('SELECT max(seq) AS m FROM clients').get() as { m: number }).m;
    const rows = db.prepare('SELECT n, seq, status, deleted_at FROM clients WHERE seq > ?').all(from) as {
      n: number;
      seq: number;
      status: string;
      deleted_at: number | null;
    }[];
    return { maxSeq, changed: new Map(rows.map((r) => [clientId(r.n), { seq: r.seq, status: r.status, deleted: r.deleted_at !== null }])) };
  } finally {
    db.close();
  }
}


/** Resolves when the batch has nothing pending or sending (from actions.progress events). */
export function batchDone(core: Core, batchId: string): Promise<void> {
  return new Promise((resolve) => {
    const check = async () => {
      const b = (await core.call('actions.batch', { batchId, limit: 1 })) as { batch: { done: boolean } };
      if (b.batch.done) {
        off();
        resolve();
      }
    };
    const off = core.onEvent((e: CoreEvent) => {
      if (e.event === 'actions.progress' && (e.payload as { batchId: string }).batchId === batchId) void check();
    });
    void check();
  });
}

export interface Item {
  clientId: string;
  state: string;
  error: string | null;
}
export async function allItems(core: Core, batchId: string): Promise<Item[]> {
  const out: Item[] = [];
  for (let offset = 0; ; offset += 1000) {
    const r = (await core.call('actions.batch', { batchId, offset, limit: 1000 })) as { rows: Item[]; total: number };
    out.push(...r.rows);
    if (offset + 1000 >= r.total) return out;
  }
}
