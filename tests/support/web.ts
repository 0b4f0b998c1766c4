/**
 * The harness every end-to-end test uses: a demo platform (in-process, demo controls on) and
 * browser mode's server on a fresh temporary data folder. `appUrl` already carries the per-run
 * token, so `page.goto(appUrl)` opens the app signed in. Call `stop()` in afterAll/afterEach.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
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
  /** The built renderer (default out/renderer of this checkout; `npx electron-vite build` makes it). */
  rendererDir?: string;
  /** Keep the data folder after stop() (to look at it after a failure). */
  keepData?: boolean;
}

export interface WebHarness {
  /** The app's address with `?token=`, ready for page.goto. */
  appUrl: string;
  /** The server's bare address and token (for raw requests). */
  serverUrl: string;
  serverToken: string;
  platform: { url: string; token: string; stop(): Promise<void> };
  dataDir: string;
  /** Stops the server (and its core) and the platform, then removes the data folder. */
  stop(): Promise<void>;
}

const root = resolve(import.meta.dirname, '..', '..');

export async function startWebHarness(opts: WebHarnessOptions = {}): Promise<WebHarness> {
  const rendererDir = opts.rendererDir ?? join(root, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(
      `The renderer is not built (${rendererDir}/index.html is missing): run \`npx electron-vite build\` first.`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-e2e-'));
  const platform = await startDemoPlatform({
    port: 0,
    seed: opts.seed ?? 1,
    clients: opts.clients ?? 250,
    dataDir: join(dataDir, 'demo-platform'),
    allowDemoControls: true,
    ...(opts.region ? { region: opts.region } : {}),
    ...(opts.policies ? { policies: opts.policies } : {}),
    ...(opts.now !== undefined ? { now: opts.now } : {}),
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
    appUrl: `${server.url}/?token=${server.token}`,
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

/** The name the team's brief uses. */
export const startWeb = startWebHarness;
