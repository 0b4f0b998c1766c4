/**
 * Runs the real desktop main process (electron/main/index.ts) under Vitest on the Electron test
 * double: fresh modules, a fresh double, 'ready' fired, then waits until the window exists (or the
 * app exits). The core and the built-in demo platform start for real in their worker threads, with
 * their data in the double's userData folder. The test file must route `electron` to the double:
 *
 *   vi.mock('electron', async () => (await import('../../support/electron-double')).electronModule);
 */
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { IPC, type RpcReply } from '../../shared/contract/bridge';
import {
  installElectronDouble,
  type DoubleOptions,
  type ElectronDouble,
  type FakeBrowserWindow,
} from './electron-double';
import type { DesktopProbe } from './desktop-security';
import { projectRoot } from './electron';

export interface DesktopRun {
  double: ElectronDouble;
  /** The main window, or null when start-up failed or this is a second instance. */
  window: FakeBrowserWindow | null;
  probe: DesktopProbe;
  /** The RPC call the preload makes, from the app's own page. */
  rpc(method: string, input: unknown): Promise<unknown>;
  /** Quits as the user would (Cmd+Q / the menu) and resolves when Electron would exit. */
  quit(): Promise<void>;
}

/** The renderer the app serves on app://: electron-vite's build output. */
export const BUILT_RENDERER = join(projectRoot, 'out', 'renderer');

/** One run at a time: `electron` resolves to the newest double, so quit a run before starting the next. */
export async function startDesktop(
  opts: DoubleOptions = {},
  env: Record<string, string> = {},
): Promise<DesktopRun> {
  if (!existsSync(join(BUILT_RENDERER, 'index.html'))) {
    throw new Error(
      'out/renderer is missing: run `npx electron-vite build` first (npm test builds before Vitest)',
    );
  }
  const double = installElectronDouble(opts);
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  vi.resetModules();
  // The window counts once its page has loaded (Electron's 'ready-to-show').
  const shown = new Promise<FakeBrowserWindow>((resolve) =>
    double.app.once('browser-window-created', (_e: unknown, win: FakeBrowserWindow) =>
      win.once('ready-to-show', () => resolve(win)),
    ),
  );
  // …or start-up failed (exit), or another instance holds the lock (quit).
  const ended = Promise.race([double.app.exited, once(double.app, 'quit')]).then(() => null);
  await import('../../electron/main/index');
  double.app.emitReady();
  const window = await Promise.race([shown, ended]);
  const rpc = async (method: string, input: unknown) => {
    if (!window) throw new Error('no window');
    const reply = (await double.ipcMain.invoke(window.webContents, 'app://partner-desk/index.html', IPC.rpc, {
      method,
      input,
    })) as RpcReply;
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
    return reply.result;
  };
  return {
    double,
    window,
    probe: doubleProbe(double, () => {
      if (!window) throw new Error('no window');
      return window;
    }),
    rpc,
    async quit() {
      const quitted = once(double.app, 'quit');
      double.app.quit();
      await quitted;
    },
  };
}

function doubleProbe(double: ElectronDouble, win: () => FakeBrowserWindow): DesktopProbe {
  const wc = () => win().webContents;
  return {
    webPreferences: async () => ({ ...(win().options.webPreferences ?? {}) }),
    navigate: async (url) => wc().pageNavigates(url),
    navigateSubFrame: async (url) => wc().subFrameNavigates(url),
    redirect: async (url) => wc().serverRedirects(url),
    openWindow: async (url) => wc().pageOpensWindow(url).action,
    attachWebview: async () => wc().pageAttachesWebview('https://example.com/'),
    takeOpenedExternally: async () => double.shell.opened.splice(0),
    requestPermission: (permission, pageUrl) => double.session.requestPermission(wc(), permission, pageUrl),
    deviceAllowed: async () => double.session.devicePermission('hid', 'app://partner-desk'),
    displayMediaGranted: async () => {
      const s = await double.session.requestDisplayMedia('app://partner-desk');
      return Boolean(s && (s.video || s.audio));
    },
    downloadProceeds: async () =>
      !double.session.startDownload(wc(), 'blob:app://partner-desk/1', 'export.xlsx').prevented,
    rpcFrom: async (frameUrl, method, input) =>
      (await double.ipcMain.invoke(wc(), frameUrl, IPC.rpc, { method, input })) as RpcReply,
    appFetch: async (path) => {
      const r = await double.protocol.request(`app://partner-desk${path}`);
      const headers: Record<string, string> = {};
      r.headers.forEach((v, k) => {
        headers[k.toLowerCase()] = v;
      });
      return { status: r.status, headers, body: await r.text() };
    },
  };
}
