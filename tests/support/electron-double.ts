/**
 * A faithful test double of the `electron` module for the main process under Vitest (no Electron
 * binary runs here). It models only what the app uses, as Electron documents it, typed from the
 * `electron` package's own declarations (each fake `implements Pick<Electron.X, …>`), so a
 * signature change there breaks this build. It records what the app did (window options, handlers,
 * menus, dialogs, notifications) and lets tests fire what users and pages do.
 *
 * Use: `vi.mock('electron', () => electronModule)` in the test file, then `installElectronDouble()`
 * before importing the code under test. `electron-log/main` (CommonJS) gets the same double through
 * Node's require cache.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeApp, type AppOptions } from './electron-double/app';
import { FakeIpcMain, FakeProtocol } from './electron-double/ipc-protocol';
import { FakeSession } from './electron-double/session';
import {
  FakeDialog,
  FakeMenu,
  FakeMenuItem,
  FakeNotification,
  FakeSafeStorage,
  FakeScreen,
  FakeShell,
  type NotificationLog,
} from './electron-double/ui';
import { FakeBrowserWindow, FakeWebContents, type WindowContext } from './electron-double/windows';
import { electronEvent } from './electron-double/events';

export { FakeBrowserWindow, FakeWebContents, FakeMenu, FakeMenuItem, FakeNotification };

export interface DoubleOptions extends Partial<AppOptions> {
  encryptionAvailable?: boolean;
  notificationsSupported?: boolean;
}

export class ElectronDouble {
  readonly root: string;
  readonly app: FakeApp;
  readonly session: FakeSession;
  readonly ipcMain = new FakeIpcMain();
  readonly protocol: FakeProtocol;
  readonly dialog = new FakeDialog();
  readonly shell = new FakeShell();
  readonly safeStorage: FakeSafeStorage;
  readonly screen = new FakeScreen();
  readonly notifications: NotificationLog;
  /** Every window ever created, in order (closed ones stay, `isDestroyed()` tells). */
  readonly windows: FakeBrowserWindow[] = [];
  applicationMenu: FakeMenu | null = null;
  /** Every menu set with Menu.setApplicationMenu, in order (a rebuild adds one). */
  readonly menus: FakeMenu[] = [];
  /** Test-side notices: 'menu' (an application menu was set), 'notification' (one was shown). */
  readonly events = new EventEmitter();
  /** The module object the code under test imports as `electron`. */
  readonly module: ReturnType<typeof buildModule>;

  constructor(opts: DoubleOptions = {}) {
    this.root = opts.root ?? mkdtempSync(join(tmpdir(), 'pd-electron-double-'));
    const open = () => this.windows.filter((w) => !w.isDestroyed());
    this.app = new FakeApp(
      {
        root: this.root,
        isPackaged: opts.isPackaged ?? false,
        version: opts.version ?? '0.1.0',
        systemLanguages: opts.systemLanguages ?? ['en-US'],
        primaryInstance: opts.primaryInstance ?? true,
      },
      { openWindows: open },
    );
    this.session = new FakeSession();
    this.protocol = new FakeProtocol(() => this.app.isReady());
    this.safeStorage = new FakeSafeStorage(opts.encryptionAvailable ?? true);
    this.notifications = {
      supported: opts.notificationsSupported ?? true,
      shown: [],
      onShow: (n) => this.events.emit('notification', n),
    };
    this.module = buildModule(this);
  }

  /** The open windows. */
  openWindows(): FakeBrowserWindow[] {
    return this.windows.filter((w) => !w.isDestroyed());
  }
}

/** The `electron` module of one double. */
function buildModule(double: ElectronDouble) {
  const ctx: WindowContext = {
    created: (contents) => double.app.emit('web-contents-created', electronEvent(), contents),
    openChildWindow: (options, url) => void new BrowserWindow(options).loadURL(url),
    register: (win) => {
      double.windows.push(win);
      double.app.emit('browser-window-created', electronEvent(), win);
    },
    unregister: () => {
      // Electron emits window-all-closed when the last window closes, except while quitting.
      if (double.openWindows().length === 0 && !double.app.quitting) double.app.emit('window-all-closed');
    },
  };
  class BrowserWindow extends FakeBrowserWindow {
    constructor(options?: Electron.BrowserWindowConstructorOptions) {
      super(ctx, options);
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return double.openWindows();
    }
    static getFocusedWindow(): FakeBrowserWindow | null {
      return double.openWindows().find((w) => w.isFocused()) ?? null;
    }
    static fromWebContents(wc: FakeWebContents): FakeBrowserWindow | null {
      return double.openWindows().find((w) => w.webContents === wc) ?? null;
    }
  }
  class Menu extends FakeMenu {
    static setApplicationMenu(menu: FakeMenu | null): void {
      double.applicationMenu = menu;
      if (menu) double.menus.push(menu);
      double.events.emit('menu', menu);
    }
    static getApplicationMenu(): FakeMenu | null {
      return double.applicationMenu;
    }
  }
  class Notification extends FakeNotification {
    constructor(options?: Electron.NotificationConstructorOptions) {
      super(double.notifications, options);
    }
    static isSupported(): boolean {
      return double.notifications.supported;
    }
  }
  return {
    app: double.app,
    BrowserWindow,
    Menu,
    MenuItem: FakeMenuItem,
    Notification,
    dialog: double.dialog,
    ipcMain: double.ipcMain,
    protocol: double.protocol,
    safeStorage: double.safeStorage,
    screen: double.screen,
    session: { defaultSession: double.session },
    shell: double.shell,
  };
}

// ---- which double the module `electron` is right now ------------------------------------------

const slot = globalThis as { __electronDouble?: ElectronDouble };

/** Makes a fresh double the one `electron` resolves to (for ESM imports and CommonJS requires). */
export function installElectronDouble(opts: DoubleOptions = {}): ElectronDouble {
  slot.__electronDouble = new ElectronDouble(opts);
  routeRequireToDouble();
  return slot.__electronDouble;
}

function current(): ElectronDouble {
  const d = slot.__electronDouble;
  if (!d) throw new Error('electron double: call installElectronDouble() before importing the main process');
  return d;
}

type ModuleShape = ElectronDouble['module'];

/** The `electron` module as the code under test sees it: each member is the current double's. */
export const electronModule: ModuleShape = Object.defineProperties(
  {} as ModuleShape,
  Object.fromEntries(
    (
      [
        'app',
        'BrowserWindow',
        'Menu',
        'MenuItem',
        'Notification',
        'dialog',
        'ipcMain',
        'protocol',
        'safeStorage',
        'screen',
        'session',
        'shell',
      ] as const
    ).map((k) => [k, { enumerable: true, get: () => current().module[k] }]),
  ),
);

let routed = false;
/** CommonJS packages (electron-log/main) `require('electron')`: give them the double, not the binary's path. */
function routeRequireToDouble(): void {
  if (routed) return;
  routed = true;
  const require = createRequire(import.meta.url);
  const path = require.resolve('electron');
  require.cache[path] = { id: path, filename: path, loaded: true, exports: electronModule } as NodeJS.Module;
}
