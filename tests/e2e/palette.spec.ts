/**
 * The command palette end to end in browser mode, in both languages: Ctrl+K opens it; a client is
 * found by email and by a project's PID and opened, its PID copied, all from the keyboard
 * (arrows, Enter, Backspace back to the search, Esc); blocking a client from it goes through the
 * same confirmation and outbox as the row menu (offline: the client shows "Blocking…"); a screen and
 * a saved view are opened and the language switched from it; the header's button opens it for the mouse.
 * Screenshots (1280×800) in tests/artifacts/screens/palette-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { setLang } from '../support/e2e';
import { expect, test } from '../support/fixtures';
import type { PartnerApi } from '../../electron/core/partner-api/client';
import { resources } from '../../shared/i18n';

const SCREENS = join(import.meta.dirname, '..', 'artifacts', 'screens');
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENS, `palette-${name}.png`) });

test.use({ harnessOptions: { clients: 120, seed: 11, synced: true } });
test.beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

/** Ctrl+K, and the palette is open with its field focused. */
async function openWithKeys(page: Page) {
  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('palette');
  await expect(palette).toBeVisible();
  await expect(page.getByTestId('palette-input')).toBeFocused();
  return palette;
}

/** An active client with projects, from the platform itself. */
async function activeWithProjects(api: PartnerApi) {
  const rows = await api.listClients({ limit: 200 });
  const c = rows.items.find((x) => x.status === 'active' && x.projects_count > 0 && x.name)!;
  const projects = await api.projects(c.id);
  return { client: c, pid: projects[projects.length - 1]!.pid };
}

for (const lang of ['en', 'ru'] as const) {
  const L = resources[lang];

  test(`keyboard only: Ctrl+K, jump by email and by PID, copy the PID, Backspace back, Esc (${lang})`, async ({ page, context, harness: h, api }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { client, pid } = await activeWithProjects(api);
    await page.goto(h.appUrl);
    await setLang(page, lang);
    await expect(page.getByTestId('palette-open')).toContainText(L.palette.open);

    // By email: the client is the first hit; Enter lists its actions, Enter again opens its balance.
    let palette = await openWithKeys(page);
    await page.keyboard.type(client.email);
    const first = palette.getByTestId('palette-client-hit').first();
    await expect(first).toContainText(client.name!);
    await expect(palette.getByTestId('palette-status')).toHaveText(L.palette.found_one.replace('{{count}}', '1'));
    await shot(page, `search-${lang}`);
    await page.keyboard.press('Enter');
    await expect(palette).toHaveAttribute('data-mode', 'client');
    await expect(palette.getByTestId('palette-client')).toHaveAttribute('data-id', client.id);
    await expect(palette.getByRole('option').first()).toHaveAttribute('data-testid', 'palette-action-balance');
    // Enter at once, while the client's projects may still be arriving and replacing the list:
    // Balance is chosen either way.
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(page.getByTestId('client-page')).toBeVisible();
    expect(page.url()).toContain(`#/client/${client.id}`);

    // By PID: the hit names the PID; in the client's actions, typing "PID" leaves the copy items.
    palette = await openWithKeys(page);
    await page.keyboard.type(pid);
    await expect(palette.getByTestId('palette-client-hit').first()).toContainText(`PID ${pid}`);
    await page.keyboard.press('Enter');
    await expect(palette).toHaveAttribute('data-mode', 'client');
    await expect(palette.getByTestId('palette-action-copyPid').first()).toBeVisible();
    await shot(page, `client-${lang}`);
    await page.keyboard.type('PID');
    await expect(palette.getByRole('option').first()).toContainText(pid);
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(page.getByTestId('toast')).toHaveText(L.palette.action.copied.replace('{{pid}}', pid));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pid);

    // Backspace empties the filter, then goes back to the search as it was; arrows move; Esc closes.
    palette = await openWithKeys(page);
    await page.keyboard.type(client.email);
    await expect(palette.getByTestId('palette-client-hit').first()).toContainText(client.name!);
    await page.keyboard.press('Enter');
    await expect(palette).toHaveAttribute('data-mode', 'client');
    await page.keyboard.type('x');
    await page.keyboard.press('Backspace');
    await expect(palette).toHaveAttribute('data-mode', 'client');
    await page.keyboard.press('Backspace');
    await expect(palette).toHaveAttribute('data-mode', 'search');
    await expect(page.getByTestId('palette-input')).toHaveValue(client.email);
    // An empty field lists the saved views, screens and commands: the arrows move, Enter opens one.
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await expect(palette.getByTestId('palette-go-audit')).toBeVisible();
    await expect(palette.getByRole('option').first()).toHaveAttribute('data-testid', 'palette-view');
    const options = palette.getByRole('option');
    const focused = async () => (await options.evaluateAll((els) => els.findIndex((e) => e.hasAttribute('data-focused'))));
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBeGreaterThanOrEqual(0);
    const at = await focused();
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(at + 1);
    // The first items are the saved views: the second one opens in the client list.
    await expect(options.nth(at + 1)).toHaveAttribute('data-testid', 'palette-view');
    const view = (await options.nth(at + 1).locator('.palette-item-label').textContent())!;
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(page.getByTestId('nav-clients')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('view-tab').filter({ hasText: view })).toHaveAttribute('aria-selected', 'true');
    await openWithKeys(page);
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
  });

  test(`blocking from the palette confirms and queues like the row menu (offline: "Blocking…") (${lang})`, async ({ page, harness: h, controls, api }) => {
    const { client } = await activeWithProjects(api);
    await page.goto(h.appUrl);
    await setLang(page, lang);
    // The platform refuses every connection: the cache still answers, the action waits in the outbox.
    await controls.setFaults({ reset_rate: 1 });
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-running', 'false', { timeout: 30_000 });
    const palette = await openWithKeys(page);
    await page.keyboard.type(client.email);
    await expect(palette.getByTestId('palette-client-hit').first()).toContainText(client.name!);
    await page.keyboard.press('Enter');
    await palette.getByTestId('palette-action-block').click();
    await expect(palette).toBeHidden();
    const confirm = page.getByTestId('confirm-dialog');
    await expect(confirm).toBeVisible();
    await expect(confirm.getByTestId('confirm-question')).toContainText(client.name!);
    // Ctrl+K over the confirmation does not stack the palette on it.
    await page.keyboard.press('Control+k');
    await expect(confirm).toBeVisible();
    await expect(page.getByTestId('palette')).toHaveCount(0);
    await confirm.getByTestId('confirm-action').click();
    await expect(confirm).toBeHidden();
    // The client now waits to be blocked: its page says so, and the palette offers no second action.
    await page.keyboard.press('Control+k');
    await page.keyboard.type(client.email);
    await expect(palette.getByTestId('palette-client-hit').first()).toContainText(L.actions.pendingBadge.block);
    await page.keyboard.press('Enter');
    await expect(palette.getByTestId('palette-action-balance')).toBeVisible();
    await expect(palette.getByTestId('palette-action-block')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('client-page').getByTestId('pending-text')).toHaveText(L.actions.pendingBadge.block);
    await shot(page, `pending-${lang}`);
    await controls.clearFaults();
  });
}

