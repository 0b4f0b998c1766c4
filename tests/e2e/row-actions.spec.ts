/**
 * Acting on one client where the console puts it, end to end in browser mode: the row menu at the
 * end of each row (the "⋯" button, right-click, Shift+F10 on a focused row) offers only what
 * applies; a single block / unblock / delete goes through the same confirmation, outbox, results
 * and audit as a bulk one; a queued action says on its row what it waits to do; the client page
 * has the same actions, and the top-up request for any client names the amount and the PID.
 * Screenshots in tests/artifacts/screens/row-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Locator, type Page } from '@playwright/test';
import { setLang } from '../support/e2e';
import { expect, test as base } from '../support/fixtures';
import { PartnerApi } from '../../electron/core/partner-api/client';

const SCREENS = join(import.meta.dirname, '..', 'artifacts', 'screens');
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENS, `row-${name}.png`) });

const test = base.extend<{ api: PartnerApi }>({
  api: async ({ harness }, use) => {
    await use(new PartnerApi({ baseUrl: harness.platform.url, token: harness.platform.token }));
  },
});
test.use({ harnessOptions: { clients: 120, seed: 11, synced: true } });
test.beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

/** Filters the list by a status and waits until only rows of that status are shown. */
async function onlyStatus(page: Page, status: 'active' | 'blocked', label: string) {
  await page.getByTestId(`filter-status-${status}`).click();
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  await expect(page.getByTestId('status-badge').filter({ hasNotText: label })).toHaveCount(0);
}
const rowOf = (page: Page, id: string) => page.locator(`[data-testid="client-row"][data-id="${id}"]`);

/** The menu items shown, by their test ids' action names. */
async function menuItems(menu: Locator): Promise<string[]> {
  const ids = await menu.getByRole('menuitem').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  return ids.map((x) => x.replace('row-action-', ''));
}

const T = {
  en: { blockQ: (n: string) => `Block ${n}?`, blocked: 'Blocked', active: 'Active', blocking: 'Blocking…', topUp: 'Top-up request' },
  ru: { blockQ: (n: string) => `Заблокировать клиента ${n}?`, blocked: 'Заблокирован', active: 'Активен', blocking: 'Блокируется…', topUp: 'Запрос на пополнение' },
};

for (const lang of ['en', 'ru'] as const) {
  test(`the row's "⋯" menu blocks one active client through the confirmation, results and audit (${lang})`, async ({ page, harness: h, api }) => {
    await page.goto(h.appUrl);
    await setLang(page, lang);
    await onlyStatus(page, 'active', T[lang].active);
    const id = (await page.getByTestId('client-row').first().getAttribute('data-id'))!;
    const row = rowOf(page, id);
    const name = (await api.getClient(id)).name ?? (await api.getClient(id)).email;
    await row.getByTestId('row-menu').click();
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    expect(await menuItems(menu)).toEqual(['balance', 'topUp', 'block', 'delete']);
    await shot(page, `menu-${lang}`);
    await menu.getByTestId('row-action-block').click();
    const confirm = page.getByTestId('confirm-dialog');
    await expect(confirm.getByTestId('confirm-question')).toHaveText(T[lang].blockQ(name));
    await expect(confirm.getByTestId('confirm-consequences')).toBeVisible();
    await shot(page, `confirm-${lang}`);
    await confirm.getByTestId('confirm-action').click();
    await expect(page.getByTestId('batch-card').first()).toHaveAttribute('data-finished', 'true', { timeout: 30_000 });
    await expect(rowOf(page, id)).toHaveCount(0); // no longer active
    expect((await api.getClient(id)).status).toBe('blocked');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-search').fill(id);
    await expect(page.getByTestId('audit-table').locator('tr[data-action="block"]')).toHaveCount(1);
  });
}

