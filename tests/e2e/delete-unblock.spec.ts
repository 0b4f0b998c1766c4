/**
 * Delete and unblock end to end, one client and many, in both languages, against both policies the
 * platform can declare (`seed`: deleting keeps the resources; `vk-2025`: they are deleted after 3
 * days): the confirmation's question and consequences, the platform's state afterwards, and the
 * client page left for the list (with a toast) once its client is being deleted; the row menu's
 * actions read as verbs.
 * Screenshots in tests/artifacts/screens/lifecycle-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { setLang } from '../support/e2e';
import { expect, test } from '../support/fixtures';
import type { PartnerApi } from '../../electron/core/partner-api/client';

const SCREENS = join(import.meta.dirname, '..', 'artifacts', 'screens');
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENS, `lifecycle-${name}.png`) });

test.beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

type Policy = 'seed' | 'vk-2025';
const T = {
  en: {
    active: 'Active',
    blocked: 'Blocked',
    deleteOne: (n: string) => `Delete ${n}?`,
    deleteMany: (n: number) => `Delete ${n} clients?`,
    unblockOne: (n: string) => `Unblock ${n}?`,
    unblockMany: (n: number) => `Unblock ${n} clients?`,
    deleteLines: {
      seed: ['Deleting detaches the client from the partner.', "The client's resources are not deleted."],
      'vk-2025': ['Deleting detaches the client from the partner.', "The client's resources are deleted after 3 days."],
    },
    unblockLines: ['Unblocked clients can sign in to the console again.'],
    menu: { balance: 'Balance', unblock: 'Unblock', delete: 'Delete' },
    leftPage: (n: string) => `Deleting ${n}: the client leaves the list once the platform confirms`,
  },
  ru: {
    active: 'Активен',
    blocked: 'Заблокирован',
    deleteOne: (n: string) => `Удалить клиента ${n}?`,
    deleteMany: (n: number) => `Удалить ${n} клиента?`,
    unblockOne: (n: string) => `Разблокировать клиента ${n}?`,
    unblockMany: (n: number) => `Разблокировать ${n} клиента?`,
    deleteLines: {
      seed: ['Удаление отвязывает клиента от партнёра.', 'Ресурсы клиента не удаляются.'],
      'vk-2025': ['Удаление отвязывает клиента от партнёра.', 'Ресурсы клиента будут удалены через 3 дня.'],
    },
    unblockLines: ['Разблокированные клиенты снова смогут входить в консоль.'],
    menu: { balance: 'Баланс', unblock: 'Разблокировать', delete: 'Удалить' },
    leftPage: (n: string) => `Клиент ${n} удаляется: он исчезнет из списка, когда платформа подтвердит удаление`,
  },
};

/** Filters the list by a status and waits until only rows of that status are shown. */
async function onlyStatus(page: Page, status: 'active' | 'blocked', label: string) {
  for (const s of ['invited', 'active', 'blocked']) {
    const chip = page.getByTestId(`filter-status-${s}`);
    const want = String(s === status);
    if ((await chip.getAttribute('aria-pressed')) !== want) await chip.click();
    await expect(chip).toHaveAttribute('aria-pressed', want);
  }
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  await expect(page.getByTestId('status-badge').filter({ hasNotText: label })).toHaveCount(0);
}
const rowOf = (page: Page, id: string) => page.locator(`[data-testid="client-row"][data-id="${id}"]`);

async function gone(api: PartnerApi, id: string): Promise<boolean> {
  try {
    await api.getClient(id);
    return false;
  } catch {
    return true;
  }
}

/** The confirmation shows exactly this question and these consequence lines; then it is confirmed. */
async function confirmWith(page: Page, question: string, lines: string[]) {
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm.getByTestId('confirm-question')).toHaveText(question);
  await expect(confirm.getByTestId('confirm-consequences').locator('li')).toHaveText(lines);
}

