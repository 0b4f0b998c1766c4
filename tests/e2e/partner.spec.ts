/**
 * The partner program screens end to end, in browser mode against the demo platform, in Russian
 * and English: help (deep link, search), become a partner (field checks, sent), deals (INN
 * checksum, register, listed with status), the monthly report (built with progress, downloaded
 * and read back), alerts (listed after sync, nav badge, a threshold). Screenshots of each screen
 * in both languages go to tests/artifacts/screens/partner-*.png.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { startWebServer } from '../../electron/web/server';
import { harnessRpc, setLang } from '../support/e2e';
import { expect, test } from '../support/fixtures';
import type { WebHarness } from '../support/web';

const SCREENS = join(import.meta.dirname, '..', 'artifacts', 'screens');

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENS, `partner-${name}.png`), fullPage: true });
}
async function open(page: Page, h: WebHarness, hash: string, lang: 'ru' | 'en') {
  await page.goto(h.appUrl);
  await setLang(page, lang);
  await page.evaluate((x) => (location.hash = x), hash);
}

test.use({ harnessOptions: { clients: 80, seed: 7, synced: true } });
test.beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

for (const lang of ['ru', 'en'] as const) {
  const T = {
    ru: { debtQ: 'У проекта клиента задолженность', search: 'PID', one: '1 вопрос', badEmail: 'Введите почту', badInn: 'Неверный ИНН', sent: 'Заявка отправлена', status: 'Зарегистрирована', sheet: 'Сводка' },
    en: { debtQ: 'shows a debt although the client paid me', search: 'PID', one: '1 question', badEmail: 'Enter an email', badInn: 'Not a valid INN', sent: 'Request sent', status: 'Registered', sheet: 'Summary' },
  }[lang];

  test(`help: deep link to the debt answer and search (${lang})`, async ({ page, harness: h }) => {
    await open(page, h, '#/help/debt', lang);
    const debt = page.getByTestId('help-debt');
    await expect(debt).toHaveAttribute('open', '');
    await expect(debt.locator('summary')).toContainText(T.debtQ);
    await shot(page, `help-${lang}`);
    await page.getByTestId('help-search').fill(T.search);
    await expect(page.getByTestId('help-count')).toHaveText(T.one);
    await expect(page.getByTestId('help-debt')).toBeVisible();
    await page.getByTestId('help-search').fill('zzzzqqq');
    await expect(page.locator('.pt-faq [role=status]')).toBeVisible();
  });

  test(`become a partner: checks as you type, then sent (${lang})`, async ({ page, harness: h }) => {
    await open(page, h, '#/apply', lang);
    await expect(page.getByTestId('page-apply')).toBeVisible();
    await page.locator('#apply-email').fill('anna@');
    await expect(page.getByTestId('apply-email-msg')).toContainText(T.badEmail);
    await page.getByTestId('apply-submit').click();
    await expect(page.locator('#apply-name')).toHaveAttribute('aria-invalid', 'true');
    await shot(page, `apply-${lang}`);
    await page.locator('#apply-name').fill('Анна Смирнова');
    await page.locator('#apply-email').fill('anna@integrator.ru');
    await page.locator('#apply-phone').fill('+7 900 123-45-67');
    await page.locator('#apply-company').fill('ООО «Интегратор»');
    await page.getByTestId('apply-submit').click();
    await expect(page.getByTestId('apply-sent')).toContainText(T.sent);
    await expect(page.getByTestId('apply-sent')).toContainText('48');
  });

  test(`deals: INN checksum, register, listed with status (${lang})`, async ({ page, harness: h }) => {
    await open(page, h, '#/deals', lang);
    await expect(page.getByTestId('page-deals')).toBeVisible();
    await page.getByTestId('deal-register').click();
    await page.locator('#deal-inn').fill('7707083894');
    await expect(page.getByTestId('deal-inn-msg')).toContainText(T.badInn);
    const customer = `ООО «Заказчик ${lang}»`;
    await page.locator('#deal-customerName').fill(customer);
    await page.locator('#deal-inn').fill(lang === 'ru' ? '7707083893' : '7736207543');
    await page.locator('#deal-decisionMaker').fill('Иванов Иван');
    await page.locator('#deal-pids').fill('pid-a, pid-b');
    await page.locator('#deal-amount').fill('1 250 000,50');
    await shot(page, `deal-form-${lang}`);
    await page.getByTestId('deal-submit').click();
    const row = page.getByTestId('deals-table').locator('tr', { hasText: customer });
    await expect(row).toBeVisible();
    await expect(row).toContainText(T.status);
    await expect(row).toContainText(lang === 'ru' ? '1 250 000,50' : '1,250,000.50');
    await shot(page, `deals-${lang}`);
  });

  test(`monthly report: built with progress, downloaded, read back (${lang})`, async ({ page, harness: h }) => {
    await open(page, h, '#/report', lang);
    await expect(page.getByTestId('page-report')).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByTestId('report-build').click();
    const file = await download;
    await expect(page.getByTestId('report-status')).toHaveAttribute('data-state', 'done');
    await shot(page, `report-${lang}`);
    const path = await file.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.name).toBe(T.sheet);
    expect(wb.worksheets.length).toBeGreaterThan(1);
    expect(wb.worksheets.every((w) => w.name.length <= 31)).toBe(true);
  });

  test(`alerts: listed after sync with a nav badge; a threshold adds alerts (${lang})`, async ({ page, harness: h }) => {
    const rpc = <T>(method: string, input: unknown) => harnessRpc<T>(h, method, input);
    await rpc('alerts.saveRule', { clientId: null, thresholdMinor: null, negative: true, freezeDays: null });
    await page.goto(h.appUrl);
    await setLang(page, lang);
    await expect(page.getByTestId('nav-alerts')).toBeVisible();
    await page.getByTestId('nav-alerts').click();
    await expect(page.getByTestId('page-alerts')).toBeVisible();
    await expect(page.getByTestId('alert-rules')).toBeVisible();
    const before = (await rpc<{ items: unknown[] }>('alerts.list', {})).items.length;
    await page.locator('#rule-all-threshold').fill('100000');
    await page.locator('#rule-all-days').fill('30');
    await page.getByTestId('rule-all-save').click();
    await expect.poll(async () => (await rpc<{ items: unknown[] }>('alerts.list', {})).items.length).toBeGreaterThan(before);
    await expect(page.getByTestId('alerts-table')).toBeVisible();
    await shot(page, `alerts-${lang}`);
    // new alerts (none seen yet) show the badge on the bell; opening the screen clears it
    await page.getByTestId('nav-clients').click();
    await expect(page.getByTestId('page-alerts')).toHaveCount(0);
    await rpc('alerts.saveRule', { clientId: null, thresholdMinor: null, negative: false, freezeDays: null });
    expect((await rpc<{ items: unknown[] }>('alerts.list', {})).items).toHaveLength(0);
    await rpc('alerts.saveRule', { clientId: null, thresholdMinor: null, negative: true, freezeDays: null });
    await page.reload();
    await expect(page.getByTestId('alerts-badge')).toBeVisible();
    await shot(page, `badge-${lang}`);
    await page.getByTestId('nav-alerts').click();
    await expect(page.getByTestId('alerts-table')).toBeVisible();
    await expect(page.getByTestId('alerts-badge')).toHaveCount(0);
  });
}

test('first run (no connection): the not-configured banner leads to the application form', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'pd-e2e-firstrun-'));
  const server = await startWebServer({ port: 0, dataDir: join(dir, 'app'), rendererDir: join(import.meta.dirname, '..', '..', 'out', 'renderer'), connection: null, version: 'e2e', autoSync: false });
  try {
    await page.goto(`${server.url}/?token=${server.token}`);
    for (const lang of ['ru', 'en'] as const) {
      await setLang(page, lang);
      await expect(page.getByTestId('banner-not-configured')).toBeVisible();
      await page.getByTestId('banner-apply').click();
      await expect(page.getByTestId('page-apply')).toBeVisible();
      await expect(page.getByTestId('apply-note')).toContainText('48');
      await shot(page, `first-run-apply-${lang}`);
      await page.getByTestId('nav-clients').click();
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
