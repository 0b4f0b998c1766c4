/**
 * A batch's results export holds exactly the rows the results filter shows: a block over three
 * clients, one of them already gone from the platform (one failure, two done); with the filter on
 * Failed the CSV has only the failed client, on Done only the two done, on All all three. Both
 * languages (headers, state words).
 */
import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { setLang } from '../support/e2e';
import { parseCsv } from '../support/csv';
import { expect, test } from '../support/fixtures';

test.use({ harnessOptions: { clients: 60, seed: 19, synced: true } });

const T = {
  en: { active: 'Active', header: 'Client id', failed: 'Failed', ok: 'Done', sep: ',' as const },
  ru: { active: 'Активен', header: 'Идентификатор клиента', failed: 'Ошибка', ok: 'Выполнено', sep: ';' as const },
};

async function exportCsv(page: Page, sep: ',' | ';'): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('results-dialog').getByTestId('export-csv').click()]);
  return parseCsv(readFileSync((await download.path())!), sep);
}

for (const lang of ['en', 'ru'] as const) {
  test(`the results export follows the results filter chips (${lang})`, async ({ page, harness: h, api }) => {
    const L = T[lang];
    await page.goto(h.appUrl);
    await setLang(page, lang);
    await page.getByTestId('nav-clients').click();
    const chip = page.getByTestId('filter-status-active');
    await chip.click();
    await expect(chip).toHaveAttribute('aria-pressed', 'true');
    const rows = page.getByTestId('client-row');
    await expect(page.getByTestId('status-badge').filter({ hasNotText: L.active })).toHaveCount(0);
    const ids = await Promise.all([0, 1, 2].map(async (i) => (await rows.nth(i).getAttribute('data-id'))!));
    // One of them is deleted on the platform behind the app's back: blocking it fails.
    await api.deleteClient(ids[1]!);
    for (const i of [0, 1, 2]) await rows.nth(i).locator('input[type="checkbox"]').click();
    await page.getByTestId('bulk-block').click();
    await page.getByTestId('confirm-dialog').getByTestId('confirm-action').click();
    const card = page.getByTestId('batch-card').first();
    await expect(card).toHaveAttribute('data-finished', 'true', { timeout: 30_000 });
    await card.getByTestId('batch-results').click();
    const dialog = page.getByTestId('results-dialog');
    await expect(dialog.getByTestId('results-table').locator('tbody tr')).toHaveCount(3);

    await dialog.getByTestId('results-filter-failed').click();
    await expect(dialog.getByTestId('results-table').locator('tbody tr')).toHaveCount(1);
    const failed = await exportCsv(page, L.sep);
    expect(failed[0]![0]).toBe(L.header);
    expect(failed.slice(1).map((r) => r[0])).toEqual([ids[1]]);
    expect(failed[1]![4]).toBe(L.failed);

    await dialog.getByTestId('results-filter-ok').click();
    await expect(dialog.getByTestId('results-table').locator('tbody tr')).toHaveCount(2);
    const done = await exportCsv(page, L.sep);
    expect(done.slice(1).map((r) => r[0]).sort()).toEqual([ids[0], ids[2]].sort());
    expect(done.slice(1).map((r) => r[4])).toEqual([L.ok, L.ok]);

    await dialog.getByTestId('results-filter-all').click();
    const all = await exportCsv(page, L.sep);
    expect(all.slice(1).map((r) => r[0]).sort()).toEqual([...ids].sort());
  });
}
