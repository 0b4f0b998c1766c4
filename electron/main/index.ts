/**
 * The desktop app's main process: lifecycle, one instance, the window, the menu, the IPC relay.
 * The core runs in a worker thread (startCoreWorker) with its data in userData; the built-in demo
 * platform runs in another worker on a free loopback port unless the user chose a real platform.
 */
import { BrowserWindow, app, dialog, protocol, shell } from 'electron';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pickLanguage, resources, type Lang } from '../../shared/i18n/index';
import { startCoreWorker } from '../core/worker-client';
import type { CoreHandle } from '../core/core-handle';
import { lockDataFolder, type DataFolderLock } from '../host/data-folder-lock';
import { ConnectionManager } from '../host/connections';
import { builtInDemoOnDemand, type BuiltInDemo } from '../host/built-in-demo';
import { APP_HOST, APP_SCHEME, SECURITY_HEADERS } from '../host/security';
import { mimeOf, resolveInside } from '../host/static';
import { safeConnectionStorage } from './connection';
import { watchBalanceAlerts } from './balance-alerts';
import { installGuards } from './guards';
import { registerIpc, sendCommand } from './ipc';
import { log, startMainLog } from './log';
import { buildMenu, menuText } from './menu';
import { registerSaveFile } from './save-file';
import { builtPaths, createMainWindow } from './window';

// Tests (and a second profile) may point a development build at another data folder; a packaged
// app always uses its own.
if (!app.isPackaged && process.env.PARTNER_DESK_USER_DATA) {
  app.setPath('userData', process.env.PARTNER_DESK_USER_DATA);
}

const mainDir = dirname(fileURLToPath(import.meta.url));
/** Running electron/main/index.ts itself (Vitest), not the bundle in out/main. */
const fromSource = import.meta.url.endsWith('.ts');
const paths = builtPaths(mainDir, fromSource);
const devUrl =
  !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;

// app://partner-desk/ serves the built renderer: a real origin, so CSP 'self' means the app.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

let core: CoreHandle | null = null;
let demo: BuiltInDemo | null = null;
let window: BrowserWindow | null = null;
let unregisterIpc: (() => void) | null = null;
let unregisterSaveFile: (() => void) | null = null;
let stopAlerts: (() => void) | null = null;
let language: Lang = 'ru';

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (req) => {
    const url = new URL(req.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const wanted = url.pathname === '/' || !extname(url.pathname) ? '/index.html' : url.pathname;
    const file = resolveInside(paths.renderer, wanted);
    if (!file || !existsSync(file)) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file), {
      headers: { ...SECURITY_HEADERS, 'Content-Type': mimeOf(file) },
    });
  });
}

function showWindow(): void {
  if (window && !window.isDestroyed()) {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return;
  }
  window = createMainWindow({
    preload: paths.preload,
    userData: app.getPath('userData'),
    devUrl,
    title: menuText(language, 'menu:app'),
  });
  window.on('closed', () => {
    window = null;
  });
}

async function currentLanguage(c: CoreHandle): Promise<Lang> {
  try {
    const s = (await c.call('settings.get', {})) as { language: Lang | null };
    return pickLanguage(s.language, app.getPreferredSystemLanguages());
  } catch {
    return pickLanguage(null, app.getPreferredSystemLanguages());
  }
}

const logs = startMainLog(app.getPath('userData'), app.isPackaged);

function rebuildMenu(): void {
  buildMenu(language, {
    syncNow: () =>
      void core?.call('sync.now', {}).catch((err: unknown) => log.warn('sync from the menu failed:', err)),
    openLogs: () => void shell.openPath(logs),
    openPalette: () => {
      showWindow();
      sendCommand('openPalette', devUrl);
    },
  });
}

let dataLock: DataFolderLock | null = null;

async function startup(): Promise<void> {
  installGuards(devUrl);
  serveRenderer();
  const userData = app.getPath('userData');
  // One process per data folder: browser mode on the same folder makes this start refuse.
  dataLock = lockDataFolder(userData, 'desktop app');

  const builtInDemo = builtInDemoOnDemand({
    dataDir: userData,
    packaged: app.isPackaged,
    ...(fromSource ? {} : { workerFile: join(mainDir, 'demo-worker.js') }),
  });
  demo = builtInDemo;
  const connections = new ConnectionManager({
    storage: safeConnectionStorage(userData),
    ensureDemo: () => builtInDemo.connection(),
  });
  const connection = await connections.initial();

  core = await startCoreWorker({
    dataDir: userData,
    mode: 'desktop',
    version: app.getVersion(),
    connection,
    ...(fromSource ? {} : { entry: join(mainDir, 'core-worker.js') }),
  });
  const c = core;
  unregisterIpc = registerIpc(c, connections, devUrl);
  unregisterSaveFile = registerSaveFile(() => language, devUrl);

  language = await currentLanguage(c);
  rebuildMenu();
  // The menu follows the language chosen in the app (settings.update emits data.changed settings).
  c.onEvent((e) => {
    if (e.event !== 'data.changed' || !(e.payload as { tables: string[] }).tables.includes('settings'))
      return;
    void currentLanguage(c).then((next) => {
      if (next === language) return;
      language = next;
      rebuildMenu();
      if (window && !window.isDestroyed()) window.setTitle(menuText(language, 'menu:app'));
    });
  });
  stopAlerts = watchBalanceAlerts(c, () => language, showWindow);
  showWindow();
}

let shuttingDown = false;
async function shutdown(): Promise<void> {
  stopAlerts?.();
  unregisterIpc?.();
  unregisterSaveFile?.();
  await core?.close().catch((err: unknown) => log.error('core close failed:', err));
  await demo?.stop().catch((err: unknown) => log.error('demo platform stop failed:', err));
  core = null;
  demo = null;
  dataLock?.release();
  dataLock = null;
}

// Windows shows notifications only for an app with this id (the installer's appId).
if (process.platform === 'win32') app.setAppUserModelId('ru.partnerdesk.app');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.on('activate', () => {
    if (core) showWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (shuttingDown) return;
    event.preventDefault();
    shuttingDown = true;
    void shutdown().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(startup)
    .catch((err: unknown) => {
      const lang = pickLanguage(null, app.getPreferredSystemLanguages());
      // A known failure (e.g. newer_database) is told in the user's language from shared/i18n errors.
      const code = (err as { code?: unknown } | null)?.code;
      const known =
        typeof code === 'string' ? (resources[lang].errors as Record<string, unknown>)[code] : undefined;
      const params = (err as { params?: Record<string, string | number> } | null)?.params ?? {};
      const message =
        typeof known === 'string'
          ? known.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''))
          : err instanceof Error
            ? err.message
            : String(err);
      log.error('startup failed:', err);
      dialog.showErrorBox(
        menuText(lang, 'menu:startupFailedTitle'),
        menuText(lang, 'menu:startupFailed', { message }),
      );
      shuttingDown = true;
      void shutdown().finally(() => app.exit(1));
    });
}
