import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/core/partner-api/errors';
import { ActionRunner, chunkKeyOf } from '../../../electron/core/actions/runner';
import { enqueue, batchCounts, cancelBatch, retryFailed, batchItems, getBatch } from '../../../electron/core/actions/outbox';
import type { CoreEvent } from '../../../shared/contract/events';
import { seedClients } from './helpers';
import { tempDb, type TempDb } from '../../support/temp-db';
import { openDatabase } from '../../../electron/core/db/open';
import { FakePlatform } from './fake-api';

let t: TempDb | null = null;
let runner: ActionRunner | null = null;
afterEach(async () => {
  await runner?.stop();
  runner = null;
  t?.close();
  t = null;
});

function setup(n: number, status: (i: number) => 'active' | 'blocked' | 'invited' = () => 'active', opts = {}) {
  t = tempDb();
  const ids = seedClients(t.db, n, status);
  const platform = new FakePlatform(ids, status);
  const events: CoreEvent[] = [];
  let syncs = 0;
  const r = new ActionRunner(
    {
      db: t.db,
      api: () => platform,
      emit: (event, payload) => events.push({ event, payload } as CoreEvent),
      changed: (tables) => events.push({ event: 'data.changed', payload: { tables } }),
      now: () => Date.now(),
      requestSync: () => syncs++,
    },
    { backoffBaseMs: 1, backoffMaxMs: 5, ...opts },
  );
  runner = r;
  return { db: t.db, ids, platform, events, runner: r, syncs: () => syncs };
}

const statusOf = (db: import('better-sqlite3').Database, id: string) =>
  (db.prepare('SELECT status FROM clients WHERE id = ?').get(id) as { status: string } | undefined)?.status;

