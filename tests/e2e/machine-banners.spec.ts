/**
 * The machine's faults as the user meets them in Chromium, created for real through browser
 * mode's start options: a cache file that is not SQLite at all (moved aside and rebuilt: the
 * banner says so and what was kept, in both languages), a computer clock a day ahead of the
 * platform's (the clock banner), and the local data export and import in Settings: a file
 * exported from one data folder brings the audit log and alert rules back in a fresh one.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createCore } from '../../electron/core/create-core';
import { start as startDemoPlatform } from '../../electron/demo-platform/index';
import { startWebServer } from '../../electron/web/server';
import { resources } from '../../shared/i18n';
import type { LocalDataFile } from '../../shared/contract/rpc/local';
import { harnessRpc, setLang } from '../support/e2e';
import { startWebHarness } from '../support/web';

const rendererDir = join(import.meta.dirname, '..', '..', 'out', 'renderer');

test('a cache file that is not SQLite: rebuilt, and the banner says so in both languages', async ({ page }) => {
  const seed = mkdtempSync(join(tmpdir(), 'pd-e2e-damaged-'));
  mkdirSync(join(seed, 'app'));
  writeFileSync(join(seed, 'app', 'cache.sqlite'), 'this is not a database '.repeat(500));
  const h = await startWebHarness({ clients: 30, seed: 2, appData: join(seed, 'app') });
  try {
    await page.goto(h.appUrl);
    const banner = page.getByTestId('banner-cache-rebuilt');
    for (const lang of ['en', 'ru'] as const) {
      await setLang(page, lang);
      await expect(banner).toContainText(resources[lang].reliability.rebuilt.title);
      await expect(banner).toContainText(resources[lang].reliability.rebuilt.keptNothing);
    }
    // Moved aside, not deleted; and the rebuilt cache fills from the platform.
    expect(readdirSync(join(h.dataDir, 'app', 'damaged')).some((f) => f.startsWith('cache.sqlite.'))).toBe(true);
    await page.getByTestId('nav-clients').click();
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    await page.getByTestId('banner-cache-rebuilt-ok').click();
    await expect(banner).toHaveCount(0);
  } finally {
    await h.stop();
    rmSync(seed, { recursive: true, force: true });
  }
});

test('a computer clock a day ahead of the platform: the clock banner, in both languages', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'pd-e2e-clock-'));
  const platform = await startDemoPlatform({ port: 0, dataDir: join(dir, 'platform'), clients: 20, seed: 3 });
  const server = await startWebServer({
    port: 0,
    dataDir: join(dir, 'app'),
    rendererDir,
    connection: { kind: 'demo', url: platform.url, token: platform.token },
    version: 'e2e',
    // The core in this process, on a computer whose clock is a day ahead.
    startCore: (o) => createCore({ ...o, localClock: () => Date.now() + 86_400_000 }),
  });
  try {
    await page.goto(`${server.url}/?token=${server.token}`);
    const banner = page.getByTestId('banner-clock');
    await setLang(page, 'en');
    await expect(banner).toContainText("Your computer's clock is");
    await expect(banner).toContainText('ahead');
    await setLang(page, 'ru');
    await expect(banner).toContainText('Часы компьютера спешат');
  } finally {
    await server.close();
    await platform.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export my local data, import it in a fresh data folder: the audit log and the rules come back', async ({ page }) => {
  const a = await startWebHarness({ clients: 20, seed: 4 });
  let file: string;
  const work = mkdtempSync(join(tmpdir(), 'pd-e2e-transfer-'));
  try {
    // This computer's own data: an audit entry and an alert rule.
    const mine: LocalDataFile = {
      format: 'partner-desk-local-data', version: 1, exportedAt: '2026-11-01T10:00:00.000Z', appVersion: 'e2e',
      preferences: [], batches: [], outbox: [], dealFeedback: [], savedViews: [], inviteOutbox: [],
      auditLog: [{ id: 1, at: 1_760_000_000_000, user: 'manager', action: 'block', batch_id: null, client_ids: '["cl000001"]', client_count: 1, result: null, detail: 'moved-with-me', search_text: 'moved-with-me' }],
      alertRules: [{ scope: 'all', threshold_minor: 500_00, negative: 1, freeze_days: 7 }],
    };
    await harnessRpc(a, 'localData.import', { text: JSON.stringify(mine) });
    await page.goto(a.appUrl);
    await setLang(page, 'en');
    await page.getByTestId('nav-settings').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('local-export').click();
    file = join(work, (await download).suggestedFilename());
    await (await download).saveAs(file);
  } finally {
    await a.stop();
  }
  const exported = JSON.parse(readFileSync(file, 'utf8')) as LocalDataFile;
  expect(exported.auditLog.map((e) => e.detail)).toEqual(['moved-with-me']);

  const b = await startWebHarness({ clients: 20, seed: 4 });
  try {
    expect(existsSync(join(b.dataDir, 'app'))).toBe(true);
    await page.goto(b.appUrl);
    await setLang(page, 'ru');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('local-import-file').setInputFiles(file);
    // The file's one audit entry comes back (the language switches made on either side are not entries).
    await expect(page.getByTestId('local-import-done')).toContainText('1 запись журнала');
    await expect(page.getByTestId('local-import-done')).toContainText('1 правило оповещений');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-search').fill('moved-with-me');
    await expect(page.getByTestId('audit-table').locator('tr[data-action="block"]')).toHaveCount(1);
    const back = await harnessRpc<{ base64: string }>(b, 'localData.export', {});
    const again = JSON.parse(Buffer.from(back.base64, 'base64').toString('utf8')) as LocalDataFile;
    expect(again.alertRules).toEqual(exported.alertRules);
  } finally {
    await b.stop();
    rmSync(work, { recursive: true, force: true });
  }
});
