/**
 * The app's one Content-Security-Policy holds in Chromium: the page is served with exactly the
 * policy of electron/host/security.ts, carries no second (meta) policy, and a walk of the main
 * screens — Home with its chart, every navigation item, a client page, the row menu, a
 * confirmation dialog, the date picker, Settings — raises no `securitypolicyviolation` event.
 * The listener is installed before any page script runs; a control case proves it sees violations.
 */
import { type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { CSP } from '../../electron/host/security';

test.use({ harnessOptions: { clients: 120, seed: 3, synced: true } });

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  /** Script and line that caused it, and the screen. */
  src: string;
  at: string;
}

/** Records every CSP violation of the page (and its console's CSP messages) from the first script on. */
async function watchViolations(page: Page): Promise<{ console: string[] }> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: Violation[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, src: e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber, at: location.hash });
    });
  });
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  return { console };
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp);

test('the page is served with the one policy and no meta policy', async ({ page, harness: h }) => {
  const res = await page.goto(h.startUrl);
  expect(res?.headers()['content-security-policy']).toBe(CSP);
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.locator('meta[http-equiv="Content-Security-Policy" i]')).toHaveCount(0);
});

test('a walk of the main screens raises no CSP violation', async ({ page, harness: h }) => {
  const seen = await watchViolations(page);
  await page.goto(h.startUrl);
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.locator('.uplot canvas').first()).toBeVisible();

  const navIds = await page
    .locator('[data-testid^="nav-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  expect(navIds.length).toBeGreaterThanOrEqual(4);
  for (const id of navIds) {
    await page.getByTestId(id).click();
    await expect(page.locator('.state-loading')).toHaveCount(0);
  }

  // The client list, its row menu (a react-aria popover) and a confirmation (a react-aria modal).
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('filter-status-active').click();
  const row = page.getByTestId('client-row').first();
  await expect(row).toBeVisible();
  await row.getByTestId('row-menu').click();
  await expect(page.getByRole('menu')).toBeVisible();
  await page.getByRole('menu').getByTestId('row-action-block').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);

  // A client page.
  await page.getByTestId('client-row').first().click();
  await expect(page).toHaveURL(/#\/client\//);
  await expect(page.locator('.state-loading')).toHaveCount(0);

  // The client's balance period: the date picker (a react-aria calendar in a popover).
  await page.getByTestId('period-from-pick').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  // Pages opened by address.
  for (const hash of ['#/alerts', '#/help', '#/apply']) {
    await page.evaluate((h) => (location.hash = h), hash);
    await expect(page.locator('.state-loading')).toHaveCount(0);
  }

  // Settings, in the other language too.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('lang-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('nav-home').click();
  await expect(page.locator('.uplot canvas').first()).toBeVisible();

  expect(await violations(page)).toEqual([]);
  expect(seen.console).toEqual([]);
});

test('the listener sees a violation (control)', async ({ page, harness: h }) => {
  await watchViolations(page);
  await page.goto(h.startUrl);
  await expect(page.getByTestId('home')).toBeVisible();
  // An inline style attribute parsed from HTML is what the policy refuses.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div id="x" style="color:red">x</div>'));
  await expect.poll(async () => (await violations(page)).map((v) => v.directive)).toContain('style-src-attr');
});
