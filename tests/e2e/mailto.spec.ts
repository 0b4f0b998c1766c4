/**
 * mailto: links leave the app only when the app composed them: in Chromium, a click on a link to
 * another address (as platform text could carry) is cancelled by the page's link guard, while the
 * app's own letters (the partner mailbox, the top-up letter with no recipient) go through.
 */
import { type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

test.use({ harnessOptions: { clients: 20, seed: 5 } });

/** Clicks `selector` and tells whether the click's default action (opening the link) was cancelled. */
async function clickCancelled(page: Page, selector: string): Promise<boolean> {
  await page.evaluate(() => {
    const w = window as unknown as { __cancelled: boolean[] };
    w.__cancelled = [];
    // Last in the event's path: records what the page decided, then keeps the test's browser from
    // handing the link to a mail program.
    window.addEventListener(
      'click',
      (e) => {
        w.__cancelled.push(e.defaultPrevented);
        e.preventDefault();
      },
      { once: true },
    );
  });
  await page.locator(selector).first().click();
  return page.evaluate(() => (window as unknown as { __cancelled: boolean[] }).__cancelled[0]!);
}

test('a mailto: link to another address does nothing; the app’s own letters open', async ({ page, harness: h }) => {
  await page.goto(h.startUrl);
  await page.evaluate(() => (location.hash = '#/apply'));
  // The app's own link to the partner mailbox (the application page).
  await expect(page.locator('a[href="mailto:partner@mcs.mail.ru"]')).toBeVisible();
  expect(await clickCancelled(page, 'a[href="mailto:partner@mcs.mail.ru"]')).toBe(false);

  // Links as platform text could bring them, put into the page.
  await page.evaluate(() => {
    const add = (id: string, href: string) => {
      const a = document.createElement('a');
      a.id = id;
      a.href = href;
      a.textContent = id;
      document.body.prepend(a);
    };
    add('foreign', 'mailto:attacker@example.com?subject=Invoice');
    add('foreign-cc', 'mailto:partner@mcs.mail.ru?cc=attacker@example.com');
    add('foreign-case', 'MAILTO:Attacker@Example.com');
    add('top-up', 'mailto:?subject=Top-up&body=Please%20top%20up');
  });
  expect(await clickCancelled(page, '#foreign')).toBe(true);
  expect(await clickCancelled(page, '#foreign-cc')).toBe(true);
  expect(await clickCancelled(page, '#foreign-case')).toBe(true);
  expect(await clickCancelled(page, '#top-up')).toBe(false);
});
