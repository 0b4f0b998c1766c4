/**
 * The DesktopProbe (tests/support/desktop-security.ts) on the real Electron binary, through
 * Playwright's Electron driver. Acts happen for real where Chromium can do them without a person:
 * the page navigates and calls window.open, the app's origin is fetched from the page, a download
 * starts with webContents.downloadURL, hidden windows at other origins (served by a test-only https
 * handler) carry the app's preload and ask for permissions or call IPC. The app's handlers decide;
 * a listener added after them reads the verdict (`defaultPrevented`). Redirects, sub-frame
 * navigations and webview attachment cannot be produced offline, so those events are emitted on the
 * real webContents, as the double does. shell.openExternal is replaced by a recorder first.
 */
import type { ElectronApplication, Page } from '@playwright/test';
import type { DesktopProbe } from './desktop-security';

export async function electronProbe(app: ElectronApplication, page: Page): Promise<DesktopProbe> {
  // No real browser is opened by the tests; other origins are answered by a tiny page.
  await app.evaluate(({ shell, session }) => {
    const g = globalThis as { __opened?: string[] };
    g.__opened = [];
    shell.openExternal = async (url: string) => {
      g.__opened!.push(url);
    };
    session.defaultSession.protocol.handle(
      'https',
      () => new Response('<!doctype html><p>other origin</p>', { headers: { 'content-type': 'text/html' } }),
    );
  });

  /** Runs `code` in a hidden window at `url` that has the app's preload; resolves with its result. */
  const inForeignWindow = (url: string, code: string) =>
    app.evaluate(
      async ({ BrowserWindow }, [u, c]) => {
        const main = BrowserWindow.getAllWindows()[0]!;
        const prefs = (
          main.webContents as unknown as { getLastWebPreferences(): { preload?: string } }
        ).getLastWebPreferences();
        const w = new BrowserWindow({
          show: false,
          webPreferences: { preload: prefs.preload!, sandbox: true, contextIsolation: true },
        });
        try {
          await w.loadURL(u).catch(() => undefined);
          return (await w.webContents.executeJavaScript(c, true)) as unknown;
        } finally {
          w.destroy();
        }
      },
      [url, code] as const,
    );

  const emitOnMain = (event: 'will-redirect' | 'will-frame-navigate' | 'will-attach-webview', url: string) =>
    app.evaluate(
      ({ BrowserWindow }, [ev, u]) => {
        const wc = BrowserWindow.getAllWindows()[0]!.webContents;
        let prevented = false;
        const e = {
          url: u,
          isSameDocument: false,
          isMainFrame: ev !== 'will-frame-navigate',
          frame: null,
          preventDefault: () => {
            prevented = true;
          },
          get defaultPrevented() {
            return prevented;
          },
        };
        if (ev === 'will-attach-webview') wc.emit(ev, e, { nodeIntegration: false }, { src: u });
        else if (ev === 'will-redirect') wc.emit(ev, e, u, false, true, 0, 0);
        else wc.emit(ev, e);
        return !prevented;
      },
      [event, url] as const,
    );

  return {
    webPreferences: () =>
      app.evaluate(({ BrowserWindow }) => {
        const wc = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
          getLastWebPreferences(): Record<string, unknown>;
        };
        return { ...wc.getLastWebPreferences() };
      }),
    navigate: (url) =>
      app.evaluate(
        ({ BrowserWindow }, u) =>
          new Promise<boolean>((resolve) => {
            const wc = BrowserWindow.getAllWindows()[0]!.webContents;
            wc.once('will-navigate', (e) => setImmediate(() => resolve(!e.defaultPrevented)));
            void wc.executeJavaScript(`location.href = ${JSON.stringify(u)}`);
          }),
        url,
      ),
    navigateSubFrame: (url) => emitOnMain('will-frame-navigate', url),
    redirect: (url) => emitOnMain('will-redirect', url),
    openWindow: async (url) => {
      const before = app.windows().length;
      const opened = await page.evaluate((u) => window.open(u) !== null, url);
      return opened || app.windows().length > before ? 'allow' : 'deny';
    },
    attachWebview: () => emitOnMain('will-attach-webview', 'https://example.com/'),
    takeOpenedExternally: () =>
      app.evaluate(() => (globalThis as { __opened?: string[] }).__opened!.splice(0)),
    requestPermission: async (permission, pageUrl) => {
      const code: Record<string, string> = {
        notifications: 'Notification.requestPermission().then((p) => p === "granted")',
        media: 'navigator.mediaDevices.getUserMedia({ audio: true }).then(() => true, () => false)',
        geolocation:
          'new Promise((r) => navigator.geolocation.getCurrentPosition(() => r(true), () => r(false)))',
        'clipboard-read': 'navigator.clipboard.readText().then(() => true, () => false)',
        openExternal: 'Promise.resolve(false)',
        fullscreen: 'document.documentElement.requestFullscreen().then(() => true, () => false)',
      };
      const js = code[permission]!;
      if (pageUrl.startsWith('app://partner-desk/'))
        return page.evaluate((c) => (0, eval)(c) as Promise<boolean>, js);
      return Boolean(await inForeignWindow(pageUrl, js));
    },
    // Device choosers and screen capture need a user gesture in Chromium; the page-level call is refused here.
    deviceAllowed: () =>
      page.evaluate(() =>
        'hid' in navigator
          ? (navigator as unknown as { hid: { getDevices(): Promise<unknown[]> } }).hid
              .getDevices()
              .then((d) => d.length > 0)
          : false,
      ),
    displayMediaGranted: () =>
      page.evaluate(() =>
        navigator.mediaDevices.getDisplayMedia({ video: true }).then(
          () => true,
          () => false,
        ),
      ),
    downloadProceeds: () =>
      app.evaluate(
        ({ BrowserWindow, session }) =>
          new Promise<boolean>((resolve) => {
            session.defaultSession.once('will-download', (e) =>
              setImmediate(() => resolve(!e.defaultPrevented)),
            );
            BrowserWindow.getAllWindows()[0]!.webContents.downloadURL('app://partner-desk/index.html');
          }),
      ),
    rpcFrom: async (frameUrl, method, input) => {
      const js = `window.partnerDesk.call(${JSON.stringify(method)}, ${JSON.stringify(input)})`;
      if (frameUrl.startsWith('app://partner-desk/'))
        return page.evaluate((c) => (0, eval)(c) as Promise<never>, js);
      return (await inForeignWindow(frameUrl, js)) as never;
    },
    appFetch: (path) =>
      page.evaluate(async (p) => {
        const r = await fetch(`app://partner-desk${p}`);
        const headers: Record<string, string> = {};
        r.headers.forEach((v, k) => {
          headers[k.toLowerCase()] = v;
        });
        return { status: r.status, headers, body: await r.text() };
      }, path),
  };
}
