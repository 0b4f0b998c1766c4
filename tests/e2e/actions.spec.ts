/**
 * The client lifecycle end to end, in browser mode against the demo platform: invite with field
 * checks and the platform's refusal on the field -> accept on the invitation page -> active after
 * sync; select 3 -> block -> confirm (the platform's consequences) -> statuses shown; select all
 * ~1,000 of a filter -> type the number -> bulk with progress; actions queued offline go out on
 * reconnect; the invitations and audit pages. Screenshots in both languages in tests/artifacts/screens/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { setLang } from '../support/e2e';
import { expect, test } from '../support/fixtures';

const SCREENS = join(import.meta.dirname, '..', 'artifacts', 'screens');

/** Adds `api`: the platform's own API of this test's harness (to check what the app did there). */

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENS, `${name}.png`) });

async function search(page: Page, q: string) {
  await page.getByTestId('clients-search').fill(q);
}

async function syncNow(page: Page) {
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-running', 'false', { timeout: 30_000 });
}

// Tests read rows and act on them: each starts after the first sync has finished, so the list holds still.
test.use({ harnessOptions: { clients: 1300, seed: 21, synced: true } });
test.beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

test('invite: fields checked as typed, the platform refusal on the field, the client at once invited, active after accepting', async ({ page, harness: h, controls, api }) => {
  // A long walk (invite, the invitations page in two languages, acceptance, a sync): more than the default minute under load.
  test.setTimeout(150_000);
  await page.goto(h.appUrl);
  await expect(page.getByTestId('client-row').first()).toBeVisible({ timeout: 30_000 });
  await setLang(page, 'en');
  await page.getByTestId('add-client').click();
  const dialog = page.getByTestId('add-client-dialog');
  await dialog.getByLabel('Email').fill('not-an-email');
  await expect(dialog.getByTestId('email-msg')).toHaveText('Enter an email like name@company.ru');
  await dialog.getByLabel('Phone').fill('12');
  await expect(dialog.getByTestId('phone-msg')).toHaveText('Enter a phone with the country code, like +7 900 123-45-67');
  await shot(page, 'actions-invite-errors-en');
  // The same checks in Russian (the header is behind the modal: close, switch, open again).
  await page.keyboard.press('Escape');
  await setLang(page, 'ru');
  await page.getByTestId('add-client').click();
  await dialog.getByLabel('Электронная почта').fill('not-an-email');
  await expect(dialog.getByTestId('email-msg')).toHaveText('Введите почту вида name@company.ru');
  await shot(page, 'actions-invite-errors-ru');
  await page.keyboard.press('Escape');
  await setLang(page, 'en');
  await page.getByTestId('add-client').click();
  // An email the platform already has: refused on the field.
  const existing = (await api.listClients({ limit: 1 })).items[0]!;
  await dialog.getByLabel('Email').fill(existing.email);
  await dialog.getByLabel('Phone').fill('+7 912 345-67-89');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.getByTestId('email-msg')).toHaveText('A client with this email already exists');
  await shot(page, 'actions-invite-exists-en');
  const email = `new.client.${Date.now()}@example.com`;
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Name or company').fill('ООО «Новый клиент»');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.getByTestId('invite-sent')).toHaveText(`Invitation sent to ${email}`);
  await dialog.getByTestId('invite-close').click();
  await expect(dialog).toBeHidden();
  await search(page, email);
  const row = page.getByTestId('client-row').filter({ hasText: email });
  await expect(row.getByTestId('status-badge')).toHaveText('Invited');

  // The invitations page lists it.
  await page.getByTestId('nav-invitations').click();
  await expect(page.getByTestId('invitations-table').locator(`tr[data-email="${email}"]`)).toBeVisible();
  await shot(page, 'actions-invitations-en');
  await setLang(page, 'ru');
  await shot(page, 'actions-invitations-ru');
  await setLang(page, 'en');

  // Accept on the platform's invitation page as a new user.
  const url = await controls.invitationUrl(email);
  const invite = await page.context().newPage();
  await invite.goto(url);
  await invite.locator('#password').fill('Zx7!kLm2Qw');
  await invite.locator('#password2').fill('Zx7!kLm2Qw');
  await invite.locator('form button[type="submit"]').click();
  // The platform's answer page: the acceptance is recorded. Closing the tab while its form post was
  // still under way once hung page.close() for the rest of the test under load.
  await expect(invite.locator('p.ok')).toBeVisible();
  await invite.close();

  await page.getByTestId('nav-clients').click();
  await syncNow(page);
  await search(page, email);
  await expect(page.getByTestId('client-row').filter({ hasText: email }).getByTestId('status-badge')).toHaveText('Active');
});

