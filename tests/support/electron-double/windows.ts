/**
 * The double's BrowserWindow and webContents. A window keeps its constructor options as passed;
 * its webContents keeps the listeners and the window-open handler the app installs, and tests
 * fire what the page would do (navigate, redirect, window.open, attach a webview) to see what
 * the app's handlers decide. `loadURL` does not fire will-navigate (as in Electron).
 */
import { EventEmitter } from 'node:events';
import { electronEvent, ipcClone } from './events';

/** A frame as the main process sees it (`WebFrameMain`): its URL and origin. */
export class FakeFrame implements Pick<Electron.WebFrameMain, 'url' | 'origin' | 'name' | 'isDestroyed'> {
  name = '';
  constructor(public url: string) {}
  get origin(): string {
    try {
      const u = new URL(this.url);
      return u.origin === 'null' ? `${u.protocol}//${u.host}` : u.origin;
    } catch {
      return 'null';
    }
  }
  isDestroyed(): boolean {
    return false;
  }
  /** The double's frames stand in where Electron passes a WebFrameMain; only url/origin are read. */
  asWebFrameMain(): Electron.WebFrameMain {
    return this as unknown as Electron.WebFrameMain;
  }
}

export interface WebContentsContext {
  /** Electron emits app 'web-contents-created' for every new web contents. */
  created(contents: FakeWebContents): void;
  /** A window-open that the handler allowed creates a new window. */
  openChildWindow(options: Electron.BrowserWindowConstructorOptions | undefined, url: string): void;
}

type OpenHandler = Parameters<Electron.WebContents['setWindowOpenHandler']>[0];

let nextId = 1;

export class FakeWebContents
  extends EventEmitter
  implements
    Pick<
      Electron.WebContents,
      | 'id'
      | 'getURL'
      | 'loadURL'
      | 'send'
      | 'isDestroyed'
      | 'setWindowOpenHandler'
      | 'openDevTools'
      | 'closeDevTools'
      | 'isDevToolsOpened'
      | 'reload'
    >
{
  readonly id = nextId++;
  readonly mainFrame: FakeFrame;
  /** Messages sent to the page with `send`, as the page would receive them (structured clones). */
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  /** URLs given to `loadURL`, in order. */
  readonly loaded: string[] = [];
  private openHandler: OpenHandler | null = null;
  private destroyed = false;
  private devToolsOpen = false;

  constructor(private readonly ctx: WebContentsContext) {
    super();
    this.mainFrame = new FakeFrame('');
    ctx.created(this);
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  loadURL(url: string, _options?: Electron.LoadURLOptions): Promise<void> {
    this.loaded.push(url);
    this.mainFrame.url = url;
    return Promise.resolve().then(() => {
      if (this.destroyed) return;
      this.emit('did-finish-load');
    });
  }

  reload(): void {
    this.emit('did-finish-load');
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args: args.map((a) => ipcClone(a)) });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }

  openDevTools(_options?: Electron.OpenDevToolsOptions): void {
    this.devToolsOpen = true;
    this.emit('devtools-opened');
  }

  closeDevTools(): void {
    this.devToolsOpen = false;
  }

  isDevToolsOpened(): boolean {
    return this.devToolsOpen;
  }

  // ---- test controls: what the page does -------------------------------------------------

  /**
   * The page (link, form, `location.href =`) navigates the main frame: will-frame-navigate then
   * will-navigate, each may preventDefault. Returns whether the navigation went through.
   */
  pageNavigates(url: string): boolean {
    const params = { url, isSameDocument: false, isMainFrame: true, frame: this.mainFrame.asWebFrameMain() };
    const frameEvent = electronEvent<Electron.WebContentsWillFrameNavigateEventParams>(params);
    this.emit('will-frame-navigate', frameEvent);
    if (frameEvent.defaultPrevented) return false;
    const nav = electronEvent<Electron.WebContentsWillNavigateEventParams>(params);
    this.emit('will-navigate', nav, url, false, true, 1, 1);
    if (nav.defaultPrevented) return false;
    this.mainFrame.url = url;
    return true;
  }

  /** A sub-frame (an iframe) navigates: only will-frame-navigate fires. */
  subFrameNavigates(url: string): boolean {
    const frame = new FakeFrame(url).asWebFrameMain();
    const e = electronEvent<Electron.WebContentsWillFrameNavigateEventParams>({
      url,
      isSameDocument: false,
      isMainFrame: false,
      frame,
    });
    this.emit('will-frame-navigate', e);
    return !e.defaultPrevented;
  }

  /** A server answers a navigation with a redirect to `url`. Returns whether it was followed. */
  serverRedirects(url: string): boolean {
    const e = electronEvent<Electron.WebContentsWillRedirectEventParams>({
      url,
      isSameDocument: false,
      isMainFrame: true,
      frame: this.mainFrame.asWebFrameMain(),
    });
    this.emit('will-redirect', e, url, false, true, 1, 1);
    return !e.defaultPrevented;
  }

  /** `window.open(url)` or a target=_blank link. Without a handler Electron allows it (a new window). */
  pageOpensWindow(
    url: string,
    disposition: Electron.HandlerDetails['disposition'] = 'foreground-tab',
  ): Electron.WindowOpenHandlerResponse {
    const details: Electron.HandlerDetails = {
      url,
      frameName: '',
      features: '',
      disposition,
      referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' },
    };
    const response: Electron.WindowOpenHandlerResponse = this.openHandler
      ? this.openHandler(details)
      : { action: 'allow' };
    if (response.action === 'allow') this.ctx.openChildWindow(response.overrideBrowserWindowOptions, url);
    return response;
  }

  /** The page adds a <webview>. Returns whether it was attached. */
  pageAttachesWebview(src: string): boolean {
    const e = electronEvent();
    const webPreferences: Electron.WebPreferences = { nodeIntegration: false };
    this.emit('will-attach-webview', e, webPreferences, { src });
    return !e.defaultPrevented;
  }
}

