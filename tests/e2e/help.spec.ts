/**
 * Help as the partner documentation has it, end to end in browser mode, in Russian and English:
 * all fifteen FAQ questions listed and searchable, the documented addresses on the answers, the
 * partner's name and cooperation model in the header leading to the pricing answer for that
 * model, and Become a partner with no platform connected: nothing posted, the program page and
 * the application composed for the partner mailbox instead. Screenshots in
 * tests/artifacts/screens/help-*.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { type Page } from '@playwright/test';
import { startWebServer } from '../../electron/web/server';
import { setLang } from '../support/e2e';
import { expect, test } from '../support/fixtures';

const SCREENS = join(import.meta.dirname, '..', 'artifacts', 'screens');
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENS, `help-${name}.png`), fullPage: true });

test.use({ harnessOptions: { clients: 40, seed: 3, synced: true } });
test.beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

for (const lang of ['ru', 'en'] as const) {
  const T = {
    ru: { count: '15 вопросов', model: 'Партнёр', yours: 'по модели «партнёр»', search: 'White Label', support: '24/7' },
    en: { count: '15 questions', model: 'Partner', yours: 'under the partner model', search: 'White Label', support: '24/7' },
  }[lang];

  test(`help: the fifteen documented questions, links, and pricing by the partner's model (${lang})`, async ({ page, harness: h }) => {
    await page.goto(h.appUrl);
    await setLang(page, lang);
    // The partner's name and model beside the app's name; the model opens the pricing answer.
    await expect(page.getByTestId('partner-name')).toContainText('ООО «Демо Партнёр»');
    await expect(page.getByTestId('partner-model')).toHaveText(T.model);
    await page.getByTestId('partner-model').click();
    const pricing = page.getByTestId('help-pricing');
    await expect(pricing).toHaveAttribute('open', '');
    await expect(pricing.locator('p').first()).toContainText(T.yours);
    await expect(pricing.getByTestId('help-link')).toHaveAttribute('href', 'https://cloud.vk.com/pricelist');
    await expect(page.getByTestId('help-count')).toHaveText(T.count);
    await expect(page.locator('.pt-faq details')).toHaveCount(15);
    await shot(page, `faq-${lang}`);
    // The documented addresses.
    await page.getByTestId('help-become').locator('summary').click();
    await expect(page.getByTestId('help-become').getByTestId('help-link').first()).toHaveAttribute('href', 'https://cloud.vk.com/partner/');
    await page.getByTestId('help-tools').locator('summary').click();
    await expect(page.getByTestId('help-tools').getByTestId('help-link')).toHaveAttribute('href', 'https://cloud.vk.com/partner/app/');
    await page.getByTestId('help-no_answer').locator('summary').click();
    await expect(page.getByTestId('help-no_answer').getByTestId('help-link')).toHaveAttribute('href', 'mailto:partner@mcs.mail.ru');
    // Searchable in the language shown; an old deep link lands on the answer that replaced it.
    await page.getByTestId('help-search').fill(T.search);
    await expect(page.locator('.pt-faq details')).toHaveCount(1);
    await expect(page.getByTestId('help-white_label')).toBeVisible();
    await page.getByTestId('help-search').fill(T.support);
    await expect(page.getByTestId('help-support')).toBeVisible();
    await page.getByTestId('help-search').fill('');
    await page.evaluate(() => (location.hash = '#/help/topup'));
    await expect(page.getByTestId('help-debt')).toHaveAttribute('open', '');
  });
}

test('become a partner with no platform connected: nothing posted, the program page and the letter to the partner mailbox', async ({ page }) => {
  mkdirSync(SCREENS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'pd-e2e-apply-'));
  const server = await startWebServer({ port: 0, dataDir: join(dir, 'app'), rendererDir: join(import.meta.dirname, '..', '..', 'out', 'renderer'), connection: null, version: 'e2e', autoSync: false });
  try {
    await page.goto(`${server.url}/?token=${server.token}#/apply`);
    for (const lang of ['ru', 'en'] as const) {
      const T = { ru: { phone: 'Телефон: +7 900 123-45-67', subject: 'Заявка на партнёрство' }, en: { phone: 'Phone: +7 900 123-45-67', subject: 'Partner application' } }[lang];
      await setLang(page, lang);
      await expect(page.getByTestId('page-apply')).toBeVisible();
      await page.locator('#apply-name').fill('Анна Смирнова');
      await page.locator('#apply-email').fill('anna@integrator.ru');
      await page.locator('#apply-phone').fill('+7 900 123-45-67');
      await page.locator('#apply-company').fill('ООО «Интегратор»');
      await page.getByTestId('apply-submit').click();
      const letter = page.getByTestId('apply-letter');
      await expect(letter).toBeVisible();
      await expect(page.getByTestId('apply-sent')).toHaveCount(0);
      const text = await page.getByTestId('apply-letter-text').inputValue();
      expect(text).toContain(T.subject);
      expect(text).toContain(T.phone);
      expect(text).toContain('anna@integrator.ru');
      await expect(page.getByTestId('apply-program')).toHaveAttribute('href', 'https://cloud.vk.com/partner/');
      await expect(page.getByTestId('apply-mailto')).toHaveAttribute('href', /^mailto:partner@mcs\.mail\.ru\?subject=/);
      await shot(page, `apply-letter-${lang}`);
      await letter.getByRole('button', { name: lang === 'ru' ? 'Изменить заявку' : 'Change the application' }).click();
      await expect(page.getByTestId('apply-form')).toBeVisible();
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
