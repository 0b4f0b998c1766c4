/**
 * At least 20 syncs killed with SIGKILL at random moments (after a random progress event, plus a
 * random few ms), each resumed to the same final state: integrity_check ok, no row lost or doubled.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start } from '../../../electron/demo-platform/index';
import { PartnerApi } from '../../../electron/core/partner-api/client';
import { ledgerWindowStart } from '../../../electron/core/sync/engine';
import { cacheSnapshot, platformSnapshot, strip, type Snapshot } from './helpers';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'sync-child.ts');
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const RUNS = 20;

let work: string;
let platform: Awaited<ReturnType<typeof start>>;

/** Runs the child; kills it (SIGKILL) after the `killAfter`-th progress line and `extraMs` more. */
function runChild(dataDir: string, killAfter: number | null, extraMs = 0): Promise<{ lines: number; finished: boolean; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, platform.url, platform.token], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines = 0;
    let finished = false;
    let killed = false;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout }).on('line', (l) => {
      if (l === 'DONE') finished = true;
      else if (l.startsWith('P ')) {
        lines++;
        if (killAfter !== null && lines === killAfter && !killed) {
          killed = true;
          setTimeout(() => child.kill('SIGKILL'), extraMs);
        }
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ lines, finished, killed: signal === 'SIGKILL' });
      else reject(new Error(`child failed (${code}): ${stderr}`));
    });
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pd-int-kill-'));
  platform = await start({ port: 0, seed: 11, clients: 300, dataDir: join(work, 'platform'), allowDemoControls: true });
});
afterAll(async () => {
  await platform?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('sync killed at random moments', () => {
  it(`${RUNS} killed runs each resume to the same state as an uninterrupted sync`, async () => {
    const refDir = join(work, 'ref');
    const ref = await runChild(refDir, null);
    expect(ref.finished).toBe(true);
    const want = cacheSnapshot(join(refDir, 'cache.sqlite'));
    expect(want.integrity).toBe('ok');
    const api = new PartnerApi({ baseUrl: platform.url, token: platform.token });
    expect(strip(want)).toEqual(await platformSnapshot(api, ledgerWindowStart(Date.now(), 3, 'Europe/Moscow')));

    const seed = Math.floor(Math.random() * 1e9);
    let s = seed;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const results: { kill: number; extra: number; killed: boolean; snap: Snapshot & { integrity: string } }[] = [];
    // Two at a time: the machine is small.
    const one = async (i: number) => {
      const dir = join(work, `run${i}`);
      const kill = 1 + Math.floor(rand() * ref.lines);
      const extra = Math.floor(rand() * 15);
      const first = await runChild(dir, kill, extra);
      if (i % 4 === 3 && first.killed) {
        // Some runs are killed twice: a resume is itself interrupted.
        await runChild(dir, 1 + Math.floor(rand() * Math.max(1, ref.lines / 2)), Math.floor(rand() * 10));
      }
      const last = await runChild(dir, null);
      expect(last.finished).toBe(true);
      results.push({ kill, extra, killed: first.killed, snap: cacheSnapshot(join(dir, 'cache.sqlite')) });
    };
    for (let i = 0; i < RUNS; i += 2) await Promise.all([one(i), one(i + 1)]);
    const bad = results.filter((r) => r.snap.integrity !== 'ok' || JSON.stringify(strip(r.snap)) !== JSON.stringify(strip(want)));
    expect(bad, `seed ${seed}`).toEqual([]);
    expect(results.filter((r) => r.killed).length, `seed ${seed}: most runs were really killed mid-sync`).toBeGreaterThanOrEqual(RUNS - 2);
  }, 400_000); // about a minute on a quiet machine; the shared one is often not
});
