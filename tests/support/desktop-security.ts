/**
 * The desktop security statements of DESIGN.md ("Security, as testable statements") that the app
 * claims, as ONE list asserted by both desktop suites: the main process against the Electron test
 * double (tests/integration/desktop, every run) and the real app through Playwright's Electron
 * driver (tests/e2e/electron, where the binary is installed). Each suite supplies a probe that
 * performs the same acts (the page navigates, opens a window, asks for a permission, a frame of
 * another origin calls IPC, the renderer is fetched from app://); the expectations live here only.
 */
import assert from 'node:assert/strict';
import type { RpcReply } from '../../shared/contract/bridge';
import { CSP } from '../../electron/host/security';

export type Permission =
  'notifications' | 'media' | 'geolocation' | 'clipboard-read' | 'openExternal' | 'fullscreen';

export interface DesktopProbe {
  /** The main window's webPreferences as given to Electron. */
  webPreferences(): Promise<Record<string, unknown>>;
  /** The page navigates its main frame to `url`; true when the navigation went through. */
  navigate(url: string): Promise<boolean>;
  /** A sub-frame navigates to `url`; true when it went through. */
  navigateSubFrame(url: string): Promise<boolean>;
  /** The page's navigation is answered with a redirect to `url`; true when it was followed. */
  redirect(url: string): Promise<boolean>;
  /** `window.open(url)`; 'allow' when a new window was created. */
  openWindow(url: string): Promise<'allow' | 'deny'>;
  /** The page adds a <webview>; true when it was attached. */
  attachWebview(): Promise<boolean>;
  /** URLs handed to the OS (shell.openExternal) since the last call. */
  takeOpenedExternally(): Promise<string[]>;
  /** A page at `pageUrl` requests `permission`; true when granted. */
  requestPermission(permission: Permission, pageUrl: string): Promise<boolean>;
  /** A HID/serial/USB device is requested; true when allowed. */
  deviceAllowed(): Promise<boolean>;
  /** getDisplayMedia(); true when a stream was granted. */
  displayMediaGranted(): Promise<boolean>;
  /** The page starts a download; true when Electron proceeds with it. */
  downloadProceeds(): Promise<boolean>;
  /** A frame at `frameUrl` in the app's window calls the RPC channel. */
  rpcFrom(frameUrl: string, method: string, input: unknown): Promise<RpcReply>;
  /** GET `path` on the app's own origin (app://partner-desk). */
  appFetch(path: string): Promise<{ status: number; headers: Record<string, string>; body: string }>;
}

export interface SecurityStatement {
  /** Stable id, used in test names of both suites. */
  id: string;
  /** The DESIGN.md statement it proves. */
  design: string;
  check(p: DesktopProbe): Promise<void>;
}

export const APP_URL = 'app://partner-desk/index.html';
const FOREIGN = 'https://example.com/';
const ALLOWLISTED = 'https://cloud.vk.com/docs';

