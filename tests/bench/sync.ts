/**
 * One sync by the core in a worker thread (this thread only relays its events), timed: wall, each
 * phase, CPU (this process: the worker and the relay; the platform's process apart), the peak
 * resident memory of this process while it ran, and the worst stall of this (relay) thread.
 * `ms` and the CPU figures run to the 'done' progress event (the data is in, the app usable);
 * `readyMs`/`readyCpuMs` to the end of the run: after a first fill the list indexes and the short
 * searches' counts are still built after 'done' (list and search scan until then), and the Home
 * figures are computed.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startCoreWorker } from '../../electron/core/worker-client';
import type { CoreEvent } from '../../shared/contract/events';
import type { ChildPlatform } from './platform';
import { cpuMeter } from './cpu';
import type { FeedCursors } from './floor';

export interface SyncRun {
  ms: number;
  phases: Record<string, number>;
  events: number;
  selfCpuMs: number;
  platformCpuMs: number;
  peakRssMb: number;
  stallMs: number;
  delayP99Ms: number;
  /** Until the run ended (status no longer running): every index built, search at full speed. */
  readyMs: number;
  /** CPU of this process and the platform's until the run ended. */
  readyCpuMs: number;
}

export async function timedSync(platform: ChildPlatform, dataDir: string, opts: { pageSize: number; concurrency: number; windowMonths: number }): Promise<SyncRun> {
  const core = await startCoreWorker({
    dataDir,
    mode: 'browser',
    version: 'bench',
    connection: { kind: 'custom', url: platform.url, token: platform.token },
    autoSync: false,
    sync: { pageSize: opts.pageSize, projectsConcurrency: opts.concurrency },
  });
  try {
    await core.call('settings.update', { ledgerWindowMonths: opts.windowMonths });
    const phases: Record<string, number> = {};
    let events = 0;
    const done = new Promise<void>((resolve, reject) => {
      core.onEvent((e: CoreEvent) => {
        events++;
        if (e.event === 'sync.progress') {
          const ph = (e.payload as { phase: string }).phase;
          phases[ph] ??= performance.now();
          if (ph === 'done') resolve();
        }
        if (e.event === 'connectivity' && ['offline', 'token_rejected'].includes((e.payload as { state: string }).state)) {
          reject(new Error(`sync failed: ${(e.payload as { message: string | null }).message}`));
        }
      });
    });
    const h = monitorEventLoopDelay({ resolution: 1 });
    let drift = 0;
    let last = performance.now();
    let peakRss = process.memoryUsage.rss();
    const probe = setInterval(() => {
      const now = performance.now();
      drift = Math.max(drift, now - last - 5);
      last = now;
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 5);
    h.enable();
    const meter = cpuMeter(platform.child.pid);
    const t = performance.now();
    const started = (await core.call('sync.now', {})) as { started: boolean };
    if (!started.started) throw new Error('sync did not start');
    await done;
    const m = meter();
    let status = (await core.call('sync.status', {})) as { lastError: unknown; running: boolean };
    while (status.running) {
      await new Promise((r) => setTimeout(r, 20));
      status = (await core.call('sync.status', {})) as typeof status;
    }
    const ready = meter();
    h.disable();
    clearInterval(probe);
    if (status.lastError) throw new Error(`sync error: ${JSON.stringify(status.lastError)}`);
    const rel: Record<string, number> = {};
    for (const [k, v] of Object.entries(phases)) rel[k] = v - t;
    return {
      ms: m.wallMs,
      phases: rel,
      events,
      selfCpuMs: m.selfCpuMs,
      platformCpuMs: m.otherCpuMs,
      peakRssMb: peakRss / 2 ** 20,
      stallMs: Math.max(h.max / 1e6, drift),
      delayP99Ms: h.percentile(99) / 1e6,
      readyMs: ready.wallMs,
      readyCpuMs: ready.selfCpuMs + ready.otherCpuMs,
    };
  } finally {
    await core.close();
  }
}

/** The feeds' cursors a cache holds (where its next sync starts). */
export function cursorsOf(dataDir: string): FeedCursors {
  const db = new Database(join(dataDir, 'cache.sqlite'), { readonly: true });
  try {
    const get = (feed: string) => (db.prepare('SELECT cursor FROM sync_state WHERE feed = ?').pluck().get(feed) as string | null | undefined) ?? null;
    return { clients: get('clients'), projects: get('projects'), transactions: get('transactions') };
  } finally {
    db.close();
  }
}

/** Phase lengths in s from the progress events' first times. */
export function phaseSeconds(r: SyncRun): string {
  const order = ['platform', 'clients', 'projects', 'transactions', 'done'];
  const at = (p: string) => r.phases[p] ?? r.ms;
  return order
    .slice(0, -1)
    .map((p, i) => `${p === 'transactions' ? 'ledger' : p} ${((at(order[i + 1]!) - at(p)) / 1000).toFixed(2)} s`)
    .join(', ');
}
