/**
 * The double's `app`: ready and whenReady, the single-instance lock and `second-instance`, paths,
 * `isPackaged`, languages, and quit/exit with Electron's documented order (before-quit, each
 * window's close, will-quit, quit; `window-all-closed` is not emitted when quitting).
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { electronEvent } from './events';

type PathName = Parameters<Electron.App['getPath']>[0];

export interface AppOptions {
  /** Folder under which every app path (userData, logs, downloads, temp…) lives. */
  root: string;
  isPackaged: boolean;
  version: string;
  /** What `getPreferredSystemLanguages()` answers, e.g. ['ru-RU'] or ['en-US']. */
  systemLanguages: string[];
  /** False: another instance holds the lock (this one should quit). */
  primaryInstance: boolean;
}

/** The window side the app needs to close windows on quit. */
export interface WindowRegistry {
  openWindows(): Array<{ close(): void; isDestroyed(): boolean }>;
}

export class FakeApp
  extends EventEmitter
  implements
    Pick<
      Electron.App,
      | 'whenReady'
      | 'isReady'
      | 'requestSingleInstanceLock'
      | 'hasSingleInstanceLock'
      | 'releaseSingleInstanceLock'
      | 'getPath'
      | 'setPath'
      | 'getVersion'
      | 'getName'
      | 'getLocale'
      | 'getPreferredSystemLanguages'
      | 'setAppUserModelId'
      | 'quit'
      | 'exit'
      | 'focus'
      | 'isPackaged'
      | 'name'
    >
{
  readonly isPackaged: boolean;
  name = 'Partner Desk';
  /** What the app did, in order: 'quit', 'exit:1', 'setAppUserModelId:…', 'requestSingleInstanceLock'… */
  readonly calls: string[] = [];
  exitCode: number | null = null;
  /** Resolves with the code given to `exit()`. */
  readonly exited: Promise<number>;
  private resolveExit: (code: number) => void = () => undefined;
  /** True once quitting went through (will-quit not prevented). */
  quitted = false;
  /** True while a quit is under way (windows closing then do not emit window-all-closed). */
  quitting = false;
  private ready = false;
  private readyWaiters: Array<() => void> = [];
  private readonly paths = new Map<PathName, string>();
  private lockHeld = false;

  constructor(
    private readonly opts: AppOptions,
    private readonly windows: WindowRegistry,
  ) {
    super();
    this.exited = new Promise((resolve) => {
      this.resolveExit = resolve;
    });
    this.isPackaged = opts.isPackaged;
    const r = opts.root;
    const defaults: Array<[PathName, string]> = [
      ['home', join(r, 'home')],
      ['appData', join(r, 'appData')],
      ['userData', join(r, 'appData', 'Partner Desk')],
      ['sessionData', join(r, 'appData', 'Partner Desk')],
      ['logs', join(r, 'appData', 'Partner Desk', 'logs')],
      ['temp', join(r, 'temp')],
      ['downloads', join(r, 'home', 'Downloads')],
      ['documents', join(r, 'home', 'Documents')],
      ['desktop', join(r, 'home', 'Desktop')],
      ['exe', join(r, 'exe', 'partner-desk')],
    ];
    for (const [k, v] of defaults) this.paths.set(k, v);
  }

  // ---- lifecycle -------------------------------------------------------------------------

  isReady(): boolean {
    return this.ready;
  }

  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Test control: Electron finished initialising ('ready' then whenReady resolves). */
  emitReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.emit('ready', electronEvent(), {});
    for (const w of this.readyWaiters.splice(0)) w();
  }

  requestSingleInstanceLock(_additionalData?: Record<string, unknown>): boolean {
    this.calls.push('requestSingleInstanceLock');
    this.lockHeld = this.opts.primaryInstance;
    return this.lockHeld;
  }

  hasSingleInstanceLock(): boolean {
    return this.lockHeld;
  }

  releaseSingleInstanceLock(): void {
    this.lockHeld = false;
  }

  /** Test control: another copy of the app was started; Electron tells the primary instance. */
  emitSecondInstance(argv: string[] = ['partner-desk'], workingDirectory = this.opts.root): void {
    this.emit('second-instance', electronEvent(), argv, workingDirectory, {});
  }

  /** Test control: macOS dock icon clicked. */
  emitActivate(hasVisibleWindows = false): void {
    this.emit('activate', electronEvent(), hasVisibleWindows);
  }

  quit(): void {
    this.calls.push('quit');
    const beforeQuit = electronEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    for (const w of this.windows.openWindows()) w.close();
    if (this.windows.openWindows().some((w) => !w.isDestroyed())) {
      this.quitting = false;
      return;
    }
    const willQuit = electronEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.quitted = true;
    this.emit('quit', electronEvent(), 0);
  }

  /** Exits at once: no before-quit, no close events (Electron's documented behaviour). */
  exit(exitCode = 0): void {
    this.calls.push(`exit:${exitCode}`);
    this.exitCode = exitCode;
    this.resolveExit(exitCode);
  }

  focus(_options?: Electron.FocusOptions): void {
    this.calls.push('focus');
  }

  // ---- paths and facts -------------------------------------------------------------------

  getPath(name: PathName): string {
    const p = this.paths.get(name);
    // Electron throws when a path cannot be found.
    if (!p) throw new Error(`Failed to get '${name}' path`);
    return p;
  }

  setPath(name: PathName, path: string): void {
    if (this.ready && name === 'userData') {
      // Allowed by Electron, but the app sets it before ready; record a late change.
      this.calls.push('setPath:userData after ready');
    }
    this.paths.set(name, path);
  }

  getVersion(): string {
    return this.opts.version;
  }

  getName(): string {
    return this.name;
  }

  getLocale(): string {
    return this.opts.systemLanguages[0] ?? 'en-US';
  }

  getPreferredSystemLanguages(): string[] {
    return [...this.opts.systemLanguages];
  }

  setAppUserModelId(id: string): void {
    this.calls.push(`setAppUserModelId:${id}`);
  }
}
