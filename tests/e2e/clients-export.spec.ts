/**
 * The client list's export from the screen, in browser mode, in both languages: with a status
 * filter, a sort by balance (descending) and the phone column hidden, "Export → CSV" and
 * "Export → Excel" download files whose rows are the screen's (the core's list with the same
 * filter and sort), in its order, with the columns shown and the headers in the language.
 */
import { readFileSync } from 'node:fs';
import { harnessRpc, setLang } from '../support/e2e';
import { expect, test } from '../support/fixtures';
import { parseCsv } from '../support/csv';
import { readSheet } from '../support/xlsx';
import type { ClientRow } from '../../shared/contract/rpc/clients';
import { resources } from '../../shared/i18n/index';

test.use({ harnessOptions: { clients: 220, seed: 41, synced: true }, viewport: { width: 1280, height: 800 } });

for (const lang of ['en', 'ru'] as const) {
  test(`export CSV and XLSX as on screen: filter, sort, a hidden column (${lang})`, async ({ page, harness: h }) => {
    const c = resources[lang].clients;
    await page.goto(`${h.startUrl}#/clients`);
    await setLang(page, lang);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    await page.getByTestId('filter-status-active').click();
    await page.getByTestId('sort-payment').click();
    await page.getByTestId('sort-payment').click();
    await expect(page.locator('[data-testid="col-payment"]')).toHaveAttribute('aria-sort', 'descending');
    await page.getByTestId('columns-menu').click();
    await page.getByTestId('column-show-phone').uncheck();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('col-phone')).toHaveCount(0);

    const expected = (
      await harnessRpc<{ rows: ClientRow[] }>(h, 'clients.list', { statuses: ['active'], sort: { column: 'payment', dir: 'desc' }, limit: 500 })
    ).rows;
    expect(expected.length).toBeGreaterThan(10);
    const header = ['name', 'email', 'status', 'paymentModel', 'payment', 'bonus', 'projectsCount', 'invitedAt', 'registeredAt'].map((k) => c.column[k as keyof typeof c.column]);

    const download = async (item: 'csv' | 'xlsx') => {
      await page.getByTestId('clients-export').click();
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`clients-export-${item}`).click()]);
      return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
    };

    const csv = await download('csv');
    expect(csv.name).toMatch(/\.csv$/);
    const rows = parseCsv(csv.bytes, lang === 'ru' ? ';' : ',');
    expect(rows[0]).toEqual(header);
    expect(rows.slice(1).map((r) => r[1])).toEqual(expected.map((r) => r.email));
    expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set([c.status.active]));

    const xlsx = await download('xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const sheet = readSheet(xlsx.bytes);
    expect(Object.values(sheet[0]!).map((x) => x.v)).toEqual(header);
    expect(sheet.slice(1).map((r) => r.B?.v)).toEqual(expected.map((r) => r.email));
    expect(sheet.slice(1).map((r) => Number(r.E?.v))).toEqual(expected.map((r) => r.payment / 100));
  });
}
