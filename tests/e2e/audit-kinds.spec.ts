/**
 * The audit log shows the app's own changes in words, in both languages: a change of the sync
 * interval is a settings change, an alert rule saved is an alert-rule change, and switching the
 * interface language records nothing (it is the person's view, not an action on the partner's
 * data). The core's writers are tested per kind in tests/integration/actions/audit-kinds.test.ts.
 */
import { harnessRpc, setLang } from '../support/e2e';
import { expect, test } from '../support/fixtures';

test.use({ harnessOptions: { clients: 20, seed: 23, synced: true } });

test('settings and alert-rule changes appear in the audit log with translated labels and details; a language switch does not', async ({ page, harness: h }) => {
  await page.goto(h.appUrl);
  await setLang(page, 'ru');
  await setLang(page, 'en');
  await harnessRpc(h, 'settings.update', { syncIntervalMin: 17 });
  await harnessRpc(h, 'alerts.saveRule', { clientId: null, thresholdMinor: null, negative: true, freezeDays: 5 });
  await page.getByTestId('nav-audit').click();
  const table = page.getByTestId('audit-table');
  const rule = table.locator('tr[data-action="alert_rule"]').first();
  await expect(rule).toContainText('Alert rule changed');
  await expect(rule).toContainText('negative balance; runs out within 5 days');
  // One settings change: the sync interval; the two language switches are not there.
  const settings = table.locator('tr[data-action="settings"]');
  await expect(settings).toHaveCount(1);
  await expect(settings).toContainText('Settings changed');
  await expect(settings).toContainText('Sync every 17 minutes');
  await expect(table).not.toContainText('Language:');
  // Switching to Russian: the same entries, in Russian, and still one settings change.
  await setLang(page, 'ru');
  await expect(settings).toContainText('Изменение настроек');
  await expect(settings).toContainText('Синхронизация каждые 17 минут');
  await expect(rule).toContainText('отрицательный баланс; средств меньше чем на 5 дней');
  await expect(settings).toHaveCount(1);
  await expect(table).not.toContainText('Язык:');
});
