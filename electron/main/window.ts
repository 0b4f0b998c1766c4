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
  // The window's security settings, written here where a reader and Electron's scanner see them
  // (DESIGN.md "Security"; asserted in tests/support/desktop-security.ts).
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: opts.title,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Middle-click would open links in a new window outside setWindowOpenHandler's reach.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      // A packaged app has no DevTools, whatever the environment says.
      devTools: !app.isPackaged,
    },
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

/**
 * Where the built preload and renderer are: next to out/main in the built app; in out/ of the
 * checkout when the main process runs from source (Vitest on the Electron test double).
 */
export function builtPaths(mainDir: string, fromSource: boolean): { preload: string; renderer: string } {
  const out = fromSource ? join(mainDir, '..', '..', 'out') : join(mainDir, '..');
  return { preload: join(out, 'preload', 'index.cjs'), renderer: join(out, 'renderer') };
}
