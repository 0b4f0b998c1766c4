/**
 * Saved views end to end, in browser mode against the demo platform, in both languages: the
 * default tabs with counts equal to the platform's own data; create from the list as it is,
 * rename, reorder by keyboard (Alt+←/→), delete, restore the defaults; counts follow a sync that
 * changed the data (the demo platform's simulated days). Screenshots at 1280×800 in both languages
 * go to tests/artifacts/screens/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { harnessRpc, setLang } from '../support/e2e';
import { expect, test } from '../support/fixtures';
import type { WebHarness } from '../support/web';

const SCREENS = join(import.meta.dirname, '..', 'artifacts', 'screens');

test.use({ harnessOptions: { clients: 300, seed: 23, synced: true }, viewport: { width: 1280, height: 800 } });
test.beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

/** Counts straight from the demo platform's database: in debt, blocked, all. */
function platformCounts(h: WebHarness): { all: number; debt: number; blocked: number } {
  const db = new Database(join(h.dataDir, 'demo-platform', 'demo-platform.sqlite'), { readonly: true });
  try {
    const n = (where: string) => (db.prepare(`SELECT count(*) FROM clients WHERE deleted_at IS NULL AND ${where}`).pluck().get() as number);
    return { all: n('1'), debt: n('payment < 0'), blocked: n("status = 'blocked'") };
  } finally {
    db.close();
  }
}

const tabs = (page: Page) => page.getByTestId('view-tab');
const tabNames = (page: Page) => page.locator('[data-testid="view-tab"] .view-tab-label').allTextContents();
const tabCount = (page: Page, name: string) => tabs(page).filter({ hasText: name }).getByTestId('view-tab-count');

async function openClients(page: Page, h: WebHarness, lang: 'ru' | 'en'): Promise<void> {
  await page.goto(`${h.startUrl}#/clients`);
  await setLang(page, lang);
  await expect(page.getByTestId('clients-table')).toBeVisible();
}

