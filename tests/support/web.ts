/**
 * The harness every end-to-end test uses: a demo platform (in-process, demo controls on) and
 * browser mode's server on a fresh temporary data folder. `appUrl` already carries the per-run
 * token, so `page.goto(appUrl)` opens the app signed in. `stop()` ends both and removes the
 * folder. Specs get one per test from the fixture in ./fixtures.ts, which makes the platform's
 * seeded SQLite file (`seedPlatformData`) and a synced app data folder once, so that each harness
 * starts on its own copies of them.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { start as startDemoPlatform } from '../../electron/demo-platform/index';
import { startWebServer } from '../../electron/web/server';

export interface WebHarnessOptions {
  seed?: number;
  clients?: number;
  region?: 'moscow' | 'kazakhstan';
  policies?: 'seed' | 'vk-2025';
  /** Fixed "now" of the demo platform (ms since the epoch), for reproducible screenshots. */
  now?: number;
  /** Scheduled sync in the core (default true: the app syncs at start as it does for users). */
  autoSync?: boolean;
  /** The built renderer (default $PD_RENDERER_DIR, else out/renderer of this checkout; `npx electron-vite build` makes it). */
  rendererDir?: string;
  /** A seeded platform file from seedPlatformData with the same seed, clients, region and now: copied, not generated again. */
  platformData?: string;
  /** An app data folder synced against a copy of `platformData`: copied in, so the app starts synced. */
  appData?: string;
  /** Keep the data folder after stop() (to look at it after a failure). */
  keepData?: boolean;
}

export interface WebHarness {
  /** The app's address with `?token=`, ready for page.goto; it opens the client list. */
  appUrl: string;
  /** The same without a screen: the app opens on its start screen (Home, or the list if preferred). */
  startUrl: string;
  /** The server's bare address and token (for raw requests). */
  serverUrl: string;
  serverToken: string;
  platform: { url: string; token: string; stop(): Promise<void> };
  dataDir: string;
  /** Stops the server (and its core) and the platform, then removes the data folder. */
  stop(): Promise<void>;
}

const root = resolve(import.meta.dirname, '..', '..');
const PLATFORM_FILE = 'demo-platform.sqlite';

/** The data options of the demo platform: what its seeded file depends on. */
function platformData(opts: WebHarnessOptions) {
  return {
    seed: opts.seed ?? 1,
    clients: opts.clients ?? 250,
    ...(opts.region ? { region: opts.region } : {}),
    ...(opts.now !== undefined ? { now: opts.now } : {}),
  };
}

/** Generates the demo platform's seeded SQLite file for these options in `dir`; returns its path. */
export async function seedPlatformData(opts: WebHarnessOptions, dir: string): Promise<string> {
  const p = await startDemoPlatform({ port: 0, dataDir: dir, ...platformData(opts) });
  await p.stop();
  return join(dir, PLATFORM_FILE);
}

export async function startWebHarness(opts: WebHarnessOptions = {}): Promise<WebHarness> {
  const rendererDir = opts.rendererDir ?? process.env.PD_RENDERER_DIR ?? join(root, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(
      `The renderer is not built (${rendererDir}/index.html is missing): run \`npx electron-vite build\` first.`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-e2e-'));
  if (opts.platformData) {
    mkdirSync(join(dataDir, 'demo-platform'));
    copyFileSync(opts.platformData, join(dataDir, 'demo-platform', PLATFORM_FILE));
  }
  if (opts.appData) cpSync(opts.appData, join(dataDir, 'app'), { recursive: true });
  const platform = await startDemoPlatform({
    port: 0,
    dataDir: join(dataDir, 'demo-platform'),
    allowDemoControls: true,
    ...platformData(opts),
    ...(opts.policies ? { policies: opts.policies } : {}),
  });
  let server;
  try {
    server = await startWebServer({
      port: 0,
      dataDir: join(dataDir, 'app'),
      rendererDir,
      connection: { kind: 'demo', url: platform.url, token: platform.token },
      version: 'e2e',
      ...(opts.autoSync === undefined ? {} : { autoSync: opts.autoSync }),
    });
  } catch (err) {
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  let stopped: Promise<void> | null = null;
  return {
    appUrl: `${server.url}/?token=${server.token}#/clients`,
    startUrl: `${server.url}/?token=${server.token}`,
    serverUrl: server.url,
    serverToken: server.token,
    platform,
    dataDir,
    stop() {
      stopped ??= (async () => {
        await server.close();
        await platform.stop().catch(() => undefined);
        if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}
