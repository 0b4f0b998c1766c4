/** The main window: isolated, sandboxed, no Node; its size and position remembered. */
import { BrowserWindow, app } from 'electron';
import { join } from 'node:path';
import { loadWindowState, saveWindowState, type WindowState } from './window-state';
import { APP_ORIGIN } from '../host/security';

export interface MainWindowOptions {
  preload: string;
  userData: string;
  /** electron-vite's dev server, when running `electron-vite dev`. */
  devUrl: string | null;
  title: string;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(opts.userData);
  const webPreferences = {
    preload: opts.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !app.isPackaged || process.env.PARTNER_DESK_DEVTOOLS === '1',
  } as const;
  // Read by the Electron e2e suite (Electron no longer reports a window's preferences).
  (globalThis as { __partnerDeskWebPreferences?: object }).__partnerDeskWebPreferences = webPreferences;
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: opts.title,
    backgroundColor: '#ffffff',
    webPreferences,
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let timer: ReturnType<typeof setTimeout> | null = null;
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const maximized = win.isMaximized() || win.isFullScreen();
    const b = maximized ? win.getNormalBounds() : win.getBounds();
    const next: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized };
    saveWindowState(opts.userData, next);
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(remember, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    if (timer) clearTimeout(timer);
    remember();
  });

  void win.loadURL(opts.devUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}

/** Where the built preload and renderer are, next to out/main. */
export function builtPaths(mainDir: string): { preload: string; renderer: string } {
  return { preload: join(mainDir, '..', 'preload', 'index.cjs'), renderer: join(mainDir, '..', 'renderer') };
}