export const SECURITY_STATEMENTS: SecurityStatement[] = [
  {
    id: 'window-isolated',
    design:
      'Every BrowserWindow: contextIsolation, sandbox, no nodeIntegration, webSecurity; no webview tag, no insecure content, no Auxclick',
    async check(p) {
      const w = await p.webPreferences();
      assert.equal(w.contextIsolation, true, 'contextIsolation');
      assert.equal(w.sandbox, true, 'sandbox');
      assert.equal(w.nodeIntegration, false, 'nodeIntegration');
      assert.equal(w.nodeIntegrationInWorker, false, 'nodeIntegrationInWorker');
      assert.equal(w.nodeIntegrationInSubFrames, false, 'nodeIntegrationInSubFrames');
      assert.equal(w.webSecurity, true, 'webSecurity');
      assert.equal(w.allowRunningInsecureContent, false, 'allowRunningInsecureContent');
      assert.equal(w.webviewTag, false, 'webviewTag');
      assert.equal(w.disableBlinkFeatures, 'Auxclick', 'disableBlinkFeatures');
      assert.equal(w.experimentalFeatures ?? false, false, 'experimentalFeatures');
      assert.match(String(w.preload), /preload[\\/]index\.cjs$/, 'the CommonJS preload');
    },
  },
  {
    id: 'csp-on-app-scheme',
    design:
      "The app:// origin serves a strict Content-Security-Policy (default-src 'self', no unsafe-eval) and the security headers",
    async check(p) {
      for (const path of ['/', '/index.html']) {
        const r = await p.appFetch(path);
        assert.equal(r.status, 200, `${path} is served`);
        const csp = r.headers['content-security-policy'] ?? '';
        assert.equal(csp, CSP, `${path}: the app's one policy (electron/host/security.ts)`);
        assert.match(csp, /default-src 'self'/, `${path}: default-src 'self'`);
        assert.match(csp, /script-src 'self'(;|$)/, `${path}: scripts only from the app`);
        assert.doesNotMatch(csp, /unsafe-eval/, `${path}: no unsafe-eval`);
        assert.match(csp, /frame-ancestors 'none'/, `${path}: not framed`);
        assert.equal(r.headers['x-content-type-options'], 'nosniff');
      }
    },
  },
  {
    id: 'app-scheme-root',
    design: 'app:// serves only the built renderer: paths outside its folder are refused',
    async check(p) {
      for (const path of [
        '/%2e%2e/%2e%2e/package.json',
        '/..%2fmain%2findex.js',
        '/../main/index.js',
        '/nope.js',
      ]) {
        const r = await p.appFetch(path);
        assert.equal(r.status, 404, `${path} is refused`);
        assert.doesNotMatch(r.body, /"name":\s*"partner-desk"|electron/i, `${path} leaks nothing`);
      }
    },
  },
  {
    id: 'no-navigation',
    design:
      'will-navigate is refused; an allowlisted https: link goes to the system browser, nothing else does',
    async check(p) {
      await p.takeOpenedExternally();
      assert.equal(await p.navigate(FOREIGN), false, 'a foreign page');
      assert.equal(await p.navigate('app://partner-desk/other.html'), false, 'even the app origin');
      assert.equal(await p.navigate('file:///etc/passwd'), false, 'a file');
      assert.equal(await p.navigate(ALLOWLISTED), false, 'an allowlisted link stays out of the window');
      assert.equal(await p.navigateSubFrame(FOREIGN), false, 'a sub-frame');
      assert.deepEqual(
        await p.takeOpenedExternally(),
        [ALLOWLISTED],
        'only the allowlisted link reaches the OS',
      );
    },
  },
  {
    id: 'no-redirect',
    design: 'will-redirect is refused',
    async check(p) {
      assert.equal(await p.redirect(FOREIGN), false);
      assert.equal(await p.redirect('app://partner-desk/index.html'), false);
    },
  },
  {
    id: 'no-new-windows',
    design:
      'setWindowOpenHandler denies; only allowlisted https: links and mailto: links the app composes go to shell.openExternal',
    async check(p) {
      await p.takeOpenedExternally();
      const mail = 'mailto:partner@mcs.mail.ru?subject=Application';
      const topUp = 'mailto:?subject=Top-up&body=Please%20top%20up';
      for (const url of [
        FOREIGN,
        ALLOWLISTED,
        mail,
        topUp,
        'mailto:attacker@example.com?subject=Invoice',
        'mailto:partner@mcs.mail.ru?bcc=attacker@example.com',
        'http://cloud.vk.com/docs',
        'file:///etc/passwd',
        'javascript:alert(1)',
      ]) {
        assert.equal(await p.openWindow(url), 'deny', `${url}: no new window`);
      }
      assert.deepEqual(await p.takeOpenedExternally(), [ALLOWLISTED, mail, topUp]);
    },
  },
  {
    id: 'no-webviews',
    design: 'webviews cannot be attached',
    async check(p) {
      assert.equal(await p.attachWebview(), false);
    },
  },
  {
    id: 'permissions',
    design: "Permission requests are denied except notifications from the app's own page (balance alerts)",
    async check(p) {
      assert.equal(await p.requestPermission('notifications', APP_URL), true, 'notifications from the app');
      assert.equal(
        await p.requestPermission('notifications', FOREIGN),
        false,
        'notifications from elsewhere',
      );
      for (const perm of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'] as const) {
        assert.equal(await p.requestPermission(perm, APP_URL), false, `${perm} from the app`);
      }
      assert.equal(await p.deviceAllowed(), false, 'HID/serial/USB devices');
      assert.equal(await p.displayMediaGranted(), false, 'screen capture');
    },
  },
  {
    id: 'no-downloads',
    design: 'Downloads are refused (files are saved by the main process after the native Save dialog)',
    async check(p) {
      assert.equal(await p.downloadProceeds(), false);
    },
  },
  {
    id: 'ipc-sender-checked',
    design:
      "IPC handlers check the sender frame's URL before they act: a frame from another origin is refused",
    async check(p) {
      const own = await p.rpcFrom(APP_URL, 'settings.get', {});
      assert.equal(own.ok, true, "the app's own frame is served");
      for (const url of [FOREIGN, 'app://partner-desk-evil/index.html', 'data:text/html,x']) {
        const r = await p.rpcFrom(url, 'settings.get', {});
        assert.equal(r.ok, false, `${url} is refused`);
        if (!r.ok) assert.equal(r.error.code, 'forbidden', `${url}: forbidden`);
      }
    },
  },
];