test('right-click and Shift+F10 open the same menu; a blocked client offers Unblock, not Block', async ({ page, harness: h, api }) => {
  await page.goto(h.appUrl);
  await setLang(page, 'en');
  await onlyStatus(page, 'blocked', T.en.blocked);
  const id = (await page.getByTestId('client-row').first().getAttribute('data-id'))!;
  const row = rowOf(page, id);
  await row.click({ button: 'right' });
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  expect(await menuItems(menu)).toEqual(['balance', 'topUp', 'unblock', 'delete']);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  // The "⋯" button from the keyboard: Enter opens its menu on the first item, Escape gives focus back.
  const button = row.getByTestId('row-menu');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(menu.getByTestId('row-action-balance')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  // From the keyboard: the focused row, Shift+F10, arrows, Enter.
  await row.focus();
  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await expect(menu.getByTestId('row-action-balance')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByTestId('row-action-unblock')).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm.getByTestId('confirm-consequences')).toHaveText('Unblocked clients can sign in to the console again.');
  await expect(confirm.getByTestId('confirm-action')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('batch-card').first()).toHaveAttribute('data-finished', 'true', { timeout: 30_000 });
  expect((await api.getClient(id)).status).toBe('active');
  // The menu item Balance opens the client page.
  await page.getByTestId('client-row').first().getByTestId('row-menu').click();
  await page.getByRole('menu').getByTestId('row-action-balance').click();
  await expect(page.getByTestId('client-page')).toBeVisible();
});

test('a queued action says on its row what it waits to do (offline), in both languages', async ({ page, harness: h, controls }) => {
  await page.goto(h.appUrl);
  await setLang(page, 'en');
  await onlyStatus(page, 'active', T.en.active);
  const id = (await page.getByTestId('client-row').first().getAttribute('data-id'))!;
  const row = rowOf(page, id);
  await controls.setFaults({ reset_rate: 1 });
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-running', 'false', { timeout: 30_000 });
  await row.getByTestId('row-menu').click();
  await page.getByRole('menu').getByTestId('row-action-block').click();
  await page.getByTestId('confirm-dialog').getByTestId('confirm-action').click();
  const same = rowOf(page, id);
  await expect(same.getByTestId('pending-text')).toHaveText(T.en.blocking);
  // Nothing else applies while it waits: the menu offers no second action.
  await same.getByTestId('row-menu').click();
  expect(await menuItems(page.getByRole('menu'))).toEqual(['balance', 'topUp']);
  await page.keyboard.press('Escape');
  await shot(page, 'queued-en');
  await setLang(page, 'ru');
  await expect(same.getByTestId('pending-text')).toHaveText(T.ru.blocking);
  await shot(page, 'queued-ru');
  await controls.clearFaults();
});

for (const lang of ['en', 'ru'] as const) {
  test(`the client page has the same actions and a top-up request for any client (${lang})`, async ({ page, harness: h, api }) => {
    await page.goto(h.appUrl);
    await setLang(page, lang);
    await page.getByTestId('filter-status-active').click();
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    // A client with a positive balance and a project: the top-up is not only for debts.
    const rows = await api.listClients({ limit: 200 });
    const c = rows.items.find((x) => x.status === 'active' && x.projects_count > 0 && x.balance.payment.amount_minor > 0)!;
    await page.evaluate((cid) => (location.hash = `#/client/${cid}`), c.id);
    await expect(page.getByTestId('client-page')).toBeVisible();
    const bar = page.getByTestId('client-actions');
    await expect(bar.getByRole('button')).toHaveCount(3);
    await expect(bar.getByTestId('client-action-unblock')).toHaveCount(0);
    await bar.getByTestId('client-action-topUp').click();
    const dialog = page.getByTestId('topup-dialog');
    await expect(dialog).toContainText(T[lang].topUp);
    const projects = (await api.projects(c.id)).map((p) => p.pid);
    const pid = projects[projects.length - 1]!;
    await dialog.getByTestId('topup-pid').selectOption(pid);
    await dialog.getByTestId('topup-amount').fill(lang === 'ru' ? '12 345,50' : '12345.50');
    const text = await dialog.getByTestId('topup-text').inputValue();
    expect(text).toContain(pid);
    expect(text.replace(/\s/g, ' ')).toContain(lang === 'ru' ? '12 345,50' : '12,345.50');
    await expect(dialog.getByTestId('topup-mail')).toHaveAttribute('href', /^mailto:\?subject=/);
    await shot(page, `topup-${lang}`);
    await page.keyboard.press('Escape');
    // Block from the page: the same confirmation naming the client.
    await bar.getByTestId('client-action-block').click();
    await expect(page.getByTestId('confirm-dialog').getByTestId('confirm-question')).toHaveText(T[lang].blockQ(c.name ?? c.email));
    await page.getByTestId('confirm-dialog').getByTestId('confirm-action').click();
    await expect(bar.getByTestId('client-action-unblock')).toBeVisible({ timeout: 30_000 });
    expect((await api.getClient(c.id)).status).toBe('blocked');
    await shot(page, `client-page-${lang}`);
  });
}
