/**
 * The desktop app itself, through Playwright's Electron driver: it starts on the built-in demo
 * platform, shows the client list, and its window has the security settings DESIGN.md states.
 * Skips where the Electron binary is not installed (as on the Linux build machines).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { installedElectron, projectRoot } from '../../support/electron';

const binary = installedElectron();
const built = existsSync(join(projectRoot, 'out', 'main', 'index.js'));

test.describe('desktop app (Electron)', () => {
  test.skip(
    !binary,
    'Electron binary not installed: run `npx install-electron` (or `npm start` once) where it can be downloaded',
  );
  test.skip(!built, 'The app is not built: run `npx electron-vite build` first');

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'pd-electron-'));
    app = await electron.launch({
      executablePath: binary!,
      args: [projectRoot],
      cwd: projectRoot,
      env: { ...process.env, PARTNER_DESK_USER_DATA: userData, LANG: 'en_US.UTF-8' } as Record<
        string,
        string
      >,
    });
    page = await app.firstWindow();
  });
  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('shows the client list from the built-in demo platform', async () => {
    await expect(page.getByText(/250\s+(clients|клиент)/)).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: 'tests/artifacts/electron-clients.png' });
  });

  test('the window is isolated, sandboxed and without Node', async () => {
    const prefs = await app.evaluate(() => {
      const p =
        (globalThis as { __partnerDeskWebPreferences?: Record<string, unknown> })
          .__partnerDeskWebPreferences ?? {};
      return {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        webSecurity: p.webSecurity,
      };
    });
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    const exposed = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as { partnerDesk: object }).partnerDesk).sort(),
      ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    // contextBridge only works with context isolation; the page sees the three members and nothing else.
    expect(exposed).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['call', 'onEvent', 'platform'],
      ipc: 'undefined',
    });
  });

  test('serves the app with a strict CSP and refuses new windows and navigation', async () => {
    const csp = await page.evaluate(async () =>
      (await fetch('/index.html')).headers.get('content-security-policy'),
    );
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await expect.poll(() => page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });
});
