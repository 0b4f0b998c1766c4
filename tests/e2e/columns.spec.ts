/**
 * The list's columns end to end, in browser mode, in both languages: at 1280×800 every default
 * column fits without sideways scrolling and the row menu covers nothing; hide a column from the
 * Columns menu, move one with its keyboard buttons and another by dragging its header, resize one
 * with the arrow keys on its separator and another by dragging the separator; all of it is the
 * same after a reload (the core keeps it). Screenshots go to tests/artifacts/screens/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { harnessRpc, setLang } from '../support/e2e';
import { expect, test } from '../support/fixtures';
import type { ColumnsState } from '../../shared/contract/rpc/views';

const SCREENS = join(import.meta.dirname, '..', 'artifacts', 'screens');

test.use({ harnessOptions: { clients: 200, seed: 31, synced: true }, viewport: { width: 1280, height: 800 } });
test.beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

/** The ids of the header cells, in screen order. */
const headerIds = (page: Page) =>
  page.locator('.grid-head [data-testid^="col-"]').evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').slice(4)));
const width = async (page: Page, id: string) => Math.round((await page.getByTestId(`col-${id}`).boundingBox())?.width ?? 0);

for (const lang of ['en', 'ru'] as const) {
  test(`at 1280 px the list fits and the row menu covers no date (${lang})`, async ({ page, harness: h }) => {
    await page.goto(`${h.startUrl}#/clients`);
    await setLang(page, lang);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    const fit = await page.locator('.table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    const row = page.getByTestId('client-row').first();
    const last = await row.locator('[role="cell"]').nth(-2).boundingBox();
    const menu = await row.locator('.cell-actions').boundingBox();
    expect(last && menu && last.x + last.width <= menu.x + 0.5).toBe(true);
    await page.screenshot({ path: join(SCREENS, `columns-${lang}.png`) });
  });
}

test('hide, move (keys and drag), resize (keys and drag); remembered after a reload', async ({ page, harness: h }) => {
  await page.goto(`${h.startUrl}#/clients`);
  await setLang(page, 'en');
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  expect(await headerIds(page)).toEqual(['name', 'email', 'phone', 'status', 'paymentModel', 'payment', 'bonus', 'projectsCount', 'invitedAt', 'registeredAt']);

  // Hide the phone and show the ID, from the Columns menu.
  await page.getByTestId('columns-menu').click();
  await page.getByTestId('column-show-phone').uncheck();
  await page.getByTestId('column-show-externalId').check();
  // Move the status left twice with the keyboard (the menu's buttons): past the (hidden) phone and the ID.
  await page.getByTestId('column-left-status').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect.poll(() => headerIds(page)).toEqual(['name', 'email', 'status', 'externalId', 'paymentModel', 'payment', 'bonus', 'projectsCount', 'invitedAt', 'registeredAt']);
  await expect(page.getByTestId('client-row').first().locator('[role="cell"]')).toHaveCount(12);

  // Drag the "Registered" header onto the left half of "Name": it goes first.
  const name = await page.getByTestId('col-name').boundingBox();
  await page.getByTestId('sort-registeredAt').dragTo(page.getByTestId('col-name'), { targetPosition: { x: 4, y: (name?.height ?? 20) / 2 } });
  await expect.poll(() => headerIds(page)).toEqual(['registeredAt', 'name', 'email', 'status', 'externalId', 'paymentModel', 'payment', 'bonus', 'projectsCount', 'invitedAt']);

  // Resize the payment column with the keyboard: three steps right, one big step (Shift) left.
  const w0 = await width(page, 'payment');
  await page.getByTestId('resize-payment').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => width(page, 'payment')).toBe(w0 + 24);
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => width(page, 'payment')).toBe(w0 - 16);
  await expect(page.getByTestId('resize-payment')).toHaveAttribute('aria-valuenow', String(w0 - 16));

  // Resize the status column by dragging its separator 30 px to the right.
  const s0 = await width(page, 'status');
  const grip = await page.getByTestId('resize-status').boundingBox();
  if (!grip) throw new Error('no separator');
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2 + 15, grip.y + grip.height / 2, { steps: 3 });
  await page.mouse.move(grip.x + grip.width / 2 + 30, grip.y + grip.height / 2, { steps: 3 });
  await page.mouse.up();
  await expect.poll(() => width(page, 'status')).toBe(s0 + 30);

  // The core has it, and a reload shows the same columns.
  await expect
    .poll(async () => (await harnessRpc<{ columns: ColumnsState }>(h, 'views.columns', {})).columns.widths)
    .toEqual({ payment: w0 - 16, status: s0 + 30 });
  await page.reload();
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  await expect.poll(() => headerIds(page)).toEqual(['registeredAt', 'name', 'email', 'status', 'externalId', 'paymentModel', 'payment', 'bonus', 'projectsCount', 'invitedAt']);
  expect(await width(page, 'payment')).toBe(w0 - 16);
  expect(await width(page, 'status')).toBe(s0 + 30);

  // In Russian too; "Reset columns" brings the defaults back.
  await setLang(page, 'ru');
  await expect(page.getByTestId('sort-registeredAt')).toHaveText(/Регистрация/);
  await page.getByTestId('columns-menu').click();
  await page.getByTestId('columns-reset').click();
  await page.keyboard.press('Escape');
  await expect.poll(() => headerIds(page)).toEqual(['name', 'email', 'phone', 'status', 'paymentModel', 'payment', 'bonus', 'projectsCount', 'invitedAt', 'registeredAt']);
});
