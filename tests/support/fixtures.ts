/**
 * The Playwright fixtures of the browser-mode end-to-end tests: `import { test, expect } from
 * '../support/fixtures'`. Each test gets its own `harness` (a demo platform and browser mode's
 * server on a fresh data folder, see ./web.ts), stopped and removed when the test ends; a spec
 * picks the platform's data with `test.use({ harnessOptions: { clients, seed, … } })`.
 *
 * What is slow to make is made once per worker and per set of options, and each harness starts on
 * its own copy: the seeded platform file, and with `synced: true` an app data folder that has
 * finished its first sync against that same data. A synced harness is handed over once the app's
 * start-up sync has finished too, so rows and counts hold still while a test reads them.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { PartnerApi } from '../../electron/core/partner-api/client';
import { demoControls, type DemoControls } from './demo-controls';
import { harnessRpc } from './e2e';
import { seedPlatformData, startWebHarness, type WebHarness, type WebHarnessOptions } from './web';

export interface HarnessOptions extends WebHarnessOptions {
  /** Start on an app whose first sync has finished (clients and ledger cached). */
  synced?: boolean;
}

interface TestFixtures {
  harnessOptions: HarnessOptions;
  /** This test's own platform, server and data folder. */
  harness: WebHarness;
  /** The demo controls of this test's platform. */
  controls: DemoControls;
  /** The platform's own API with its token: what the platform holds, to check the app against. */
  api: PartnerApi;
}

interface Template {
  platformData: string;
  /** With `synced`: the app data folder and the time its sync finished. */
  app?: { dir: string; syncedAt: string };
}

interface WorkerFixtures {
  /** The seeded platform file (and synced app data) for a set of options, made once in this worker. */
  template: (opts: HarnessOptions) => Promise<Template>;
}

interface SyncStatus {
  lastSyncedAt: string | null;
  running: boolean;
}

/** Resolves once a sync has finished after `since` (null: the first one) and none is running. */
async function syncFinished(h: WebHarness, since: string | null): Promise<string> {
  const status = () => harnessRpc<SyncStatus>(h, 'sync.status', {});
  await expect
    .poll(
      async () => {
        const s = await status();
        return s.lastSyncedAt !== null && s.lastSyncedAt !== since && !s.running;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return (await status()).lastSyncedAt ?? '';
}

async function makeTemplate(opts: HarnessOptions, dir: string): Promise<Template> {
  const platformData = await seedPlatformData(opts, join(dir, 'platform'));
  if (!opts.synced) return { platformData };
  const h = await startWebHarness({ ...opts, platformData, keepData: true });
  try {
    const syncedAt = await syncFinished(h, null);
    await h.stop();
    cpSync(join(h.dataDir, 'app'), join(dir, 'app'), { recursive: true });
    return { platformData, app: { dir: join(dir, 'app'), syncedAt } };
  } finally {
    await h.stop();
    rmSync(h.dataDir, { recursive: true, force: true });
  }
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  template: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture needs from the destructuring
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'pd-e2e-templates-'));
      const made = new Map<string, Promise<Template>>();
      await use((opts) => {
        const key = JSON.stringify([opts.seed, opts.clients, opts.region, opts.now, opts.policies, opts.synced]);
        let t = made.get(key);
        if (!t) {
          t = makeTemplate(opts, join(dir, String(made.size)));
          made.set(key, t);
        }
        return t;
      });
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  harnessOptions: [{}, { option: true }],
  harness: [
    async ({ harnessOptions, template }, use) => {
      const { synced: _synced, ...opts } = harnessOptions;
      const t = await template(harnessOptions);
      const h = await startWebHarness({ ...opts, platformData: t.platformData, ...(t.app ? { appData: t.app.dir } : {}) });
      try {
        if (t.app) await syncFinished(h, t.app.syncedAt);
        await use(h);
      } finally {
        await h.stop();
      }
    },
    // Its own time, not the test's: the first test of a worker also makes the templates.
    { timeout: 180_000 },
  ],
  controls: async ({ harness }, use) => {
    await use(demoControls(harness.platform));
  },
  api: async ({ harness }, use) => {
    await use(new PartnerApi({ baseUrl: harness.platform.url, token: harness.platform.token }));
  },
});

export { expect };
