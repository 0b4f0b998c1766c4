/**
 * The audit log shows the app's own changes in words, in both languages: a language switch is a
 * settings change, an alert rule saved is an alert-rule change (the core's writers are tested per
 * kind in tests/integration/actions/audit-kinds.test.ts).
 */
import { harnessRpc, setLang } from '../support/e2e';
import { expect, test } from '../support/fixtures';

test.use({ harnessOptions: { clients: 20, seed: 23, synced: true } });

test('settings and alert-rule changes appear in the audit log with translated labels and details', async ({ page, harness: h }) => {
  await page.goto(h.appUrl);
  await setLang(page, 'ru');
  await setLang(page, 'en');
  await harnessRpc(h, 'alerts.saveRule', { clientId: null, thresholdMinor: null, negative: true, freezeDays: 5 });
  await page.getByTestId('nav-audit').click();
  const settings = page.getByTestId('audit-table').locator('tr[data-action="settings"]').first();
  await expect(settings).toContainText('Settings changed');
  await expect(settings).toContainText('Language: English');
  const rule = page.getByTestId('audit-table').locator('tr[data-action="alert_rule"]').first();
  await expect(rule).toContainText('Alert rule changed');
  await expect(rule).toContainText('negative balance; runs out within 5 days');
  // Switching to Russian is itself the newest settings change.
  await setLang(page, 'ru');
  await expect(settings).toContainText('Изменение настроек');
  await expect(settings).toContainText('Язык: русский');
  await expect(page.getByTestId('audit-table').locator('tr[data-action="settings"]').filter({ hasText: 'Язык: английский' }).first()).toBeVisible();
  await expect(rule).toContainText('отрицательный баланс; средств меньше чем на 5 дней');
});
