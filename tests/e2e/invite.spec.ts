/**
 * Inviting as the client will experience it, end to end in browser mode: the identifier's hint and
 * the warning the manager confirms before an existing account is invited; after sending, what the
 * client receives (the email's subject, the Spam hint) in the dialog and on the Invitations page;
 * resend and revoke there; an invitation written offline is queued, shown as waiting and sent on
 * reconnect. Both languages. Screenshots in tests/artifacts/screens/invite-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { setLang } from '../support/e2e';
import { expect, test } from '../support/fixtures';
import type { PartnerApi } from '../../electron/core/partner-api/client';

const SCREENS = join(import.meta.dirname, '..', 'artifacts', 'screens');
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENS, `invite-${name}.png`) });

test.use({ harnessOptions: { clients: 60, seed: 13, synced: true } });
test.beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

const T = {
  en: {
    email: 'Email',
    identifier: 'Identifier',
    hint: /own VK Cloud identifier.*already have a VK Cloud account/,
    warning: /all of their existing projects move to your partner account.*pay only through you/,
    submit: 'Send invitation',
    subject: 'You are invited to join a partner project in VK Cloud',
    spam: 'Spam',
    sent: (e: string) => `Invitation sent to ${e}`,
    queued: /queued and will be sent when the connection returns/,
    waiting: 'Will be sent when online',
    resent: (e: string) => `Invitation sent again to ${e}`,
    revoked: (e: string) => `Invitation to ${e} revoked`,
  },
  ru: {
    email: 'Электронная почта',
    identifier: 'Идентификатор',
    hint: /Собственный идентификатор клиента в VK Cloud.*уже есть аккаунт/,
    warning: /все его проекты перейдут к вам как к партнёру.*платить он будет только через вас/,
    submit: 'Отправить приглашение',
    subject: 'Вас приглашают подключиться к партнерскому проекту в VK Cloud',
    spam: '«Спам»',
    sent: (e: string) => `Приглашение отправлено на ${e}`,
    queued: /поставлено в очередь и будет отправлено, когда связь появится/,
    waiting: 'Будет отправлено, когда появится связь',
    resent: (e: string) => `Приглашение повторно отправлено на ${e}`,
    revoked: (e: string) => `Приглашение на ${e} отозвано`,
  },
};

async function invitationOf(api: PartnerApi, email: string) {
  return (await api.invitations(undefined, 1000)).items.find((i) => i.email === email);
}

for (const lang of ['en', 'ru'] as const) {
  test(`an identifier needs the manager's confirmation of the warning; after sending, what the client receives; resend and revoke (${lang})`, async ({ page, harness: h, api }) => {
    const L = T[lang];
    await page.goto(h.appUrl);
    await setLang(page, lang);
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('add-client').click();
    const dialog = page.getByTestId('add-client-dialog');
    await expect(dialog.getByTestId('externalId-msg')).toHaveText(L.hint);
    await expect(dialog.getByTestId('invite-existing-warning')).toHaveCount(0);
    const email = `existing.${lang}.${Date.now()}@example.com`;
    await dialog.getByLabel(L.email).fill(email);
    await dialog.getByLabel(L.identifier).fill('vkc-4815162342');
    const warning = dialog.getByTestId('invite-existing-warning');
    await expect(warning).toContainText(L.warning);
    // Sending without confirming the warning sends nothing.
    await dialog.getByRole('button', { name: L.submit }).click();
    await expect(dialog.getByTestId('invite-existing-missing')).toBeVisible();
    await shot(page, `warning-${lang}`);
    expect(await invitationOf(api, email)).toBeUndefined();
    await warning.getByTestId('invite-existing-confirm').check();
    await dialog.getByRole('button', { name: L.submit }).click();
    await expect(dialog.getByTestId('invite-sent')).toHaveText(L.sent(email));
    const note = dialog.getByTestId('invite-email-note');
    await expect(note).toContainText(L.subject);
    await expect(note).toContainText(L.spam);
    await shot(page, `sent-${lang}`);
    const created = (await api.listClients({ limit: 1000 })).items.find((c) => c.email === email)!;
    expect(created.external_id).toBe('vkc-4815162342');
    await dialog.getByTestId('invite-close').click();
    await expect(dialog).toBeHidden();

    // The Invitations page says the same, and resends and revokes.
    await page.getByTestId('nav-invitations').click();
    await expect(page.getByTestId('invitations-email-note')).toContainText(L.subject);
    const row = page.getByTestId('invitations-table').locator(`tr[data-email="${email}"]`);
    await expect(row).toBeVisible();
    const before = (await invitationOf(api, email))!;
    await row.getByRole('button').first().click();
    await expect(page.getByTestId('toast')).toHaveText(L.resent(email));
    await expect.poll(async () => (await invitationOf(api, email))?.resent_count).toBe(before.resent_count + 1);
    await shot(page, `invitations-${lang}`);
    await row.getByRole('button').nth(1).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toContainText(email);
    await confirm.locator('.btn-danger').click();
    await expect(page.getByTestId('toast')).toHaveText(L.revoked(email));
    await expect(row).toHaveCount(0);
    expect(await invitationOf(api, email)).toBeUndefined();
  });
}

test('an invitation written offline is queued, shown as waiting in both languages, and sent on reconnect', async ({ page, harness: h, api, controls }) => {
  await page.goto(h.appUrl);
  await setLang(page, 'en');
  await page.getByTestId('nav-clients').click();
  await controls.setFaults({ reset_rate: 1 });
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-running', 'false', { timeout: 30_000 });
  const email = `offline.${Date.now()}@example.com`;
  await page.getByTestId('add-client').click();
  const dialog = page.getByTestId('add-client-dialog');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Name or company').fill('Offline Co');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.getByTestId('invite-sent')).toHaveAttribute('data-queued', 'true');
  await expect(dialog.getByTestId('invite-sent')).toHaveText(T.en.queued);
  await expect(dialog.getByTestId('invite-email-note')).toContainText(T.en.subject);
  await dialog.getByTestId('invite-close').click();
  await page.getByTestId('nav-invitations').click();
  const queued = page.getByTestId('invitations-queued').locator(`tr[data-email="${email}"]`);
  await expect(queued.getByTestId('queued-state')).toHaveText(T.en.waiting);
  await shot(page, 'queued-en');
  await setLang(page, 'ru');
  await expect(queued.getByTestId('queued-state')).toHaveText(T.ru.waiting);
  await shot(page, 'queued-ru');
  expect((await api.listClients({ limit: 1000 }).catch(() => null)) === null).toBe(true); // the platform is unreachable
  // Back online: it goes out and appears among the platform's invitations.
  await controls.clearFaults();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('invitations-table').locator(`tr[data-email="${email}"]`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('invitations-queued')).toHaveCount(0);
  const created = (await api.listClients({ limit: 1000 })).items.filter((c) => c.email === email);
  expect(created).toHaveLength(1);
  expect(created[0]!.name).toBe('Offline Co');
});