for (const lang of ['en', 'ru'] as const) {
  const L =
    lang === 'en'
      ? { all: 'All clients', debt: 'In debt', runsOut: 'Runs out within 7 days', invited: 'Invited over 7 days ago', blocked: 'Blocked' }
      : { all: 'Все клиенты', debt: 'В долгу', runsOut: 'Кончатся за 7 дней', invited: 'Приглашены > 7 дней', blocked: 'Заблокированы' };

  test(`default views with the platform's counts; create, rename, reorder by keyboard, delete, restore (${lang})`, async ({ page, harness: h }) => {
    await openClients(page, h, lang);
    await expect.poll(() => tabNames(page)).toEqual([L.all, L.debt, L.runsOut, L.invited, L.blocked]);
    const p = platformCounts(h);
    expect(p.debt).toBeGreaterThan(0);
    expect(p.blocked).toBeGreaterThan(0);
    const num = (n: number) => new Intl.NumberFormat(lang).format(n);
    await expect(tabCount(page, L.all)).toHaveText(num(p.all));
    await expect(tabCount(page, L.debt)).toHaveText(num(p.debt));
    await expect(tabCount(page, L.blocked)).toHaveText(num(p.blocked));
    await page.screenshot({ path: join(SCREENS, `views-${lang}.png`) });

    // Opening a tab shows exactly its clients.
    await tabs(page).filter({ hasText: L.blocked }).click();
    await expect(tabs(page).filter({ hasText: L.blocked })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('clients-count')).toContainText(num(p.blocked));

    // Create from the list as it is: blocked clients, sorted by email descending.
    await page.getByTestId('sort-email').click();
    await page.getByTestId('sort-email').click();
    await page.getByTestId('view-create').click();
    await page.getByTestId('view-name-input').fill('   ');
    await page.getByTestId('view-name-save').click();
    await expect(page.getByTestId('view-name-msg')).not.toBeEmpty();
    await page.getByTestId('view-name-input').fill('Mine');
    await page.getByTestId('view-name-save').click();
    await expect.poll(() => tabNames(page)).toEqual([L.all, L.debt, L.runsOut, L.invited, L.blocked, 'Mine']);
    await expect(tabs(page).filter({ hasText: 'Mine' })).toHaveAttribute('aria-selected', 'true');
    await expect(tabCount(page, 'Mine')).toHaveText(num(p.blocked));

    // Rename a default view (F2 on the focused tab): it keeps the user's text in either language.
    await tabs(page).filter({ hasText: L.debt }).focus();
    await page.keyboard.press('F2');
    await page.getByTestId('view-name-input').fill('Debtors');
    await page.keyboard.press('Enter');
    await expect.poll(() => tabNames(page)).toEqual([L.all, 'Debtors', L.runsOut, L.invited, L.blocked, 'Mine']);

    // Reorder by keyboard: Alt+← twice moves "Mine" two places left; focus stays on it.
    await tabs(page).filter({ hasText: 'Mine' }).focus();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => tabNames(page)).toEqual([L.all, 'Debtors', L.runsOut, L.invited, 'Mine', L.blocked]);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => tabNames(page)).toEqual([L.all, 'Debtors', L.runsOut, 'Mine', L.invited, L.blocked]);
    await expect(tabs(page).filter({ hasText: 'Mine' })).toBeFocused();

    // The order is the core's: a reload keeps it, and the other language names the defaults in it.
    await page.reload();
    await expect.poll(() => tabNames(page)).toEqual([L.all, 'Debtors', L.runsOut, 'Mine', L.invited, L.blocked]);
    const other = lang === 'en' ? 'ru' : 'en';
    await setLang(page, other);
    await expect.poll(async () => (await tabNames(page)).filter((n) => n === 'Debtors' || n === 'Mine')).toEqual(['Debtors', 'Mine']);
    await expect.poll(() => tabNames(page)).not.toContain(L.runsOut);
    await setLang(page, lang);

    // Delete "Mine" from its menu (Shift+F10 on the tab), after a confirmation.
    await tabs(page).filter({ hasText: 'Mine' }).focus();
    await page.keyboard.press('Shift+F10');
    await page.getByTestId('view-delete').click();
    await page.getByTestId('view-delete-confirm').click();
    await expect.poll(() => tabNames(page)).toEqual([L.all, 'Debtors', L.runsOut, L.invited, L.blocked]);

    // Restore the defaults: their names and order come back.
    await page.getByTestId('views-menu').click();
    await page.getByTestId('views-restore').click();
    await expect.poll(() => tabNames(page)).toEqual([L.all, L.debt, L.runsOut, L.invited, L.blocked]);
  });
}

test('tab counts follow a sync that changed the data', async ({ page, harness: h, controls }) => {
  await openClients(page, h, 'en');
  const before = platformCounts(h);
  await expect(tabCount(page, 'In debt')).toHaveText(new Intl.NumberFormat('en').format(before.debt));
  // Simulated days charge the clients: some balances go below zero.
  let after = before;
  for (let i = 0; i < 6 && after.debt === before.debt; i++) {
    await controls.tick({ days: 20, accept_rate: 0.5 });
    after = platformCounts(h);
  }
  expect(after.debt).not.toBe(before.debt);
  const status = await harnessRpc<{ lastSyncedAt: string | null }>(h, 'sync.status', {});
  await harnessRpc(h, 'sync.now', {});
  await expect.poll(async () => (await harnessRpc<{ lastSyncedAt: string | null; running: boolean }>(h, 'sync.status', {})).lastSyncedAt, { timeout: 60_000 }).not.toBe(status.lastSyncedAt);
  await expect(tabCount(page, 'In debt')).toHaveText(new Intl.NumberFormat('en').format(after.debt));
  await expect(tabCount(page, 'All clients')).toHaveText(new Intl.NumberFormat('en').format(after.all));
});