test('select 3 -> block -> confirm with the platform consequences -> statuses shown', async ({ page, harness: h, api }) => {
  await page.goto(h.appUrl);
  await setLang(page, 'en');
  await page.getByTestId('filter-status-active').click();
  const rows = page.getByTestId('client-row');
  await expect(rows.first()).toBeVisible();
  const ids = await Promise.all([0, 1, 2].map((i) => rows.nth(i).getAttribute('data-id')));
  await rows.nth(0).locator('input[type="checkbox"]').click();
  await rows.nth(2).locator('input[type="checkbox"]').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('bulk-count')).toHaveText('3 clients selected');
  await expect(page.getByTestId('bulk-unblock')).toHaveCount(0);
  await page.getByTestId('bulk-block').click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm.getByTestId('confirm-question')).toHaveText('Block 3 clients?');
  await expect(confirm.getByTestId('confirm-consequences')).toContainText('cannot sign in');
  await expect(confirm.getByTestId('confirm-consequences')).toContainText('keep running');
  await shot(page, 'actions-confirm-block-en');
  await page.keyboard.press('Escape');
  await setLang(page, 'ru');
  await page.getByTestId('bulk-block').click();
  await expect(confirm.getByTestId('confirm-question')).toHaveText('Заблокировать 3 клиента?');
  await expect(confirm.getByTestId('confirm-consequences')).toContainText('не сможет войти');
  await shot(page, 'actions-confirm-block-ru');
  await confirm.getByTestId('confirm-action').click();
  await expect(page.getByTestId('batch-card').first()).toHaveAttribute('data-finished', 'true');
  await page.getByTestId('filter-status-active').click(); // back to all statuses
  for (const id of ids) {
    await search(page, id!);
    await expect(page.locator(`[data-testid="client-row"][data-id="${id}"]`).getByTestId('status-badge')).toHaveText('Заблокирован');
  }
  for (const id of ids) expect((await api.getClient(id!)).status).toBe('blocked');
});

test('keyboard and modifier clicks select: Space, Shift+Arrow, Ctrl-click, Ctrl+A, Escape', async ({ page, harness: h }) => {
  await page.goto(h.appUrl);
  await setLang(page, 'en');
  const rows = page.getByTestId('client-row');
  await expect(rows.first()).toBeVisible();
  await rows.nth(0).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('bulk-count')).toHaveText('3 clients selected');
  await rows.nth(5).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('bulk-count')).toHaveText('4 clients selected');
  await expect(page).not.toHaveURL(/#\/client\//); // a modifier click selects, it does not open the client
  await rows.nth(0).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(page.getByTestId('clients-count')).toHaveAttribute('aria-busy', 'false');
  const total = new Intl.NumberFormat('en').format(Number((await page.getByTestId('clients-count').innerText()).replace(/\D/g, '')));
  await expect(page.getByTestId('bulk-count')).toHaveText(`${total} clients selected`);
  await shot(page, 'actions-bulkbar-all-en');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
});

