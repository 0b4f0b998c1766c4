/**
 * node --cpu-prof --import tsx tests/bench/profile-sync.ts --clients 20000 [--tick 1] [--keep DIR]
 * One first sync in this thread (no worker, so one profile holds it all) against a demo platform
 * in a child process; prints each phase's time. --tick 1: a simulated day, then the incremental
 * sync. --keep DIR: the synced cache stays in DIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/create-core';
import type { CoreEvent } from '../../shared/contract/events';
import { startChildPlatform } from './platform';
import { opt } from './main';

const N = Number(opt('clients', '20000'));
const work = mkdtempSync(join(tmpdir(), 'pd-prof-'));
const keep = opt('keep', '');
const platform = await startChildPlatform({ clients: N, seed: 1, dataDir: join(work, 'platform'), demoControls: true });
try {
  const core = await createCore({
    dataDir: keep || join(work, 'app'),
    mode: 'browser',
    version: 'bench',
    connection: { kind: 'custom', url: platform.url, token: platform.token },
    autoSync: false,
    sync: { pageSize: 1000, projectsConcurrency: 8 },
  });
  await core.call('settings.update', { ledgerWindowMonths: 120 });
  const phases: [string, number][] = [];
  core.onEvent((e: CoreEvent) => {
    if (e.event === 'sync.progress') {
      const ph = (e.payload as { phase: string }).phase;
      if (phases.at(-1)?.[0] !== ph) phases.push([ph, performance.now()]);
    }
  });
  const t0 = performance.now();
  await core.engine.run();
  const t1 = performance.now();
  console.log(`first sync ${((t1 - t0) / 1000).toFixed(2)} s: ` + phases.map(([p, t], i) => `${p} ${(((phases[i + 1]?.[1] ?? t1) - t) / 1000).toFixed(2)} s`).join(', '));
  if (opt('tick', '0') !== '0') {
    const r = await fetch(platform.url + '/__demo/tick', {
      method: 'POST',
      headers: { 'x-access-token': platform.token, 'content-type': 'application/json' },
      body: JSON.stringify({ days: 1 }),
    });
    console.log('tick', await r.text());
    phases.length = 0;
    const t2 = performance.now();
    await core.engine.run();
    const t3 = performance.now();
    console.log(`incremental sync ${((t3 - t2) / 1000).toFixed(2)} s: ` + phases.map(([p, t], i) => `${p} ${(((phases[i + 1]?.[1] ?? t3) - t) / 1000).toFixed(2)} s`).join(', '));
  }
  await core.close();
} finally {
  await platform.stop();
  rmSync(work, { recursive: true, force: true });
}