export interface WindowContext extends WebContentsContext {
  register(win: FakeBrowserWindow): void;
  unregister(win: FakeBrowserWindow): void;
}

type Rect = Electron.Rectangle;

/** Bound to one double by a subclass whose constructor takes only the options (as Electron's does). */
export class FakeBrowserWindow
  extends EventEmitter
  implements
    Pick<
      Electron.BrowserWindow,
      | 'id'
      | 'loadURL'
      | 'show'
      | 'hide'
      | 'focus'
      | 'close'
      | 'destroy'
      | 'isDestroyed'
      | 'isVisible'
      | 'isFocused'
      | 'isMinimized'
      | 'minimize'
      | 'restore'
      | 'maximize'
      | 'isMaximized'
      | 'isFullScreen'
      | 'getBounds'
      | 'getNormalBounds'
      | 'setTitle'
      | 'getTitle'
    >
{
  readonly id: number;
  readonly webContents: FakeWebContents;
  /** The constructor options exactly as the app passed them. */
  readonly options: Electron.BrowserWindowConstructorOptions;
  private visible: boolean;
  private focused = false;
  private minimized = false;
  private maximized = false;
  private destroyed = false;
  private title: string;
  private bounds: Rect;

  constructor(
    private readonly ctx: WindowContext,
    options?: Electron.BrowserWindowConstructorOptions,
  ) {
    super();
    this.options = options ?? {};
    this.webContents = new FakeWebContents(ctx);
    this.id = this.webContents.id;
    this.visible = this.options.show !== false;
    this.title = this.options.title ?? 'Partner Desk';
    this.bounds = {
      x: this.options.x ?? 100,
      y: this.options.y ?? 100,
      width: this.options.width ?? 800,
      height: this.options.height ?? 600,
    };
    ctx.register(this);
  }

  loadURL(url: string, options?: Electron.LoadURLOptions): Promise<void> {
    return this.webContents.loadURL(url, options).then(() => {
      if (!this.destroyed) this.emit('ready-to-show');
    });
  }

  show(): void {
    this.visible = true;
    this.minimized = false;
    this.focused = true;
    this.emit('show');
    this.emit('focus');
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }
  focus(): void {
    this.focused = true;
    this.emit('focus');
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  minimize(): void {
    this.minimized = true;
    this.focused = false;
    this.emit('minimize');
  }
  restore(): void {
    this.minimized = false;
    this.emit('restore');
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  maximize(): void {
    this.maximized = true;
    this.emit('maximize');
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isFullScreen(): boolean {
    return false;
  }
  getBounds(): Rect {
    return { ...this.bounds };
  }
  getNormalBounds(): Rect {
    return { ...this.bounds };
  }
  setTitle(title: string): void {
    this.title = title;
  }
  getTitle(): string {
    return this.title;
  }

  /** 'close' (preventable), then 'closed' and the window is gone. */
  close(): void {
    if (this.destroyed) return;
    const e = electronEvent();
    this.emit('close', e);
    if (e.defaultPrevented) return;
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroy();
    this.emit('closed');
    this.ctx.unregister(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}
