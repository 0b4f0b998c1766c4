/**
 * Accessibility: axe-core on every screen in both languages — Home (the start screen), the client
 * list, the client page (Detail and Expenses tabs), Invitations, Audit log, Alerts, Deals, Report,
 * Help, the partner application, Settings — and on the open dialogs (Add client, a confirmation, a
 * batch's results). No serious or critical violation, with the experimental
 * label-content-name-mismatch rule on as well. One page load per language; screens by address.
 */
import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { setLang } from '../support/e2e';
import { expect, test } from '../support/fixtures';

test.use({ harnessOptions: { clients: 40, seed: 29, synced: true } });

async function violations(page: Page, include?: string): Promise<string[]> {
  await expect(page.locator('.state-loading')).toHaveCount(0);
  let b = new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } });
  if (include) b = b.include(include);
  const r = await b.analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);

for (const lang of ['en', 'ru'] as const) {
  test(`no serious or critical axe violation on any screen or dialog (${lang})`, async ({ page, harness: h }) => {
    // Sixteen axe runs on one page: more than the default minute under load.
    test.setTimeout(240_000);
    await page.goto(h.appUrl);
    await setLang(page, lang);
    const found: string[] = [];
    const check = async (screen: string, open: () => Promise<unknown>, include?: string) => {
      await test.step(`${screen} (${lang})`, async () => {
        await open();
        for (const v of await violations(page, include)) found.push(`${screen}: ${v}`);
      });
    };
    await check('home', async () => {
      await go(page, '#/home');
      await expect(page.getByTestId('home-start-clients')).toBeVisible();
    });
    await check('clients', async () => {
      await go(page, '#/clients');
      await expect(page.getByTestId('client-row').first()).toBeVisible();
    });
    const id = (await page.getByTestId('client-row').first().getAttribute('data-id'))!;
    await check('client detail', async () => {
      await go(page, `#/client/${id}`);
      await page.getByTestId('tab-detail').click();
      await expect(page.getByTestId('client-page')).toBeVisible();
    });
    await check('client expenses', async () => {
      await page.getByTestId('tab-expenses').click();
      await expect(page.getByTestId('tab-expenses')).toHaveAttribute('aria-selected', 'true');
    });
    for (const screen of ['invitations', 'audit', 'alerts', 'deals', 'report', 'help', 'apply', 'settings']) {
      await check(screen, async () => {
        await go(page, `#/${screen}`);
        await expect(page.locator('h1:visible').first()).toBeVisible();
      });
    }
    // Dialogs, each on its own (the page behind is covered).
    await go(page, '#/clients');
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    await check('add client dialog', () => page.getByTestId('add-client').click(), '[data-testid="add-client-dialog"]');
    await page.keyboard.press('Escape');
    const row = page.getByTestId('client-row').first();
    await check(
      'confirm dialog',
      async () => {
        await row.getByTestId('row-menu').click();
        await page.getByRole('menu').getByTestId('row-action-delete').click();
        await expect(page.getByTestId('confirm-dialog')).toBeVisible();
      },
      '[data-testid="confirm-dialog"]',
    );
    await page.getByTestId('confirm-dialog').getByTestId('confirm-action').click();
    const card = page.getByTestId('batch-card').first();
    await expect(card).toHaveAttribute('data-finished', 'true', { timeout: 30_000 });
    await check(
      'results dialog',
      async () => {
        await card.getByTestId('batch-results').click();
        await expect(page.getByTestId('results-table')).toBeVisible();
      },
      '[data-testid="results-dialog"]',
    );
    expect(found).toEqual([]);
  });
}
