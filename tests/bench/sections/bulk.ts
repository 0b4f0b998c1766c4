/**
 * bulk_ratio: 1,000 blocks at 50 ms platform latency, from the user's confirmation (actions.enqueue
 * through the core in its worker thread, given the selection the confirmation dialog checked with
 * actions.applicable before it opened, as the bulk bar does) to the last result recorded, against the round-trip floor
 * for the same work: the same HTTP calls the runner makes (two POST /clients/bulk of 500, one after
 * the other), made bare with fetch on other clients of the same platform. Each measured four
 * times on fresh clients after a warm-up round; the best of each counts. Target ≤ 1.10.
 * bulk_ids_ratio: the same with the ids sent again in the enqueue and checked there (an enqueue with
 * no dialog before it, or one whose selection the core no longer keeps).
 * Both reach the platform through the same recording proxy (wire-log.ts), which says where each
 * best round's time went: before its first call (enqueue, claim), on the platform (the calls
 * themselves, latency included), between an answer and the next call, after the last answer
 * (recording it, the progress event and its relay to this thread).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCoreWorker } from '../../../electron/core/worker-client';
import type { CoreEvent } from '../../../shared/contract/events';
import type { BenchContext } from '../run';
import { startChildPlatform } from '../platform';
import { demoControls } from '../../support/demo-controls';
import { breakdown, startWireLog, type WireCall } from '../wire-log';

const BLOCKS = 1000;
const CHUNK = 500;
const LATENCY_MS = 50;
const ROUNDS = 4;
/** Per round: the floor, the app given the checked selection, the app given the ids. */
const KINDS = 3;