describe('the outbox runner', () => {
  it('sends 1,200 blocks in chunks of at most 500, in order, and updates the cache', async () => {
    const { db, ids, platform, events, runner, syncs } = setup(1200);
    const b = enqueue(db, 'block', ids, { now: Date.now(), user: 'tester' });
    expect(b.count).toBe(1200);
    runner.start();
    runner.wake();
    await runner.whenIdle();
    expect(platform.calls.map((c) => c.ids.length)).toEqual([500, 500, 200]);
    expect(platform.calls.flatMap((c) => c.ids)).toEqual(ids);
    expect([...platform.applied.values()].every((n) => n === 1)).toBe(true);
    expect(platform.applied.size).toBe(1200);
    expect(batchCounts(db, b.batchId!)).toMatchObject({ total: 1200, ok: 1200, pending: 0, sending: 0 });
    expect(statusOf(db, ids[0]!)).toBe('blocked');
    const progress = events.filter((e) => e.event === 'actions.progress').map((e) => (e.payload as { done: number }).done);
    expect(progress).toEqual([500, 1000, 1200]);
    expect(syncs()).toBe(1);
    const audit = db.prepare('SELECT result, client_count FROM audit_log').get() as { result: string; client_count: number };
    expect(audit.client_count).toBe(1200);
    expect(JSON.parse(audit.result)).toMatchObject({ ok: 1200, failed: 0 });
  });

  it('sendSoon on an idle runner claims the first chunk and starts its request at once; on a busy one it only wakes it', async () => {
    const { db, ids, platform, runner } = setup(1200);
    runner.start();
    await runner.whenIdle();
    let release!: () => void;
    platform.gate = new Promise<void>((r) => (release = r));
    const b = enqueue(db, 'block', ids.slice(0, 700), { now: Date.now() });
    runner.sendSoon();
    // Before anything else ran: the first chunk is committed as 'sending' with its key, and its request is out.
    expect(platform.calls.map((c) => c.ids.length)).toEqual([500]);
    expect(batchCounts(db, b.batchId!)).toMatchObject({ sending: 500, pending: 200 });
    const keyed = db.prepare("SELECT count(DISTINCT chunk_key) FROM outbox WHERE state = 'sending'").pluck().get();
    expect(keyed).toBe(1);
    expect(platform.calls[0]!.key).toBe(db.prepare("SELECT chunk_key FROM outbox WHERE state = 'sending' LIMIT 1").pluck().get());
    // A second batch while the first is in flight: nothing more is sent until the runner gets to it.
    const b2 = enqueue(db, 'block', ids.slice(700), { now: Date.now() });
    runner.sendSoon();
    expect(platform.calls.length).toBe(1);
    release();
    platform.gate = null;
    await runner.whenIdle();
    expect(platform.calls.flatMap((c) => c.ids)).toEqual(ids);
    expect([...platform.applied.values()].every((n) => n === 1)).toBe(true);
    expect(batchCounts(db, b.batchId!)).toMatchObject({ ok: 700, pending: 0, sending: 0 });
    expect(batchCounts(db, b2.batchId!)).toMatchObject({ ok: 500, pending: 0, sending: 0 });
    expect(db.prepare('SELECT max(attempts) FROM outbox').pluck().get()).toBe(1);
  });

  it("an idle runner lets the enqueue claim the first chunk in its own transaction; its request leaves at once", async () => {
    const { db, ids, platform, runner } = setup(1200);
    runner.start();
    await runner.whenIdle();
    expect(runner.firstChunkSize()).toBe(500);
    let release!: () => void;
    platform.gate = new Promise<void>((r) => (release = r));
    const b = enqueue(db, 'block', ids.slice(0, 700), { now: Date.now(), claimFirst: runner.firstChunkSize() });
    // The first 500 in selection order, keyed; the batch is staged: its rows are not written yet.
    const keys = ids.slice(0, 500).map((id) => `${b.batchId}:${id}`);
    expect(b.claimed?.chunkKey).toBe(chunkKeyOf('block', keys));
    expect(b.claimed?.rows.map((r) => r.idempotency_key)).toEqual(keys);
    expect(batchCounts(db, b.batchId!).total).toBe(0);
    expect(db.prepare('SELECT staged IS NOT NULL FROM batches WHERE id = ?').pluck().get(b.batchId)).toBe(1);
    runner.sendClaimed(b.batchId!, 'block', b.claimed!);
    expect(platform.calls.map((c) => [c.ids.length, c.key])).toEqual([[500, b.claimed!.chunkKey]]);
    // While the request is in flight the rows are written, as the runner's own claim would leave the
    // first chunk: 'sending' under its key, one attempt.
    while (batchCounts(db, b.batchId!).total < 700) await new Promise((r) => setImmediate(r));
    expect(db.prepare('SELECT staged FROM batches WHERE id = ?').pluck().get(b.batchId)).toBeNull();
    expect(db.prepare("SELECT count(*) FROM outbox WHERE state = 'sending' AND attempts = 1 AND chunk_key = ?").pluck().get(b.claimed!.chunkKey)).toBe(500);
    expect(db.prepare('SELECT client_id FROM outbox WHERE chunk_key = ? ORDER BY seq').pluck().all(b.claimed!.chunkKey)).toEqual(ids.slice(0, 500));
    // Busy now: a second batch is queued plainly.
    expect(runner.firstChunkSize()).toBe(0);
    release();
    platform.gate = null;
    await runner.whenIdle();
    expect(platform.calls.flatMap((c) => c.ids)).toEqual(ids.slice(0, 700));
    expect([...platform.applied.values()].every((n) => n === 1)).toBe(true);
    expect(db.prepare('SELECT max(attempts) FROM outbox').pluck().get()).toBe(1);
  });

  it('claims the next chunk while one is in flight without sending it; a cancel gives it back and cancels it', async () => {
    const { db, ids, platform, runner } = setup(1200);
    runner.start();
    await runner.whenIdle();
    let release!: () => void;
    platform.gate = new Promise<void>((r) => (release = r));
    const b = enqueue(db, 'block', ids, { now: Date.now(), claimFirst: runner.firstChunkSize() });
    runner.sendClaimed(b.batchId!, 'block', b.claimed!);
    while (batchCounts(db, b.batchId!).sending < 1000) await new Promise((r) => setImmediate(r));
    expect(platform.calls).toHaveLength(1);
    expect(db.prepare("SELECT count(DISTINCT chunk_key) FROM outbox WHERE state = 'sending'").pluck().get()).toBe(2);
    runner.releaseAhead(b.batchId!);
    expect(cancelBatch(db, b.batchId!, Date.now())).toBe(700);
    release();
    platform.gate = null;
    await runner.whenIdle();
    expect(platform.calls.map((c) => c.ids.length)).toEqual([500]);
    expect(batchCounts(db, b.batchId!)).toMatchObject({ ok: 500, cancelled: 700, sending: 0, pending: 0 });
    expect(statusOf(db, ids[600]!)).toBe('active');
  });

  it('gives a chunk claimed ahead back when the answer in flight says wait, and sends each chunk once with one key', async () => {
    const { db, ids, platform, runner } = setup(1200);
    platform.faults.push(new ApiError('http', 'slow down', { status: 429, code: 'rate_limited', retryAfterMs: 5 }));
    const b = enqueue(db, 'block', ids, { now: Date.now() });
    runner.start();
    await runner.whenIdle();
    expect(platform.calls.map((c) => c.ids.length)).toEqual([500, 500, 500, 200]);
    expect(new Set(platform.calls.map((c) => c.key)).size).toBe(3);
    expect([...platform.applied.values()].every((n) => n === 1)).toBe(true);
    expect(batchCounts(db, b.batchId!)).toMatchObject({ ok: 1200 });
    // Only the first chunk was sent twice; the one claimed ahead of the 429 lost no attempt.
    expect(db.prepare('SELECT attempts, count(*) AS n FROM outbox GROUP BY attempts ORDER BY attempts').all()).toEqual([
      { attempts: 1, n: 700 },
      { attempts: 2, n: 500 },
    ]);
  });

  it('reports exactly the refused clients, and retry-failed applies each of them once', async () => {
    const { db, ids, platform, runner } = setup(300);
    const refused = ids.filter((_, i) => i % 20 === 7);
    for (const id of refused) platform.refuse.add(id);
    const b = enqueue(db, 'block', ids, { now: Date.now() });
    runner.start();
    await runner.whenIdle();
    const failed = batchItems(db, b.batchId!, 'failed', 0, 1000);
    expect(failed.rows.map((r) => r.clientId)).toEqual(refused);
    expect(failed.rows.every((r) => r.error === 'invalid_state')).toBe(true);
    platform.refuse.clear();
    const r = retryFailed(db, b.batchId!, Date.now());
    expect(r.count).toBe(refused.length);
    runner.wake();
    await runner.whenIdle();
    expect(getBatch(db, r.batchId!)).toMatchObject({ ok: refused.length, failed: 0, parentId: b.batchId });
    for (const id of ids) expect(platform.applied.get(id)).toBe(1);
  });

  it('waits out 429 and backs off on 5xx, re-sending the same chunk with the same key', async () => {
    const { db, ids, platform, runner } = setup(10);
    platform.faults.push(
      new ApiError('http', 'slow down', { status: 429, code: 'rate_limited', retryAfterMs: 5 }),
      new ApiError('http', 'oops', { status: 503, code: 'internal' }),
      new ApiError('network', 'reset'),
    );
    enqueue(db, 'block', ids, { now: Date.now() });
    runner.start();
    await runner.whenIdle();
    expect(platform.calls).toHaveLength(4);
    const keys = new Set(platform.calls.map((c) => c.key));
    expect(keys.size).toBe(1);
    const rowKeys = (db.prepare('SELECT idempotency_key FROM outbox ORDER BY seq').all() as { idempotency_key: string }[]).map(
      (r) => r.idempotency_key,
    );
    expect([...keys][0]).toBe(chunkKeyOf('block', rowKeys));
    expect([...platform.applied.values()]).toEqual(Array(10).fill(1));
  });

  it('gives up after repeated 5xx with platform_error', async () => {
    const { db, ids, platform, runner } = setup(3, () => 'active', { maxServerAttempts: 3 });
    for (let i = 0; i < 5; i++) platform.faults.push(new ApiError('http', 'down', { status: 500 }));
    const b = enqueue(db, 'block', ids, { now: Date.now() });
    runner.start();
    await runner.whenIdle();
    expect(platform.calls).toHaveLength(3);
    expect(batchCounts(db, b.batchId!)).toMatchObject({ failed: 3 });
    expect(batchItems(db, b.batchId!, 'failed', 0, 10).rows[0]?.error).toBe('platform_error');
  });

  it('keeps rows while offline, lets pending ones be cancelled, and sends the rest in order on reconnect', async () => {
    const { db, ids, platform, runner } = setup(1100, () => 'active', { backoffMaxMs: 60_000, backoffBaseMs: 60_000 });
    platform.offline = true;
    const a = enqueue(db, 'block', ids.slice(0, 600), { now: Date.now() });
    const b = enqueue(db, 'block', ids.slice(600), { now: Date.now() });
    runner.start();
    // Wait until the first attempt failed and the runner sits offline.
    while (runner.state !== 'waiting_offline') await new Promise((r) => setImmediate(r));
    expect(batchCounts(db, a.batchId!)).toMatchObject({ sending: 500, pending: 100 });
    expect(cancelBatch(db, b.batchId!, Date.now())).toBe(500);
    platform.offline = false;
    runner.wake();
    await runner.whenIdle();
    const sent = platform.calls.filter((c) => c.ids.length > 0);
    expect(sent.map((c) => c.ids.length)).toEqual([500, 500, 100]);
    expect(sent[0]!.key).toBe(sent[1]!.key);
    expect(batchCounts(db, a.batchId!)).toMatchObject({ ok: 600 });
    expect(batchCounts(db, b.batchId!)).toMatchObject({ cancelled: 500, ok: 0 });
    expect(statusOf(db, ids[700]!)).toBe('active');
  });

  it('after a kill mid-request, a new runner re-sends the same chunk with the same key and applies nothing twice', async () => {
    const { db, ids, platform, runner } = setup(700);
    let release!: () => void;
    platform.gate = new Promise((r) => (release = r));
    enqueue(db, 'block', ids, { now: Date.now() });
    runner.start();
    while (platform.calls.length === 0) await new Promise((r) => setImmediate(r));
    // The platform applies the request, but the answer never reaches this "process".
    platform.gate = null;
    await platform.bulk('block', platform.calls[0]!.ids, platform.calls[0]!.key);
    const firstKey = platform.calls[0]!.key;
    // A second runner on the same database stands for the restarted process.
    const second = new ActionRunner(
      { db, api: () => platform, emit: () => {}, changed: () => {}, now: () => Date.now() },
      { backoffBaseMs: 1, backoffMaxMs: 5 },
    );
    second.start();
    await second.whenIdle();
    await second.stop();
    release();
    const keys = platform.calls.map((c) => c.key);
    expect(keys.filter((k) => k === firstKey).length).toBeGreaterThanOrEqual(3);
    expect(platform.applied.size).toBe(700);
    expect([...platform.applied.values()].every((n) => n === 1)).toBe(true);
    expect((db.prepare(`SELECT count(*) n FROM outbox WHERE state = 'ok'`).get() as { n: number }).n).toBe(700);
  });

  it('after a kill between a staged enqueue and the writing of its rows, the next start writes them and re-sends the first chunk with its key', async () => {
    const { db, ids, platform } = setup(700);
    const b = enqueue(db, 'block', ids, { now: Date.now(), claimFirst: 500 });
    // The first request left (the platform applied it) and the process died before the rows were written.
    await platform.bulk('block', b.claimed!.rows.map((r) => r.client_id), b.claimed!.chunkKey);
    db.close();
    const reopened = openDatabase(t!.file);
    try {
      expect(reopened.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
      expect(reopened.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
      const next = new ActionRunner(
        { db: reopened, api: () => platform, emit: () => {}, changed: () => {}, now: () => Date.now() },
        { backoffBaseMs: 1, backoffMaxMs: 5 },
      );
      next.start();
      await next.whenIdle();
      await next.stop();
      expect(platform.calls.map((c) => [c.ids.length, c.key])).toEqual([
        [500, b.claimed!.chunkKey],
        [500, b.claimed!.chunkKey],
        [200, platform.calls[2]!.key],
      ]);
      expect(platform.applied.size).toBe(700);
      expect([...platform.applied.values()].every((n) => n === 1)).toBe(true);
      expect(batchCounts(reopened, b.batchId!)).toMatchObject({ total: 700, ok: 700 });
      expect(reopened.prepare('SELECT max(attempts) FROM outbox WHERE chunk_key = ?').pluck().get(b.claimed!.chunkKey)).toBe(2);
      expect(reopened.prepare('SELECT staged FROM batches WHERE id = ?').pluck().get(b.batchId)).toBeNull();
      // Its audit entry too, with every client, found by a client's email.
      const entry = reopened.prepare('SELECT a.client_count, instr(a.search_text, ?) > 0 AS found FROM batches b JOIN audit_log a ON a.id = b.audit_id WHERE b.id = ?').get(`${ids[699]}@example.com`, b.batchId);
      expect(entry).toEqual({ client_count: 700, found: 1 });
    } finally {
      reopened.close();
    }
  });

  it('a staged batch whose rows meet a full disk waits for room, then re-sends its first chunk with its key', async () => {
    const { db, ids, platform } = setup(700);
    let faults = 0;
    const runner = new ActionRunner(
      { db, api: () => platform, emit: () => {}, changed: () => {}, now: () => Date.now(), localFault: () => faults++ },
      { backoffBaseMs: 1, backoffMaxMs: 5 },
    );
    runner.start();
    await runner.whenIdle();
    const b = enqueue(db, 'block', ids, { now: Date.now(), claimFirst: runner.firstChunkSize() });
    expect(db.prepare('SELECT staged IS NOT NULL FROM batches WHERE id = ?').pluck().get(b.batchId)).toBe(1);
    const roomy = db.pragma('max_page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    runner.sendClaimed(b.batchId!, 'block', b.claimed!);
    // Refused while in flight, then again by the runner's next turn: it waits each time.
    while (faults < 3) await new Promise((r) => setImmediate(r));
    expect(runner.state).toBe('waiting_backoff');
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    db.pragma(`max_page_count = ${roomy}`);
    runner.wake();
    await runner.whenIdle();
    expect(platform.calls.map((c) => c.key).filter((k) => k === b.claimed!.chunkKey)).toHaveLength(2);
    expect(platform.applied.size).toBe(700);
    expect([...platform.applied.values()].every((n) => n === 1)).toBe(true);
    expect(batchCounts(db, b.batchId!)).toMatchObject({ total: 700, ok: 700 });
    await runner.stop();
  });

  it('sends a single client per request, and per client with bounded concurrency in single mode', async () => {
    const { db, ids, platform, runner } = setup(40, (i) => (i % 2 ? 'blocked' : 'active'), { mode: 'single', concurrency: 4 });
    const b = enqueue(db, 'unblock', ids, { now: Date.now() });
    expect(b).toMatchObject({ count: 20, skipped: 20 });
    platform.faults.push(new ApiError('http', 'slow', { status: 429, retryAfterMs: 1 }));
    runner.start();
    await runner.whenIdle();
    expect(platform.calls.every((c) => c.kind === 'unblock' && c.ids.length === 1)).toBe(true);
    expect(batchCounts(db, b.batchId!)).toMatchObject({ ok: 20 });
    expect([...platform.applied.values()]).toEqual(Array(20).fill(1));
    const d = enqueue(db, 'delete', [ids[0]!], { now: Date.now() });
    runner.wake();
    await runner.whenIdle();
    expect(getBatch(db, d.batchId!).ok).toBe(1);
    expect(statusOf(db, ids[0]!)).toBeUndefined();
  });
});
