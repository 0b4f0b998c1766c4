/**
 * The client list end to end, in browser mode against the demo platform: it loads, the count is
 * right, search and sort work, RU/EN switches every label, and with the platform stopped the
 * offline banner shows while the cached rows stay. Screenshots in both languages go to
 * tests/artifacts/screens/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { harnessRpc, setLang } from '../support/e2e';
import { expect, test } from '../support/fixtures';
import type { WebHarness } from '../support/web';
import { PartnerApi } from '../../electron/core/partner-api/client';

const SCREENS = join(import.meta.dirname, '..', 'artifacts', 'screens');
const CLIENTS = 250;

/** Text of the app's labels (header, toolbar, table header, banners), not of the data rows. */
/** The app's own labels on screen; text the platform sent (marked data-platform-text, e.g. the partner's name) is left out. */
async function labelText(page: Page): Promise<string> {
  return page
    .locator('.app-header, .page-head, .toolbar, .grid-head, .banner')
    .evaluateAll((els) =>
      els
        .map((el) => {
          const copy = el.cloneNode(true) as HTMLElement;
          for (const data of copy.querySelectorAll('[data-platform-text]')) data.remove();
          return copy.textContent ?? '';
        })
        .join('\n'),
    );
}

/** Every client as the platform lists them. */
async function listPlatformClients(h: WebHarness): Promise<{ id: string; email: string; name: string | null }[]> {
  const api = new PartnerApi({ baseUrl: h.platform.url, token: h.platform.token });
  const out: { id: string; email: string; name: string | null }[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listClients({ limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const c of page.items) out.push({ id: c.id, email: c.email, name: c.name ?? null });
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

// Each test starts after the first sync has finished, so counts and rows hold still while read.
test.use({ harnessOptions: { clients: CLIENTS, seed: 7, synced: true } });
test.beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

test('the list loads from the demo platform with the right count, in both languages', async ({ page, harness: h }) => {
  const platformClients = await listPlatformClients(h);
  await page.goto(h.appUrl);
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  const n = platformClients.length;
  await setLang(page, 'en');
  await expect(page.getByTestId('clients-count')).toHaveText(`${new Intl.NumberFormat('en').format(n)} ${n === 1 ? 'client' : 'clients'}`);
  await page.screenshot({ path: join(SCREENS, 'clients-en.png') });
  await setLang(page, 'ru');
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word = mod10 === 1 && mod100 !== 11 ? 'клиент' : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? 'клиента' : 'клиентов';
  const text = (await page.getByTestId('clients-count').textContent())?.replace(/\s/g, ' ');
  expect(text).toBe(`${new Intl.NumberFormat('ru').format(n).replace(/\s/g, ' ')} ${word}`);
  await page.screenshot({ path: join(SCREENS, 'clients-ru.png') });
});

test('search finds a client by email and by id; sort follows the header', async ({ page, harness: h }) => {
  const platformClients = await listPlatformClients(h);
  await page.goto(h.appUrl);
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  const target = platformClients[Math.floor(platformClients.length / 2)]!;
  await page.getByTestId('clients-search').fill(target.email.toUpperCase());
  await expect(page.locator(`[data-testid="client-row"][data-id="${target.id}"]`)).toBeVisible();
  await expect(page.getByTestId('client-row')).toHaveCount(1);
  await page.getByTestId('clients-search').fill(target.id);
  await expect(page.locator(`[data-testid="client-row"][data-id="${target.id}"]`)).toBeVisible();
  await page.getByTestId('clients-search').fill('');
  await expect(page.getByTestId('client-row').nth(5)).toBeVisible();

  for (const [column, dir] of [
    ['name', 'desc'],
    ['payment', 'asc'],
    ['payment', 'desc'],
  ] as const) {
    const header = page.getByRole('columnheader').filter({ has: page.getByTestId(`sort-${column}`) });
    const before = await header.getAttribute('aria-sort');
    await page.getByTestId(`sort-${column}`).click();
    await expect(header).toHaveAttribute('aria-sort', dir === 'asc' ? 'ascending' : 'descending');
    expect(before).not.toBe(dir === 'asc' ? 'ascending' : 'descending');
    const expected = await harnessRpc<{ rows: { id: string }[] }>(h, 'clients.list', { sort: { column, dir }, limit: 8 });
    await expect
      .poll(async () => page.getByTestId('client-row').evaluateAll((rows) => rows.slice(0, 8).map((r) => r.getAttribute('data-id'))))
      .toEqual(expected.rows.map((r) => r.id));
  }
});

test('the language switch changes every visible label without reload', async ({ page, harness: h }) => {
  await page.goto(h.appUrl);
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  await setLang(page, 'ru');
  expect(await labelText(page)).toMatch(/[А-Яа-яЁё]/);
  const marker = await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = Math.random()));
  await setLang(page, 'en');
  const en = await labelText(page);
  expect(en, 'no Russian label left after switching to English').not.toMatch(/[А-Яа-яЁё]/);
  await expect(page.getByTestId('nav-clients')).toHaveText('Clients');
  expect(await page.evaluate(() => (window as unknown as { __marker: number }).__marker)).toBe(marker);
  // Remembered: a reload opens in English.
  await page.reload();
  await expect(page.getByTestId('nav-clients')).toHaveText('Clients');
  await setLang(page, 'ru');
  await expect(page.getByTestId('nav-clients')).toHaveText('Клиенты');
});

test('with the platform stopped, the offline banner shows and the cached data stays', async ({ page, harness: h }) => {
  test.setTimeout(120_000);
  await page.goto(h.appUrl);
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  await expect(page.getByTestId('clients-count')).toHaveAttribute('aria-busy', 'false');
  const count = await page.getByTestId('clients-count').textContent();
  await h.platform.stop();
  await expect(page.getByTestId('sync-now')).toBeEnabled({ timeout: 60_000 });
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('banner-offline')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('clients-count')).toHaveText(count ?? '');
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  for (const lang of ['ru', 'en'] as const) {
    await setLang(page, lang);
    await page.screenshot({ path: join(SCREENS, `clients-offline-${lang}.png`) });
  }
  await expect(page.getByTestId('banner-offline')).toContainText('Offline');
});
