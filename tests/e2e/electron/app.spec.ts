/**
 * The desktop app itself, through Playwright's Electron driver: it starts on the built-in demo
 * platform, shows the client list, and holds every security statement of
 * tests/support/desktop-security.ts, the same list the main process is held to on the Electron
 * test double in tests/integration/desktop (which runs everywhere, binary or not).
 * Skips where the Electron binary is not installed (as on the Linux build machines).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { SECURITY_STATEMENTS, type DesktopProbe } from '../../support/desktop-security';
import { installedElectron, projectRoot } from '../../support/electron';
import { electronProbe } from '../../support/electron-probe';

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
  let probe: DesktopProbe;
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
    probe = await electronProbe(app, page);
  });
  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('shows the client list from the built-in demo platform', async () => {
    await expect(page.getByText(/250\s+(clients|клиент)/)).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: 'tests/artifacts/electron-clients.png' });
  });

  test('the page sees the bridge and nothing of Node', async () => {
    const exposed = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as { partnerDesk: object }).partnerDesk).sort(),
      ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(exposed).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['call', 'onEvent', 'platform', 'saveFile'],
      ipc: 'undefined',
    });
  });

  for (const s of SECURITY_STATEMENTS) {
    test(`${s.id}: ${s.design}`, () => s.check(probe));
  }
});