export default async function bulk(ctx: BenchContext): Promise<Record<string, number | string>> {
  const work = mkdtempSync(join(tmpdir(), 'pd-bench-bulk-'));
  const platform = await startChildPlatform({ clients: 19_000, seed: 7, dataDir: join(work, 'platform'), demoControls: true });
  const wire = await startWireLog(platform.url);
  const api = wire.url + '/partner/api/v1';
  const headers = { 'x-access-token': platform.token, 'content-type': 'application/json' };
  const core = await startCoreWorker({
    dataDir: join(work, 'app'),
    mode: 'browser',
    version: 'bench',
    connection: { kind: 'custom', url: wire.url, token: platform.token },
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
    // A first sync's run lasts past 'done' while it builds the client indexes: not under the timings.
    while (((await core.call('sync.status', {})) as { running: boolean }).running) await new Promise((r) => setTimeout(r, 20));
    const { ids } = (await core.call('clients.ids', { statuses: ['active'] })) as { ids: string[] };
    const need = BLOCKS * (ROUNDS + 1) * KINDS;
    if (ids.length < need) throw new Error(`only ${ids.length} active clients; need ${need}`);
    const sets = Array.from({ length: (ROUNDS + 1) * KINDS }, (_, i) => ids.slice(i * BLOCKS, (i + 1) * BLOCKS));

    const { setFaults } = demoControls(platform);
    await setFaults({ latency_ms: LATENCY_MS });

    type Round = { ms: number; t0: number; t1: number; answeredMs?: number };
    const floor = async (set: string[]): Promise<Round> => {
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
      const t1 = performance.now();
      return { ms: t1 - t0, t0, t1 };
    };
    const app = async (set: string[], checked: boolean): Promise<Round> => {
      // The confirmation dialog's check, before the user confirms (not timed).
      const selection = checked ? ((await core.call('actions.applicable', { ids: set })) as { selection: string }).selection : null;
      let batchId = '';
      let finished!: () => void;
      const done = new Promise<void>((r) => (finished = r));
      const off = core.onEvent((e: CoreEvent) => {
        if (e.event !== 'actions.progress') return;
        const p = e.payload as { batchId: string; pending: number; failed: number };
        if (p.batchId === batchId && p.pending === 0) finished();
      });
      const t0 = performance.now();
      const r = (await core.call('actions.enqueue', selection ? { action: 'block', selection } : { action: 'block', ids: set })) as { batchId: string; count: number };
      const answeredMs = performance.now() - t0;
      batchId = r.batchId;
      // The enqueue's own progress event may have arrived before batchId was known: ask once.
      const b = (await core.call('actions.batch', { batchId, limit: 1 })) as { batch: { done: boolean; failed: number; ok: number } };
      if (!b.batch.done) await done;
      const t1 = performance.now();
      off();
      const end = (await core.call('actions.batch', { batchId, limit: 1 })) as { batch: { ok: number } };
      if (end.batch.ok !== BLOCKS) throw new Error(`app: ${end.batch.ok} of ${BLOCKS} blocked`);
      return { ms: t1 - t0, t0, t1, answeredMs };
    };

    // One round to warm up both paths (JIT, connections), then the measured rounds.
    await floor(sets[0]!);
    await app(sets[1]!, true);
    await app(sets[2]!, false);
    const floors: Round[] = [];
    const apps: Round[] = [];
    const appsIds: Round[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      floors.push(await floor(sets[KINDS * i]!));
      apps.push(await app(sets[KINDS * i + 1]!, true));
      appsIds.push(await app(sets[KINDS * i + 2]!, false));
    }
    await setFaults({});
    const best = (xs: Round[]) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const f = best(floors);
    const a = best(apps);
    const ai = best(appsIds);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const r1 = (x: number) => Math.round(x * 10) / 10;
    const callsIn = (r: Round): WireCall[] => wire.calls.filter((c) => c.path.endsWith('/clients/bulk') && c.start >= r.t0 && c.end <= r.t1);
    const fb = breakdown(f.t0, f.t1, callsIn(f));
    const ab = breakdown(a.t0, a.t1, callsIn(a));
    const say = (b: typeof ab, n: number) =>
      `before the first call ${r1(b.before)}, ${n} calls on the platform ${r1(b.platform)}, between an answer and the next call ${r1(b.between)}, after the last answer ${r1(b.after)} ms`;
    ctx.log(
      `bulk: ${BLOCKS} blocks at ${LATENCY_MS} ms latency: app ${apps.map((x) => Math.round(x.ms)).join('/')} ms (given the ids instead of the checked selection ${appsIds.map((x) => Math.round(x.ms)).join('/')} ms), floor (${BLOCKS / CHUNK} bare bulk calls) ${floors.map((x) => Math.round(x.ms)).join('/')} ms`,
    );
    ctx.log(`bulk, where the best rounds' time went: app ${Math.round(a.ms)} ms = ${say(ab, callsIn(a).length)}; floor ${Math.round(f.ms)} ms = ${say(fb, callsIn(f).length)}`);
    // The app's overhead, apart: the enqueue (the call into the core, validation, the checked
    // selection's stamp, the commit of the staged batch; its first request starts before the
    // answer, the outbox rows and audit entry are written while it is in flight) as this thread sees
    // its answer, and the recording of the last answer until its progress event arrives here.
    const firstCall = callsIn(a)[0];
    ctx.log(
      `bulk, the app's overhead over the floor: ${r1(a.ms - f.ms)} ms; the enqueue (call into the core, the checked selection's stamp, commit of the staged batch) answered after ${r1(a.answeredMs ?? NaN)} ms (given the ids, with their check: ${r1(ai.answeredMs ?? NaN)} ms), ` +
        `the first call reached the platform after ${r1(firstCall ? firstCall.start - a.t0 : NaN)} ms (floor ${r1(fb.before)}); between calls ${r1(ab.between - fb.between)} ms more than the floor; ` +
        `recording the last answer (its outbox rows, the clients' new status, the audit result, one commit) until its progress event arrives here ${r1(ab.after - fb.after)} ms more`,
    );
    return {
      bulk_ms: Math.round(a.ms),
      bulk_floor_ms: Math.round(f.ms),
      bulk_ratio: r2(a.ms / f.ms),
      bulk_ids_ratio: r2(ai.ms / f.ms),
      bulk_before_first_call_ms: r1(ab.before),
      bulk_on_platform_ms: r1(ab.platform),
      bulk_between_calls_ms: r1(ab.between),
      bulk_after_last_answer_ms: r1(ab.after),
      bulk_floor_on_platform_ms: r1(fb.platform),
      bulk_enqueue_answer_ms: r1(a.answeredMs ?? NaN),
      bulk_ids_enqueue_answer_ms: r1(ai.answeredMs ?? NaN),
    };
  } finally {
    await core.close();
    await wire.close();
    await platform.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
