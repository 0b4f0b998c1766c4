/**
 * Sleep and resume, made real by pausing the core's process (SIGSTOP) longer than its sleep
 * detector's threshold and resuming it (SIGCONT): during a sync, while idle, during a bulk action.
 * What must hold: the interrupted sync finishes (the cache equals the platform), one sync after
 * waking and no burst (the next one is a whole interval away), "synced" is as of after the wake,
 * and the bulk action completes with each client changed once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start } from '../../../electron/demo-platform/index';
import { PartnerApi } from '../../../electron/core/partner-api/client';
import { ledgerWindowStart } from '../../../electron/core/sync/engine';
import { cacheSnapshot, platformSnapshot, strip } from './helpers';
import { platformChanges } from '../actions/helpers';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..', '..');
let work: string;
let platform: Awaited<ReturnType<typeof start>>;
let child: ChildProcess;
const lines: string[] = [];
const waiters: { pred: (l: string) => boolean; from: number; resolve: (l: string) => void }[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pd-int-sleep-'));
  platform = await start({ port: 0, seed: 17, clients: 400, dataDir: join(work, 'platform'), allowDemoControls: true });
  child = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'sleep-child.ts'), join(work, 'app'), platform.url, platform.token], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  createInterface({ input: child.stdout! }).on('line', (l) => {
    lines.push(l);
    for (const w of [...waiters]) {
      if (w.pred(l)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(l);
      }
    }
  });
  await next((l) => l === 'READY');
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await platform?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** The first line from now on (or already seen since `from`) that satisfies pred. */
function next(pred: (l: string) => boolean, from = lines.length): Promise<string> {
  const seen = lines.slice(from).find(pred);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => waiters.push({ pred, from, resolve }));
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Sleeps the process for `ms` (longer than the detector's 2.2 s threshold). */
async function sleepFor(ms: number): Promise<number> {
  child.kill('SIGSTOP');
  await pause(ms);
  const woke = lines.length;
  child.kill('SIGCONT');
  return woke;
}
type Status = { running: boolean; lastSyncedAt: string | null; nextSyncAt: string | null; lastError: unknown };
const parseStatus = (l: string) => JSON.parse(l.slice(2)) as Status;
async function askStatus(): Promise<Status> {
  const mark = lines.length;
  child.stdin!.write('status\n');
  return parseStatus(await next((l) => l.startsWith('S '), mark));
}
/** The status once a sync finished after line `from` and none is running. */
async function idleStatus(from: number): Promise<Status> {
  for (;;) {
    if (lines.slice(from).some((l) => l.startsWith('P done'))) {
      const s = await askStatus();
      if (!s.running) return s;
    }
    await pause(100);
  }
}
const syncStarts = (from: number) => lines.slice(from).filter((l) => l === 'P platform 0').length;

describe('sleep and resume (SIGSTOP/SIGCONT of the core process)', () => {
  it('during a sync: the sync resumes and finishes, no burst after waking, the cache equals the platform', async () => {
    await next((l) => l.startsWith('P transactions') || l.startsWith('P projects'));
    const before = Date.now();
    const woke = await sleepFor(3000);
    const s = await idleStatus(woke);
    // The interrupted run went on (or was restarted once); nothing piled up behind it.
    expect(syncStarts(woke)).toBeLessThanOrEqual(1);
    expect(s.lastError).toBeNull();
    expect(Date.parse(s.lastSyncedAt!)).toBeGreaterThan(before);
    // The next sync is a whole interval (5 min by default) away, not due at once.
    expect(Date.parse(s.nextSyncAt!) - Date.now()).toBeGreaterThan(4 * 60_000);
    const api = new PartnerApi({ baseUrl: platform.url, token: platform.token });
    const got = cacheSnapshot(join(work, 'app', 'cache.sqlite'));
    expect(got.integrity).toBe('ok');
    expect(strip(got)).toEqual(await platformSnapshot(api, ledgerWindowStart(Date.now(), 3, 'Europe/Moscow')));
  });

  it('while idle: exactly one sync after waking, "synced" as of after the wake, the next one an interval away', async () => {
    const woke = await sleepFor(3000);
    const wokeAt = Date.now();
    await next((l) => l.startsWith('P done'), woke);
    const s = await idleStatus(woke);
    expect(syncStarts(woke)).toBe(1);
    expect(Date.parse(s.lastSyncedAt!)).toBeGreaterThanOrEqual(wokeAt - 1000);
    expect(Date.parse(s.nextSyncAt!) - Date.now()).toBeGreaterThan(4 * 60_000);
  });

  it('during a bulk action: it completes after waking, each client changed once', async () => {
    const mark = lines.length;
    child.stdin!.write('status\n');
    await next((l) => l.startsWith('S '), mark);
    const api = new PartnerApi({ baseUrl: platform.url, token: platform.token });
    const page = await api.listClients({ limit: 1000 });
    const ids = page.items.filter((c) => c.status === 'active').slice(0, 200).map((c) => c.id);
    expect(ids).toHaveLength(200);
    const seq0 = platformChanges(platform.dbFile, 0).maxSeq;
    const m2 = lines.length;
    child.stdin!.write(`enqueue block ${ids.join(',')}\n`);
    const batch = (await next((l) => l.startsWith('E '), m2)).slice(2);
    await next((l) => l.startsWith(`A ${batch} `), m2);
    const woke = await sleepFor(3000);
    await next((l) => l.startsWith(`A ${batch} `) && l.endsWith(' 0') && Number(l.split(' ')[2]) === 200, woke);
    const changes = platformChanges(platform.dbFile, seq0);
    expect([...changes.changed.keys()].sort()).toEqual([...ids].sort());
    expect([...changes.changed.values()].every((c) => c.status === 'blocked')).toBe(true);
    expect(changes.maxSeq - seq0, 'each client changed once').toBe(200);
  });
});