test('a screen and the language from the palette; the header button opens it (both languages)', async ({ page, harness: h }) => {
  await page.goto(h.appUrl);
  await setLang(page, 'en');
  let palette = await openWithKeys(page);
  await page.keyboard.type(resources.en.common.nav.audit);
  await expect(palette.getByRole('option').first()).toHaveAttribute('data-testid', 'palette-go-audit');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('nav-audit')).toHaveAttribute('aria-current', 'page');
  // Every screen of the route table is offered.
  palette = await openWithKeys(page);
  for (const r of ['home', 'clients', 'invitations', 'audit', 'deals', 'report', 'alerts', 'help', 'apply', 'settings']) {
    await expect(palette.getByTestId(`palette-go-${r}`)).toHaveCount(1);
  }
  // A saved view of the client list, by its name: the list opens on it.
  await page.keyboard.type(resources.en.clients.views.default.inDebt);
  await expect(palette.getByRole('option').first()).toHaveAttribute('data-testid', 'palette-view');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('nav-clients')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('view-tab').filter({ hasText: resources.en.clients.views.default.inDebt })).toHaveAttribute('aria-selected', 'true');
  palette = await openWithKeys(page);
  await page.keyboard.type('Русский');
  await expect(palette.getByRole('option').first()).toHaveAttribute('data-testid', 'palette-cmd-language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  // In Russian: the screens by their Russian names, and back to English.
  await openWithKeys(page);
  await page.keyboard.type(resources.ru.partner.nav.deals);
  await expect(palette.getByRole('option').first()).toHaveAttribute('data-testid', 'palette-go-deals');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('nav-deals')).toHaveAttribute('aria-current', 'page');
  palette = await openWithKeys(page);
  await page.keyboard.type(resources.ru.clients.views.default.blocked);
  await expect(palette.getByTestId('palette-view').first()).toContainText(resources.ru.clients.views.default.blocked);
  await page.keyboard.press('Escape');
  await page.getByTestId('palette-open').click();
  await expect(palette).toBeVisible();
  await shot(page, 'empty-ru');
  await page.keyboard.type('English');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('palette-open').click();
  await expect(palette).toBeVisible();
  await shot(page, 'empty-en');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
});
