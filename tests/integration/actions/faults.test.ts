/**
 * The outbox runner against the demo platform over real HTTP, with faults: 429, 5xx, connection
 * resets and answers cut short. Exactly the failed clients are reported, and "retry failed"
 * applies each of them once, as the platform's own change sequence shows.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../../../electron/demo-platform/index';
import type { Core } from '../../../electron/core/create-core';
import { testCore } from '../../support/test-core';
import { PartnerApi } from '../../../electron/core/partner-api/client';
import { allItems, batchDone, platformChanges } from './helpers';
import { demoControls } from '../../support/demo-controls';

let work: string;
let platform: Awaited<ReturnType<typeof start>>;
let api: PartnerApi;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pd-int-actions-'));
  platform = await start({ port: 0, seed: 11, clients: 600, dataDir: join(work, 'platform'), allowDemoControls: true });
  api = new PartnerApi({ baseUrl: platform.url, token: platform.token, retryBaseMs: 5, retryMaxMs: 50 });
});
afterAll(async () => {
  await platform?.stop();
  rmSync(work, { recursive: true, force: true });
});

async function newCore(name: string, actions: Record<string, unknown>): Promise<Core> {
  const core = await testCore(join(work, name), platform, 'demo', {
    // No retries inside the client: every fault reaches the runner.
    apiOptions: { maxRetries: 0, retryBaseMs: 5, retryMaxMs: 20, timeoutMs: 10_000 },
    actions: { backoffBaseMs: 5, backoffMaxMs: 50, ...actions },
  });
  await core.engine.run();
  return core;
}

async function idsWith(core: Core, status: 'active' | 'blocked'): Promise<string[]> {
  return ((await core.call('clients.ids', { statuses: [status] })) as { ids: string[] }).ids;
}

describe('bulk actions against the demo platform with faults', () => {
  it('with no connection set up the actions wait, and go out once one is: the runner keeps running', async () => {
    const core = await newCore('none', {});
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a));
    try {
      const target = (await idsWith(core, 'active')).slice(0, 30);
      const seq0 = platformChanges(platform.dbFile, 0).maxSeq;
      await core.setConnection(null);
      const r = (await core.call('actions.enqueue', { action: 'block', ids: target })) as { batchId: string };
      await new Promise((res) => setTimeout(res, 200));
      expect(platformChanges(platform.dbFile, seq0).changed.size).toBe(0);
      await core.setConnection({ kind: 'demo', url: platform.url, token: platform.token });
      await batchDone(core, r.batchId);
      expect((await allItems(core, r.batchId)).every((i) => i.state === 'ok')).toBe(true);
      expect([...platformChanges(platform.dbFile, seq0).changed.keys()].sort()).toEqual([...target].sort());
      expect(errors).toEqual([]);
    } finally {
      spy.mockRestore();
      await core.close();
    }
  });

  it('bulk delete through 429, 5xx, resets and cut answers: only the clients already gone fail, nothing is applied twice', async () => {
    const core = await newCore('a', { mode: 'bulk', chunkSize: 50, maxServerAttempts: 1000 });
    try {
      const active = await idsWith(core, 'active');
      expect(active.length).toBeGreaterThan(150);
      const target = active.slice(0, 150);
      // 5 % of them are deleted behind the app's back: the cache still shows them active.
      const gone = target.filter((_, i) => i % 20 === 3);
      for (const id of gone) await api.deleteClient(id);
      const seq0 = platformChanges(platform.dbFile, 0).maxSeq;

      await demoControls(platform).setFaults({ error_rate: 0.2, rate_limit_rate: 0.2, retry_after_s: 0, reset_rate: 0.2, malformed_rate: 0.2 });
      const r = (await core.call('actions.enqueue', { action: 'delete', ids: target })) as { batchId: string; count: number };
      expect(r.count).toBe(150);
      await batchDone(core, r.batchId);
      await demoControls(platform).clearFaults();

      const items = await allItems(core, r.batchId);
      const failed = items.filter((i) => i.state === 'failed');
      expect(failed.map((i) => i.clientId).sort()).toEqual([...gone].sort());
      expect(failed.every((i) => i.error === 'not_found')).toBe(true);
      expect(items.filter((i) => i.state === 'ok')).toHaveLength(150 - gone.length);
      // The platform: each of the others deleted by exactly one change.
      const after = platformChanges(platform.dbFile, seq0);
      const expected = target.filter((id) => !gone.includes(id)).sort();
      expect([...after.changed.keys()].sort()).toEqual(expected);
      expect([...after.changed.values()].every((c) => c.deleted)).toBe(true);
      expect(after.maxSeq - seq0).toBe(expected.length);
      // And the cache lost them.
      expect(((await core.call('clients.list', { search: expected[0]! })) as { total: number }).total).toBe(0);
    } finally {
      await core.close();
    }
  });

  it('per-client blocks with 5 % failures, 429 and resets: exactly the failed are reported; retry failed applies each once', async () => {
    const core = await newCore('b', { mode: 'single', concurrency: 8, maxServerAttempts: 1 });
    try {
      const target = (await idsWith(core, 'active')).slice(0, 200);
      const seq0 = platformChanges(platform.dbFile, 0).maxSeq;
      await demoControls(platform).setFaults({ error_rate: 0.05, rate_limit_rate: 0.05, retry_after_s: 0, reset_rate: 0.05 });
      const r = (await core.call('actions.enqueue', { action: 'block', ids: target })) as { batchId: string };
      await batchDone(core, r.batchId);
      await demoControls(platform).clearFaults();

      const items = await allItems(core, r.batchId);
      const failed = items.filter((i) => i.state === 'failed').map((i) => i.clientId).sort();
      const ok = items.filter((i) => i.state === 'ok').map((i) => i.clientId).sort();
      expect(failed.length + ok.length).toBe(200);
      expect(failed.length).toBeGreaterThan(0);
      expect(items.filter((i) => i.state === 'failed').every((i) => i.error === 'platform_error')).toBe(true);
      // The platform agrees: the reported successes are blocked, the reported failures are untouched.
      const mid = platformChanges(platform.dbFile, seq0);
      expect([...mid.changed.keys()].sort()).toEqual(ok);
      expect(mid.maxSeq - seq0).toBe(ok.length);
      for (const id of failed.slice(0, 10)) expect((await api.getClient(id)).status).toBe('active');

      const retry = (await core.call('actions.retryFailed', { batchId: r.batchId })) as { batchId: string; count: number };
      expect(retry.count).toBe(failed.length);
      await batchDone(core, retry.batchId);
      const again = await allItems(core, retry.batchId);
      expect(again.every((i) => i.state === 'ok')).toBe(true);
      const end = platformChanges(platform.dbFile, mid.maxSeq);
      expect([...end.changed.keys()].sort()).toEqual(failed);
      expect(end.maxSeq - mid.maxSeq).toBe(failed.length);
      expect([...end.changed.values()].every((c) => c.status === 'blocked')).toBe(true);
      // The audit log holds both, with their results.
      const audit = (await core.call('audit.list', {})) as { rows: { action: string; count: number; result: { ok: number } }[] };
      expect(audit.rows.map((a) => [a.action, a.count, a.result.ok])).toEqual([
        ['block', failed.length, failed.length],
        ['block', 200, ok.length],
      ]);
    } finally {
      await core.close();
    }
  });
});
