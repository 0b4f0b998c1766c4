/** Settings end to end: translated validation, preferences saved and kept, the token never shown back. */
import { expect, test } from '../support/fixtures';

test.use({ harnessOptions: { clients: 30, seed: 5 } });

test('validation messages are translated; preferences are saved and survive a reload', async ({ page, harness: h }) => {
  await page.goto(h.appUrl);
  await page.getByTestId('lang-ru').click();
  await page.getByTestId('nav-settings').click();

  await page.getByTestId('conn-custom').check();
  await page.getByTestId('conn-url').fill('ftp://example');
  await page.getByTestId('conn-save').click();
  await expect(page.getByTestId('connection-form').locator('.field-error').first()).toHaveText('Введите адрес, начинающийся с https://');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('conn-save').click();
  await expect(page.getByTestId('connection-form').locator('.field-error').first()).toHaveText('Enter an address starting with https://');
  await expect(page.getByTestId('conn-token')).toHaveAttribute('type', 'password');
  await expect(page.getByTestId('conn-token')).toHaveValue('');

  await page.getByTestId('prefs-interval').fill('0');
  await page.getByTestId('prefs-save').click();
  await expect(page.getByTestId('prefs-form').locator('.field-error')).toHaveText('Too small');
  await page.getByTestId('prefs-interval').fill('15');
  await page.getByTestId('prefs-ledger').fill('6');
  await page.getByTestId('prefs-save').click();
  await expect(page.getByTestId('prefs-form').getByRole('status')).toHaveText('Saved');

  await page.reload();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('prefs-interval')).toHaveValue('15');
  await expect(page.getByTestId('prefs-ledger')).toHaveValue('6');
  await expect(page.getByTestId('prefs-language')).toHaveValue('en');
  // The demo connection is still the one in use (the invalid custom address was never sent).
  await expect(page.getByTestId('conn-demo')).toBeChecked();
});