test('select all ~1,000 of a filter -> type the number -> bulk with progress and results', async ({ page, harness: h, controls }) => {
  await controls.setFaults({ latency_ms: 150 });
  await page.goto(h.appUrl);
  await setLang(page, 'en');
  await page.getByTestId('filter-status-active').click();
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  // The count shows once the filter's own count is in (never the previous filter's number).
  await expect(page.getByTestId('clients-count')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('clients-count')).not.toBeEmpty();
  const countText = (await page.getByTestId('clients-count').innerText()).replace(/\D/g, '');
  const n = Number(countText);
  expect(n).toBeGreaterThan(900);
  await page.getByTestId('client-row').first().locator('input[type="checkbox"]').click();
  await page.getByTestId('select-all-matching').click();
  await expect(page.getByTestId('bulk-count')).toHaveText(`${new Intl.NumberFormat('en').format(n)} clients selected`);
  await page.getByTestId('bulk-block').click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm.getByTestId('confirm-action')).toBeDisabled();
  await confirm.getByTestId('confirm-type').fill(String(n - 1));
  await expect(confirm.getByTestId('confirm-action')).toBeDisabled();
  await confirm.getByTestId('confirm-type').fill(String(n));
  await shot(page, 'actions-confirm-typed-en');
  await confirm.getByTestId('confirm-action').click();
  const en = (x: number) => new Intl.NumberFormat('en').format(x);
  const found = page.getByTestId('batch-card').filter({ hasText: `of ${en(n)}` }).first();
  await expect(found).toBeVisible();
  const card = page.locator(`[data-testid="batch-card"][data-batch="${await found.getAttribute('data-batch')}"]`);
  await shot(page, 'actions-progress-en');
  await expect(card).toHaveAttribute('data-finished', 'true', { timeout: 60_000 });
  await expect(card.getByTestId('batch-counts')).toHaveText(`${en(n)} of ${en(n)} done`);
  await card.getByTestId('batch-results').click();
  await expect(page.getByTestId('results-summary')).toContainText(`${en(n)} done, 0 failed`);
  await shot(page, 'actions-results-en');
  await page.keyboard.press('Escape');
  await setLang(page, 'ru');
  await card.getByTestId('batch-results').click();
  await expect(page.getByTestId('results-summary')).toContainText(`Выполнено ${new Intl.NumberFormat('ru').format(n)}, ошибок 0`);
  await shot(page, 'actions-results-ru');
  await controls.clearFaults();
});

test('actions queued offline are shown as pending and go out on reconnect; the audit log records them', async ({ page, harness: h, controls, api }) => {
  await page.goto(h.appUrl);
  await setLang(page, 'en');
  await page.getByTestId('filter-status-blocked').click();
  const rows = page.getByTestId('client-row');
  await expect(rows.first()).toBeVisible();
  const ids = await Promise.all([0, 1].map((i) => rows.nth(i).getAttribute('data-id')));
  // The platform becomes unreachable: every connection is reset.
  await controls.setFaults({ reset_rate: 1 });
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-running', 'false', { timeout: 30_000 });
  await rows.nth(0).locator('input[type="checkbox"]').click();
  await rows.nth(1).locator('input[type="checkbox"]').click();
  await page.getByTestId('bulk-unblock').click();
  await page.getByTestId('confirm-dialog').getByTestId('confirm-action').click();
  const found = page.getByTestId('batch-card').filter({ hasText: 'of 2' }).first();
  await expect(found).toBeVisible();
  const card = page.locator(`[data-testid="batch-card"][data-batch="${await found.getAttribute('data-batch')}"]`);
  await expect(card.getByTestId('batch-waiting')).toHaveText('Pending — will be sent when online');
  await shot(page, 'actions-offline-en');
  await setLang(page, 'ru');
  await expect(card.getByTestId('batch-waiting')).toHaveText('Ожидает — будет отправлено, когда появится связь');
  await shot(page, 'actions-offline-ru');
  await setLang(page, 'en');
  // Back online.
  await controls.clearFaults();
  await page.getByTestId('sync-now').click();
  await expect(card).toHaveAttribute('data-finished', 'true', { timeout: 60_000 });
  for (const id of ids) expect((await api.getClient(id!)).status).toBe('active');

  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-table').locator('tr[data-action="unblock"]').first()).toBeVisible();
  await page.getByTestId('audit-search').fill(ids[0]!);
  await expect(page.getByTestId('audit-count')).toHaveText(/^[1-9]\d* entr/);
  await page.getByTestId('audit-search').fill('');
  await shot(page, 'actions-audit-en');
  await setLang(page, 'ru');
  await shot(page, 'actions-audit-ru');
  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export-xlsx').click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});
