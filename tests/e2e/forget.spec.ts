/**
 * "Forget this partner" in Settings, in both languages: the dialog says what goes (the audit log
 * too), the button stays off until the shown word is typed, then the token, the whole cache, the
 * audit log and the daily copies are gone — checked on disk (connection.json, backups/, the
 * cache file's bytes) and through the app — and the app starts again, not connected.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { harnessRpc, setLang } from '../support/e2e';
import { resources } from '../../shared/i18n';
import type { LocalDataFile } from '../../shared/contract/rpc/local';

test.use({ harnessOptions: { clients: 40, seed: 9, synced: true } });

const T = { en: resources.en.reliability.forget, ru: resources.ru.reliability.forget };

/** Every file of the cache (the database and its WAL) as one buffer. */
function cacheBytes(appDir: string): Buffer {
  return Buffer.concat(
    readdirSync(appDir)
      .filter((f) => f.startsWith('cache.sqlite'))
      .map((f) => readFileSync(join(appDir, f))),
  );
}

for (const lang of ['en', 'ru'] as const) {
  test(`forget this partner: typed confirmation, everything removed, a fresh start (${lang})`, async ({ page, harness: h }) => {
    const appDir = join(h.dataDir, 'app');
    // What the app holds: clients, an audit entry and an alert rule of its own, a daily copy.
    const { rows } = await harnessRpc<{ rows: { email: string }[] }>(h, 'clients.list', { limit: 5 });
    expect(rows.length).toBeGreaterThan(0);
    const email = rows[0]!.email;
    const mine = {
      format: 'partner-desk-local-data', version: 1, exportedAt: '2026-11-01T10:00:00.000Z', appVersion: 'e2e',
      preferences: [], batches: [], outbox: [], dealFeedback: [], savedViews: [], inviteOutbox: [],
      auditLog: [{ id: 1, at: 1_760_000_000_000, user: 'manager', action: 'block', batch_id: null, client_ids: '["x-forget-me"]', client_count: 1, result: null, detail: 'x-forget-me', search_text: 'x-forget-me' }],
      alertRules: [{ scope: 'all', threshold_minor: 100_00, negative: 1, freeze_days: null }],
    } satisfies LocalDataFile;
    await harnessRpc(h, 'localData.import', { text: JSON.stringify(mine) });
    expect(existsSync(join(appDir, 'connection.json'))).toBe(true);
    expect(existsSync(join(appDir, 'backups'))).toBe(true);
    expect(cacheBytes(appDir).includes(email)).toBe(true);

    await page.goto(h.appUrl);
    await setLang(page, lang);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('forget-open').click();
    const dialog = page.getByTestId('forget-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading')).toHaveText(T[lang].title);
    await expect(dialog.getByTestId('forget-consequences')).toContainText(T[lang].audit);
    await expect(dialog.getByTestId('forget-consequences')).toContainText(T[lang].token);
    const confirm = dialog.getByTestId('forget-confirm');
    await expect(confirm).toBeDisabled();
    await dialog.getByTestId('forget-type').fill(lang === 'en' ? 'forgot' : 'забыт');
    await expect(confirm).toBeDisabled();
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: T[lang].cancel }).click();
    await expect(dialog).toHaveCount(0);
    expect((await harnessRpc<{ total: number }>(h, 'clients.count', {})).total).toBeGreaterThan(0);

    await page.getByTestId('forget-open').click();
    await page.getByTestId('forget-type').fill(T[lang].word.toUpperCase());
    await expect(page.getByTestId('forget-confirm')).toBeEnabled();
    await page.getByTestId('forget-confirm').click();

    // The app starts again: not connected, on its start screen, in the same language.
    await expect(page.getByTestId('banner-not-configured')).toBeVisible();
    await expect(page).not.toHaveURL(/#\/settings/);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);

    // Gone: the token, the cache's rows (and their bytes), the audit log, rules, the daily copies.
    expect(existsSync(join(appDir, 'connection.json'))).toBe(false);
    expect(existsSync(join(appDir, 'backups'))).toBe(false);
    expect((await harnessRpc<{ total: number }>(h, 'clients.count', {})).total).toBe(0);
    const settings = await harnessRpc<{ connection: { hasToken: boolean } }>(h, 'settings.get', {});
    expect(settings.connection.hasToken).toBe(false);
    const exported = await harnessRpc<{ base64: string }>(h, 'localData.export', {});
    const file = JSON.parse(Buffer.from(exported.base64, 'base64').toString('utf8')) as LocalDataFile;
    expect(file.auditLog).toEqual([]);
    expect(file.alertRules).toEqual([]);
    expect(file.outbox).toEqual([]);
    expect(file.preferences.map((p) => p.key)).toEqual(['settings.language']);
    const bytes = cacheBytes(appDir);
    expect(bytes.includes(email)).toBe(false);
    expect(bytes.includes('x-forget-me')).toBe(false);
  });
}

test('forget is refused without the confirmation, and changes nothing', async ({ harness: h }) => {
  for (const input of [{}, { confirmed: false }, { confirmed: 'true' }, { confirmed: true, extra: 1 }]) {
    await expect(harnessRpc(h, 'localData.forget', input)).rejects.toThrow(/invalid_input/);
  }
  expect((await harnessRpc<{ connection: { hasToken: boolean } }>(h, 'settings.get', {})).connection.hasToken).toBe(true);
  expect((await harnessRpc<{ total: number }>(h, 'clients.count', {})).total).toBeGreaterThan(0);
  expect(existsSync(join(h.dataDir, 'app', 'connection.json'))).toBe(true);
});
