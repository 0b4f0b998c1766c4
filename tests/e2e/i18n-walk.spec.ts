/**
 * Walks every screen in both languages at 1280×800: fails on a raw key on screen ('ns:key' or
 * 'a.b.c'), and on a clipped label (scrollWidth > clientWidth on buttons, column headers, nav
 * items, badges, chips, tabs). Saves a screenshot of each screen.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { NAMESPACES } from '../../shared/i18n';

const SCREENS = join(import.meta.dirname, '..', 'artifacts', 'screens');
test.use({ harnessOptions: { clients: 120, seed: 3 } });
test.beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

interface Finding {
  kind: 'raw-key' | 'clipped';
  text: string;
  where: string;
}

async function inspect(page: Page): Promise<Finding[]> {
  return page.evaluate((namespaces: string[]) => {
    const out: { kind: 'raw-key' | 'clipped'; text: string; where: string }[] = [];
    const rawDotted = /^[a-z]+(\.[a-zA-Z_]+)+$/;
    const rawNs = new RegExp(`^(${namespaces.join('|')}):[A-Za-z0-9_.]+$`);
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')}`;
    const isRaw = (s: string) => rawDotted.test(s) || rawNs.test(s);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const s = (n.textContent ?? '').trim();
      if (s && isRaw(s)) out.push({ kind: 'raw-key', text: s, where: describe(n.parentElement ?? document.body) });
    }
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      for (const a of ['placeholder', 'title', 'aria-label']) {
        const v = el.getAttribute(a)?.trim();
        if (v && isRaw(v)) out.push({ kind: 'raw-key', text: v, where: `${describe(el)}[${a}]` });
      }
    }
    const labels = document.querySelectorAll(
      // Numbers and money in the client list (.cell-end) must never be cut either.
      'button, [role="columnheader"], [role="tab"], .nav-item, .badge, .chip, th, label, legend, .sort-label, .cell-end, .count',
    );
    for (const el of labels) {
      const h = el as HTMLElement;
      if (!h.offsetParent || h.clientWidth === 0) continue;
      if (h.scrollWidth > h.clientWidth + 1) out.push({ kind: 'clipped', text: (h.innerText || '').trim().slice(0, 60), where: describe(h) });
    }
    return out;
  }, [...NAMESPACES]);
}

async function settle(page: Page) {
  await expect(page.locator('.state-loading')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Screens beyond the nav items: the client page, settings with errors shown, pages opened by address. */
const EXTRA_SCREENS: { name: string; open(page: Page): Promise<void> }[] = [
  {
    name: 'client',
    async open(page) {
      await page.getByTestId('nav-clients').click();
      await page.getByTestId('client-row').first().click();
      await expect(page).toHaveURL(/#\/client\//);
    },
  },
  {
    name: 'settings-errors',
    async open(page) {
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('conn-custom').check();
      await page.getByTestId('conn-save').click();
      await expect(page.locator('.field-error').first()).toBeVisible();
    },
  },
  {
    name: 'apply',
    async open(page) {
      await page.evaluate(() => (location.hash = '#/apply'));
    },
  },
];

for (const lang of ['ru', 'en'] as const) {
  test(`every screen in ${lang}: no raw keys, no clipped labels`, async ({ page, harness: h }) => {
    await page.goto(h.appUrl);
    await page.getByTestId(`lang-${lang}`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    const problems: string[] = [];
    // Every screen the navigation offers (whatever the features have added), then the extras.
    const navIds = await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    expect(navIds.length).toBeGreaterThanOrEqual(4);
    const screens = [
      ...navIds.map((id) => ({ name: id.replace(/^nav-/, ''), open: (p: Page) => p.getByTestId(id).click() })),
      ...EXTRA_SCREENS,
    ];
    for (const s of screens) {
      await s.open(page);
      await settle(page);
      await page.screenshot({ path: join(SCREENS, `walk-${s.name}-${lang}.png`) });
      for (const f of await inspect(page)) problems.push(`${s.name} ${f.kind} "${f.text}" at ${f.where}`);
    }
    expect(problems).toEqual([]);
  });
}

test('the walk notices a raw key and a clipped label', async ({ page, harness: h }) => {
  await page.goto(h.appUrl);
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.style.cssText = 'width:40px;overflow:hidden;white-space:nowrap';
    b.textContent = 'A label far too long for its button';
    const s = document.createElement('span');
    s.textContent = 'clients:missing.key';
    document.querySelector('.page-head')?.append(b, s);
  });
  const found = await inspect(page);
  expect(found.some((f) => f.kind === 'clipped' && f.text.startsWith('A label far'))).toBe(true);
  expect(found.some((f) => f.kind === 'raw-key' && f.text === 'clients:missing.key')).toBe(true);
});
