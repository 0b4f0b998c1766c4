/**
 * bulk_ratio: 1,000 blocks at 50 ms platform latency, from the user's confirmation (actions.enqueue
 * through the core in its worker thread) to the last result recorded, against the round-trip floor
 * for the same work: the same HTTP calls the runner makes (two POST /clients/bulk of 500, one after
 * the other), made bare with fetch on other clients of the same platform. Each measured four
 * times on fresh clients after a warm-up round; the best of each counts. Target ≤ 1.2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCoreWorker } from '../../../electron/core/worker-client';
import type { CoreEvent } from '../../../shared/contract/events';
import type { BenchContext } from '../run';
import { startChildPlatform } from '../platform';
import { demoControls } from '../../support/demo-controls';

const BLOCKS = 1000;
const CHUNK = 500;
const LATENCY_MS = 50;
const ROUNDS = 4;

export default async function bulk(ctx: BenchContext): Promise<Record<string, number | string>> {
  const work = mkdtempSync(join(tmpdir(), 'pd-bench-bulk-'));
  const platform = await startChildPlatform({ clients: 13_000, seed: 7, dataDir: join(work, 'platform'), demoControls: true });
  const api = platform.url + '/partner/api/v1';
  const headers = { 'x-access-token': platform.token, 'content-type': 'application/json' };
  const core = await startCoreWorker({
    dataDir: join(work, 'app'),
    mode: 'browser',
    version: 'bench',
    connection: { kind: 'custom', url: platform.url, token: platform.token },
    autoSync: false,
    sync: { pageSize: 1000, projectsConcurrency: 8 },
  });
  try {
    await core.call('settings.update', { ledgerWindowMonths: 0 });
    const synced = new Promise<void>((resolve) =>
      core.onEvent((e: CoreEvent) => {
        if (e.event === 'sync.progress' && (e.payload as { phase: string }).phase === 'done') resolve();
      }),
    );
    await core.call('sync.now', {});
    await synced;
    const { ids } = (await core.call('clients.ids', { statuses: ['active'] })) as { ids: string[] };
    const need = BLOCKS * (ROUNDS + 1) * 2;
    if (ids.length < need) throw new Error(`only ${ids.length} active clients; need ${need}`);
    const sets = Array.from({ length: (ROUNDS + 1) * 2 }, (_, i) => ids.slice(i * BLOCKS, (i + 1) * BLOCKS));

    const { setFaults } = demoControls(platform);
    await setFaults({ latency_ms: LATENCY_MS });

    const floor = async (set: string[]) => {
      const t0 = performance.now();
      for (let i = 0; i < set.length; i += CHUNK) {
        const res = await fetch(api + '/clients/bulk', {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': `floor-${set[i]}-${i}` },
          body: JSON.stringify({ action: 'block', ids: set.slice(i, i + CHUNK) }),
        });
        const body = (await res.json()) as { results: { ok: boolean }[] };
        if (!res.ok || body.results.some((r) => !r.ok)) throw new Error('floor: a block failed');
      }
      return performance.now() - t0;
    };
    const app = async (set: string[]) => {
      let batchId = '';
      let finished!: () => void;
      const done = new Promise<void>((r) => (finished = r));
      const off = core.onEvent((e: CoreEvent) => {
        if (e.event !== 'actions.progress') return;
        const p = e.payload as { batchId: string; pending: number; failed: number };
        if (p.batchId === batchId && p.pending === 0) finished();
      });
      const t0 = performance.now();
      const r = (await core.call('actions.enqueue', { action: 'block', ids: set })) as { batchId: string; count: number };
      batchId = r.batchId;
      // The enqueue's own progress event may have arrived before batchId was known: ask once.
      const b = (await core.call('actions.batch', { batchId, limit: 1 })) as { batch: { done: boolean; failed: number; ok: number } };
      if (!b.batch.done) await done;
      const ms = performance.now() - t0;
      off();
      const end = (await core.call('actions.batch', { batchId, limit: 1 })) as { batch: { ok: number } };
      if (end.batch.ok !== BLOCKS) throw new Error(`app: ${end.batch.ok} of ${BLOCKS} blocked`);
      return ms;
    };

    // One round to warm up both paths (JIT, connections), then the measured rounds.
    await floor(sets[0]!);
    await app(sets[1]!);
    const floors: number[] = [];
    const apps: number[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      floors.push(await floor(sets[2 * i]!));
      apps.push(await app(sets[2 * i + 1]!));
    }
    await setFaults({});
    const f = Math.min(...floors);
    const a = Math.min(...apps);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    ctx.log(
      `bulk: ${BLOCKS} blocks at ${LATENCY_MS} ms latency: app ${apps.map(Math.round).join('/')} ms, floor (${BLOCKS / CHUNK} bare bulk calls) ${floors.map(Math.round).join('/')} ms`,
    );
    return { bulk_ms: Math.round(a), bulk_floor_ms: Math.round(f), bulk_ratio: r2(a / f) };
  } finally {
    await core.close();
    await platform.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
