/**
 * A wrong clock: the computer's clock a day ahead, ten minutes behind, or right while the platform's
 * ran ahead (its Date header moved by simulated days). Times that matter follow the platform's
 * clock: when the cache was last synced, the ledger window, "now" of the balance reads; the app
 * says when the two disagree by more than a few minutes, and not when they agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../../../electron/demo-platform/index';
import { testCore } from '../../support/test-core';
import { DISAGREE_MS } from '../../../electron/core/sync/clock';
import type { Health } from '../../../shared/contract/rpc/local';
import { demoControls } from '../../support/demo-controls';

let work: string;
let platform: Awaited<ReturnType<typeof start>>;
const DAY = 86_400_000;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pd-int-clock-'));
  platform = await start({ port: 0, seed: 3, clients: 60, dataDir: join(work, 'platform'), allowDemoControls: true });
});
afterAll(async () => {
  await platform?.stop();
  rmSync(work, { recursive: true, force: true });
});

async function syncedWith(name: string, skewMs: number) {
  const core = await testCore(join(work, name), platform, 'demo', {
    localClock: () => Date.now() + skewMs,
  });
  await core.engine.run();
  const health = (await core.call('app.health', {})) as Health;
  const status = (await core.call('sync.status', {})) as { lastSyncedAt: string };
  return { core, health, status };
}

describe('a wrong local clock', () => {
  it('a day ahead: "synced" and "now" are the platform\'s, the app says the clocks disagree', async () => {
    const before = Date.now();
    const { core, health, status } = await syncedWith('ahead', DAY);
    try {
      expect(health.clock.disagrees).toBe(true);
      expect(Math.abs(health.clock.offsetMs! + DAY)).toBeLessThan(10_000);
      // Synced now by the platform's clock, not tomorrow.
      expect(Math.abs(Date.parse(status.lastSyncedAt) - before)).toBeLessThan(60_000);
      expect(Math.abs(core.ctx.now() - Date.now())).toBeLessThan(10_000);
    } finally {
      await core.close();
    }
  });

  it('ten minutes behind: corrected and told', async () => {
    const { core, health } = await syncedWith('behind', -10 * 60_000);
    try {
      expect(health.clock.disagrees).toBe(true);
      expect(Math.abs(health.clock.offsetMs! - 10 * 60_000)).toBeLessThan(10_000);
      expect(Math.abs(core.ctx.now() - Date.now())).toBeLessThan(10_000);
    } finally {
      await core.close();
    }
  });

  it('right clock: nothing to say, nothing moved', async () => {
    const { core, health } = await syncedWith('right', 0);
    try {
      expect(health.clock.disagrees).toBe(false);
      expect(Math.abs(health.clock.offsetMs!)).toBeLessThan(DISAGREE_MS);
    } finally {
      await core.close();
    }
  });

  it('the platform a day ahead (its clock moved): the cache is as of the platform\'s day, its new charges kept', async () => {
    await demoControls(platform).tick({ days: 1 });
    const { core, health, status } = await syncedWith('platform-ahead', 0);
    try {
      expect(health.clock.disagrees).toBe(true);
      expect(health.clock.offsetMs!).toBeGreaterThan(DAY - 10_000);
      expect(Date.parse(status.lastSyncedAt)).toBeGreaterThan(Date.now() + DAY - 60_000);
      // The newest charge the platform made on its day is in the cache.
      const newest = core.ctx.db.prepare('SELECT max(at_ms) FROM transactions').pluck().get() as number;
      expect(newest).toBeGreaterThan(Date.now());
    } finally {
      await core.close();
    }
  });
});
