/**
 * The selection the confirmation dialog checked (electron/core/actions/checked.ts): an enqueue given
 * it makes exactly the batch an enqueue given the ids makes, whatever was written in between (by this
 * connection or another one); a selection no longer kept is not_found.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { dispatch } from '../../../electron/core/rpc';
import type { BulkAction } from '../../../shared/contract/platform';
import { ctxOf, seedClients } from './helpers';
import { tempDb, type TempDb } from '../../support/temp-db';

let t: TempDb | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

type Applicable = { block: number; unblock: number; delete: number; selected: number; selection: string };
type Enqueued = { batchId: string | null; count: number; skipped: number };

/** The batch's clients in outbox order. */
function rowsOf(db: Database.Database, batchId: string | null): string[] {
  return batchId ? (db.prepare('SELECT client_id FROM outbox WHERE batch_id = ? ORDER BY seq').pluck().all(batchId) as string[]) : [];
}

const statusOf = (i: number) => (i % 4 === 0 ? 'blocked' : i % 7 === 0 ? 'invited' : 'active');

/** Ids with duplicates, unknown ids and an order of their own. */
function mixedSelection(ids: string[]): string[] {
  return [ids[5]!, 'nobody', ...ids.slice(10, 40).reverse(), ids[5]!, ids[0]!, ...ids.slice(40, 60), 'gone-too', ids[12]!];
}

describe('the checked selection', () => {
  it('an enqueue given the selection makes the batch an enqueue given the ids makes, for every action', async () => {
    for (const action of ['block', 'unblock', 'delete'] as BulkAction[]) {
      const byIds = tempDb();
      const bySel = tempDb();
      try {
        let ids: string[] = [];
        for (const d of [byIds, bySel]) {
          ids = seedClients(d.db, 80, statusOf);
          // One client already waits for another action: neither path queues it again.
          await dispatch('actions.enqueue', { action: 'delete', ids: [ids[11]!] }, ctxOf(d.db));
        }
        const sel = mixedSelection(ids);
        const a = (await dispatch('actions.enqueue', { action, ids: sel }, ctxOf(byIds.db))) as Enqueued;
        const check = (await dispatch('actions.applicable', { ids: sel }, ctxOf(bySel.db))) as Applicable;
        const b = (await dispatch('actions.enqueue', { action, selection: check.selection }, ctxOf(bySel.db))) as Enqueued;
        expect(b.count, action).toBe(a.count);
        expect(b.skipped, action).toBe(a.skipped);
        expect(check[action], action).toBe(a.count);
        expect(check.selected, action).toBe(a.count + a.skipped);
        expect(rowsOf(bySel.db, b.batchId), action).toEqual(rowsOf(byIds.db, a.batchId));
        expect(a.count, action).toBeGreaterThan(0);
      } finally {
        byIds.close();
        bySel.close();
      }
    }
  });

  it('checks again when this connection wrote after the dialog checked', async () => {
    t = tempDb();
    const ids = seedClients(t.db, 20);
    const ctx = ctxOf(t.db);
    const check = (await dispatch('actions.applicable', { ids }, ctx)) as Applicable;
    expect(check.block).toBe(20);
    // Meanwhile a sync finds two of them blocked, and another batch queues a third.
    t.db.prepare("UPDATE clients SET status = 'blocked' WHERE id IN (?, ?)").run(ids[3], ids[4]);
    await dispatch('actions.enqueue', { action: 'delete', ids: [ids[5]!] }, ctx);
    const r = (await dispatch('actions.enqueue', { action: 'block', selection: check.selection }, ctx)) as Enqueued;
    expect(r).toMatchObject({ count: 17, skipped: 3 });
    expect(rowsOf(t.db, r.batchId)).toEqual(ids.filter((_, i) => i < 3 || i > 5));
  });

  it('checks again when another connection wrote after the dialog checked', async () => {
    t = tempDb();
    const ids = seedClients(t.db, 10);
    const ctx = ctxOf(t.db);
    const check = (await dispatch('actions.applicable', { ids }, ctx)) as Applicable;
    const other = new Database(t.file);
    try {
      other.prepare("UPDATE clients SET status = 'blocked' WHERE id = ?").run(ids[0]);
    } finally {
      other.close();
    }
    const r = (await dispatch('actions.enqueue', { action: 'block', selection: check.selection }, ctx)) as Enqueued;
    expect(r).toMatchObject({ count: 9, skipped: 1 });
    expect(rowsOf(t.db, r.batchId)).toEqual(ids.slice(1));
  });

  it('a selection is taken once; one not kept is not_found and nothing is written', async () => {
    t = tempDb();
    const ids = seedClients(t.db, 5);
    const ctx = ctxOf(t.db);
    const check = (await dispatch('actions.applicable', { ids }, ctx)) as Applicable;
    await dispatch('actions.enqueue', { action: 'block', selection: check.selection }, ctx);
    const count = () => t!.db.prepare('SELECT count(*) FROM batches').pluck().get();
    const before = count();
    await expect(dispatch('actions.enqueue', { action: 'unblock', selection: check.selection }, ctx)).rejects.toMatchObject({ code: 'not_found' });
    await expect(dispatch('actions.enqueue', { action: 'block', selection: 'made-up' }, ctx)).rejects.toMatchObject({ code: 'not_found' });
    expect(count()).toBe(before);
  });

  it('keeps the last few selections: an older one is forgotten', async () => {
    t = tempDb();
    const ids = seedClients(t.db, 10);
    const ctx = ctxOf(t.db);
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) tokens.push(((await dispatch('actions.applicable', { ids: ids.slice(i, i + 2) }, ctx)) as Applicable).selection);
    await expect(dispatch('actions.enqueue', { action: 'block', selection: tokens[0]! }, ctx)).rejects.toMatchObject({ code: 'not_found' });
    expect(await dispatch('actions.enqueue', { action: 'block', selection: tokens[4]! }, ctx)).toMatchObject({ count: 2 });
  });

  it('refuses an input with both the ids and a selection, or neither', async () => {
    t = tempDb();
    const ids = seedClients(t.db, 2);
    const ctx = ctxOf(t.db);
    const check = (await dispatch('actions.applicable', { ids }, ctx)) as Applicable;
    await expect(dispatch('actions.enqueue', { action: 'block', ids, selection: check.selection }, ctx)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(dispatch('actions.enqueue', { action: 'block' }, ctx)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

