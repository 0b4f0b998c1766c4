/**
 * The real desktop start-up (electron/main/index.ts) end to end on the Electron test double: the
 * core worker and the built-in demo platform start, the window loads the app from app://, the
 * menu follows the user's language, a second instance focuses the first, a failed start-up shows
 * the translated error box, and quitting closes the core and the platform.
 */
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resources } from '../../../shared/i18n/index';
import { BUILT_RENDERER, startDesktop, type DesktopRun } from '../../support/desktop-double';

vi.mock('electron', async () => (await import('../../support/electron-double')).electronModule);

const runs: DesktopRun[] = [];
async function start(...args: Parameters<typeof startDesktop>): Promise<DesktopRun> {
  const run = await startDesktop(...args);
  runs.push(run);
  return run;
}
afterEach(async () => {
  for (const run of runs.splice(0)) {
    if (!run.double.app.quitted && run.double.app.exitCode === null) await run.quit();
    rmSync(run.double.root, { recursive: true, force: true });
  }
  vi.unstubAllEnvs();
});

describe('desktop start-up on the Electron double', () => {
  it('starts the core and the demo platform, loads app:// and quits cleanly', async () => {
    const run = await start({ systemLanguages: ['en-US'] });
    const { double, window } = run;
    expect(window).not.toBeNull();
    expect(double.app.calls).toContain('requestSingleInstanceLock');
    expect(double.protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(window!.webContents.loaded).toEqual(['app://partner-desk/index.html']);
    expect(window!.isVisible()).toBe(true);

    // The page app://partner-desk/ is the built renderer, byte for byte, with its assets.
    const index = await double.protocol.request('app://partner-desk/');
    const html = await index.text();
    expect(html).toBe(readFileSync(join(BUILT_RENDERER, 'index.html'), 'utf8'));
    const script = /src="\.?(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const js = await double.protocol.request(`app://partner-desk${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect((await double.protocol.request('app://elsewhere/index.html')).status).toBe(404);

    // The core answers over IPC and is connected to the running demo platform.
    const settings = (await run.rpc('settings.get', {})) as {
      connection: { kind: string; url: string | null };
    };
    expect(settings.connection.kind).toBe('demo');
    const status = (await run.rpc('sync.status', {})) as Record<string, unknown>;
    expect(status).toBeTypeOf('object');
    const demoUrl = settings.connection.url!;
    expect((await fetch(demoUrl)).status).toBeLessThan(500);

    // The core emits events to the window (sync progress, data changes).
    await vi.waitFor(() => expect(window!.webContents.sent.length).toBeGreaterThan(0), {
      timeout: 60_000,
      interval: 50,
    });

    const dataDir = double.app.getPath('userData');
    expect(existsSync(join(dataDir, 'cache.sqlite'))).toBe(true);
    await run.quit();
    expect(double.app.quitted).toBe(true);
    // The core closed its database (SQLite removes the WAL file on the last close)…
    expect(existsSync(join(dataDir, 'cache.sqlite-wal'))).toBe(false);
    // …and the demo platform no longer listens; IPC is gone.
    await expect(fetch(demoUrl)).rejects.toThrow();
    expect(double.ipcMain.channels()).not.toContain('partner-desk:rpc');
  }, 120_000);

  it("builds the menu in the user's language and rebuilds it when the language changes", async () => {
    const run = await start({ systemLanguages: ['ru-RU'] });
    const { double } = run;
    const ru = resources.ru.menu;
    const en = resources.en.menu;
    expect(double.applicationMenu!.labels()).toContain(ru.file);
    expect(double.applicationMenu!.find(ru.help)).toBeDefined();
    const rebuilt = once(double.events, 'menu');
    await run.rpc('settings.update', { language: 'en' });
    await rebuilt;
    expect(double.applicationMenu!.labels()).toContain(en.file);
    expect(double.applicationMenu!.labels()).not.toContain(ru.file);
    expect(run.window!.getTitle()).toBe(en.app);
  }, 120_000);

  it('a second instance focuses the first', async () => {
    const run = await start();
    const win = run.window!;
    win.minimize();
    expect(win.isFocused()).toBe(false);
    run.double.app.emitSecondInstance();
    expect(win.isMinimized()).toBe(false);
    expect(win.isFocused()).toBe(true);
    expect(run.double.openWindows()).toHaveLength(1);
  }, 120_000);

  it('a second copy without the single-instance lock quits without starting anything', async () => {
    const second = await start({ primaryInstance: false });
    expect(second.window).toBeNull();
    expect(second.double.app.quitted).toBe(true);
    expect(second.double.windows).toHaveLength(0);
    expect(existsSync(join(second.double.app.getPath('userData'), 'cache.sqlite'))).toBe(false);
  }, 120_000);

  it('a packaged app has no DevTools, ignores the development switches and the demo controls are off', async () => {
    const elsewhere = join((await import('node:os')).tmpdir(), `pd-not-used-${process.pid}`);
    const devRun = await start({ isPackaged: false }, { PARTNER_DESK_USER_DATA: elsewhere });
    expect(devRun.double.app.getPath('userData')).toBe(elsewhere);
    const devDemo = ((await devRun.rpc('settings.get', {})) as { connection: { url: string } }).connection
      .url;
    const devControls = await fetch(`${devDemo}/__demo/faults`);
    expect(await devControls.text()).not.toMatch(/No such endpoint/);
    await devRun.quit();
    rmSync(elsewhere, { recursive: true, force: true });

    const run = await start(
      { isPackaged: true },
      { PARTNER_DESK_USER_DATA: elsewhere, PARTNER_DESK_DEVTOOLS: '1' },
    );
    expect(run.double.app.getPath('userData')).not.toBe(elsewhere);
    expect(existsSync(elsewhere)).toBe(false);
    expect(run.window!.options.webPreferences?.devTools).toBe(false);
    expect(run.window!.webContents.isDevToolsOpened()).toBe(false);
    const labels = run.double.applicationMenu!.walk().map((i) => i.label);
    expect(labels).not.toContain(resources.en.menu.devTools);
    const demoUrl = ((await run.rpc('settings.get', {})) as { connection: { url: string } }).connection.url;
    const controls = await fetch(`${demoUrl}/__demo/faults`);
    expect(controls.status).toBe(404);
    expect(await controls.text()).toMatch(/No such endpoint/);
  }, 180_000);

  it('a failed start-up shows the translated error box and exits', async () => {
    const root = join((await import('node:os')).tmpdir(), `pd-startup-fail-${process.pid}`);
    const userData = join(root, 'appData', 'Partner Desk');
    mkdirSync(userData, { recursive: true });
    // A data folder written by a newer version: the core refuses it.
    const db = new Database(join(userData, 'cache.sqlite'));
    db.pragma('user_version = 9999');
    db.close();
    const run = await start({ root, systemLanguages: ['ru-RU'] });
    expect(run.window).toBeNull();
    expect(run.double.app.exitCode).toBe(1);
    expect(run.double.dialog.errorBoxes).toEqual([
      {
        title: resources.ru.menu.startupFailedTitle,
        content: resources.ru.menu.startupFailed.replace('{{message}}', resources.ru.errors.newer_database),
      },
    ]);
    // The failure is in the logs of both sides, in userData/logs.
    const logs = join(userData, 'logs');
    expect(readFileSync(join(logs, 'main.log'), 'utf8')).toMatch(/startup failed: .*newer version/);
    expect(readFileSync(join(logs, 'core.log'), 'utf8')).toMatch(
      /core worker: start failed: .*newer version/,
    );
  }, 120_000);
});