for (const policy of ['seed', 'vk-2025'] as const satisfies readonly Policy[]) {
  test.describe(`policy ${policy}`, () => {
    test.use({ harnessOptions: { clients: 80, seed: 17, synced: true, policies: policy } });
    for (const lang of ['en', 'ru'] as const) {
      test(`delete and unblock, one client and many, with the declared consequences (${lang})`, async ({ page, harness: h, api }) => {
        const L = T[lang];
        await page.goto(h.appUrl);
        await setLang(page, lang);
        await page.getByTestId('nav-clients').click();

        // Delete one, from the client page: the page is left for the list, with a toast.
        await onlyStatus(page, 'active', L.active);
        const rows = page.getByTestId('client-row');
        const one = (await rows.first().getAttribute('data-id'))!;
        const oneName = (await api.getClient(one)).name ?? (await api.getClient(one)).email;
        await page.evaluate((cid) => (location.hash = `#/client/${cid}`), one);
        await page.getByTestId('client-actions').getByTestId('client-action-delete').click();
        await confirmWith(page, L.deleteOne(oneName), L.deleteLines[policy]);
        await shot(page, `delete-one-${policy}-${lang}`);
        await page.getByTestId('confirm-dialog').getByTestId('confirm-action').click();
        await expect(page.getByTestId('client-page')).toHaveCount(0);
        await expect(page).toHaveURL(/#\/clients$/);
        await expect(page.getByTestId('toast')).toHaveText(L.leftPage(oneName));
        await expect.poll(() => gone(api, one), { timeout: 30_000 }).toBe(true);
        await expect(rowOf(page, one)).toHaveCount(0);

        // Delete many from the bulk bar.
        await onlyStatus(page, 'active', L.active);
        const many = await Promise.all([0, 1].map(async (i) => (await rows.nth(i).getAttribute('data-id'))!));
        await rows.nth(0).locator('input[type="checkbox"]').click();
        await rows.nth(1).locator('input[type="checkbox"]').click();
        await page.getByTestId('bulk-delete').click();
        await confirmWith(page, L.deleteMany(2), L.deleteLines[policy]);
        await shot(page, `delete-many-${policy}-${lang}`);
        await page.getByTestId('confirm-dialog').getByTestId('confirm-action').click();
        for (const id of many) await expect.poll(() => gone(api, id), { timeout: 30_000 }).toBe(true);

        // Unblock one from the row menu.
        await onlyStatus(page, 'blocked', L.blocked);
        const ub = (await rows.first().getAttribute('data-id'))!;
        const ubName = (await api.getClient(ub)).name ?? (await api.getClient(ub)).email;
        await rowOf(page, ub).getByTestId('row-menu').click();
        // The menu's actions are verbs, as in the documentation.
        const menu = page.getByRole('menu');
        for (const [k, text] of Object.entries(L.menu)) await expect(menu.getByTestId(`row-action-${k}`)).toHaveText(text);
        await menu.getByTestId('row-action-unblock').click();
        await confirmWith(page, L.unblockOne(ubName), L.unblockLines);
        await page.getByTestId('confirm-dialog').getByTestId('confirm-action').click();
        await expect.poll(async () => (await api.getClient(ub)).status, { timeout: 30_000 }).toBe('active');
        await expect(rowOf(page, ub)).toHaveCount(0);

        // Unblock many from the bulk bar.
        await expect(rows.nth(1)).toBeVisible();
        const ubMany = await Promise.all([0, 1].map(async (i) => (await rows.nth(i).getAttribute('data-id'))!));
        await rows.nth(0).locator('input[type="checkbox"]').click();
        await rows.nth(1).locator('input[type="checkbox"]').click();
        await page.getByTestId('bulk-unblock').click();
        await confirmWith(page, L.unblockMany(2), L.unblockLines);
        await shot(page, `unblock-many-${policy}-${lang}`);
        await page.getByTestId('confirm-dialog').getByTestId('confirm-action').click();
        for (const id of ubMany) await expect.poll(async () => (await api.getClient(id)).status, { timeout: 30_000 }).toBe('active');
      });
    }
  });
}
