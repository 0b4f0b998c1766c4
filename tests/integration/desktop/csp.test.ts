/**
 * One Content-Security-Policy: the desktop app's app:// protocol (the real main process on the
 * Electron double) and browser mode's server (real HTTP) serve the built renderer with the very
 * same policy string, the one of electron/host/security.ts, and the built page carries no meta
 * policy that could differ from it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CSP } from '../../../electron/host/security';
import { startWebServer } from '../../../electron/web/server';
import { BUILT_RENDERER, startDesktop, type DesktopRun } from '../../support/desktop-double';

vi.mock('electron', async () => (await import('../../support/electron-double')).electronModule);

describe('one CSP on app:// and in browser mode', () => {
  let run: DesktopRun | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'pd-csp-'));
  afterAll(async () => {
    await run?.quit();
    rmSync(dir, { recursive: true, force: true });
  });

  it('both serve the identical policy, and the page has no meta policy', async () => {
    run = await startDesktop({ systemLanguages: ['en-US'] });
    const desktop = await run.probe.appFetch('/');
    expect(desktop.status).toBe(200);

    const server = await startWebServer({
      port: 0,
      dataDir: join(dir, 'web'),
      rendererDir: BUILT_RENDERER,
      connection: null,
      autoSync: false,
    });
    let web: Response;
    let html: string;
    try {
      web = await fetch(`${server.url}/`);
      html = await web.text();
    } finally {
      await server.close();
    }
    expect(web.status).toBe(200);
    expect(desktop.headers['content-security-policy']).toBe(CSP);
    expect(web.headers.get('content-security-policy')).toBe(CSP);
    expect(desktop.headers['content-security-policy']).toBe(web.headers.get('content-security-policy'));
    // The same page on both, and neither it nor its source declares a policy of its own.
    expect(desktop.body).toBe(html);
    expect(html).not.toMatch(/http-equiv=["']?content-security-policy/i);
    expect(readFileSync(join(BUILT_RENDERER, 'index.html'), 'utf8')).toBe(html);
    expect(readFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'index.html'), 'utf8')).not.toMatch(
      /content-security-policy/i,
    );
    // Strict: no inline scripts or eval; inline styles only by hash.
    expect(CSP).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes/);
  });
});
