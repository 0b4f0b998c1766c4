/**
 * renderer/bridge.ts in a real browser (Debian Chromium) against browser mode's real server:
 * the token moves from the address bar to sessionStorage, calls and events work, errors arrive
 * as AppError, and when the server goes away the bridge reports `connectivity: offline`.
 * Skips where Chromium is not installed (CI installs it).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../electron/web/server';

const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const root = resolve(import.meta.dirname, '..', '..', '..');

declare global {
  interface Window {
    __pd: {
      call(method: string, input: unknown): Promise<unknown>;
      events: { event: string; payload: Record<string, unknown> }[];
      mode: string;
    };
  }
}

describe.skipIf(!chromiumPath)('renderer bridge in browser mode', () => {
  let dir: string;
  let server: WebServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pd-bridge-'));
    const src = join(dir, 'src');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(src);
    writeFileSync(
      join(src, 'index.html'),
      '<!doctype html><title>bridge</title><script type="module" src="./main.ts"></script>',
    );
    writeFileSync(
      join(src, 'main.ts'),
      `import { call, onEvent, bridgeMode } from ${JSON.stringify(join(root, 'renderer', 'bridge.ts'))};
       const events = [];
       onEvent((e) => events.push(e));
       window.__pd = { call: (m, i) => call(m, i).catch((e) => ({ rejected: true, name: e.name, code: e.code, fields: e.fields })), events, mode: bridgeMode };`,
    );
    await build({
      root: src,
      logLevel: 'silent',
      configFile: false,
      build: { outDir: join(dir, 'out'), emptyOutDir: true },
    });
    server = await startWebServer({
      port: 0,
      dataDir: join(dir, 'data'),
      rendererDir: join(dir, 'out'),
      connection: null,
      autoSync: false,
    });
    browser = await chromium.launch({
      executablePath: chromiumPath!,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes the token out of the address bar and keeps it for the tab', async () => {
    await page.goto(`${server.url}/?token=${server.token}`);
    await page.waitForFunction(() => window.__pd !== undefined);
    expect(page.url()).toBe(`${server.url}/`);
    expect(await page.evaluate(() => sessionStorage.getItem('partnerDesk.token'))).toBe(server.token);
    expect(await page.evaluate(() => window.__pd.mode)).toBe('browser');
  });

  it('calls the core and rethrows its errors as AppError', async () => {
    const info = await page.evaluate(() => window.__pd.call('app.info', {}));
    expect(info).toMatchObject({ mode: 'browser' });
    const bad = await page.evaluate(() => window.__pd.call('settings.update', { syncIntervalMin: 0 }));
    expect(bad).toMatchObject({ rejected: true, name: 'AppError', code: 'invalid_input' });
  });

  it('delivers core events over SSE', async () => {
    await page.waitForFunction(() => window.__pd.events !== undefined);
    await page.evaluate(() => window.__pd.call('settings.update', { syncIntervalMin: 7 }));
    await page.waitForFunction(() =>
      window.__pd.events.some(
        (e) => e.event === 'data.changed' && (e.payload.tables as string[]).includes('settings'),
      ),
    );
  });

  it('still works after a reload without the token in the address', async () => {
    await page.reload();
    await page.waitForFunction(() => window.__pd !== undefined);
    expect(await page.evaluate(() => window.__pd.call('settings.get', {}))).toMatchObject({
      syncIntervalMin: 7,
    });
  });

  it('reports offline when the browser-mode server is gone', async () => {
    await server.close();
    await page.waitForFunction(() =>
      window.__pd.events.some((e) => e.event === 'connectivity' && e.payload.state === 'offline'),
    );
    expect(await page.evaluate(() => window.__pd.call('app.info', {}))).toMatchObject({
      rejected: true,
      code: 'offline',
    });
  });
});
