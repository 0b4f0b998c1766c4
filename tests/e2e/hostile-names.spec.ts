/**
 * Client names from the platform are inert, isolated text in Chromium: a name that is HTML with an
 * onerror handler, and a name with a right-to-left override (U+202E), seeded into the demo
 * platform's data, show as their literal text on the client list, the client page and Home — no
 * element is created, no script runs — and each sits in its own <bdi>, so its direction cannot
 * reorder the neighbouring cells' text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { clientId } from '../../electron/demo-platform/db';
import { harnessRpc } from '../support/e2e';
import { seedPlatformData, startWebHarness, type WebHarness } from '../support/web';

const XSS = '<img src=x onerror=window.__pwned=1>';
const RLO = 'Acme \u202Egnp.exe Ltd';
const OPTS = { clients: 60, seed: 13 };

interface Seeded {
  xss: { id: string; email: string };
  rlo: { id: string; email: string };
}

let dir: string;
let platformFile: string;
let seeded: Seeded;

/** Seeds the platform's data, then names its two biggest consumers of this month with the hostile names. */
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pd-e2e-hostile-'));
  platformFile = await seedPlatformData(OPTS, join(dir, 'platform'));
  const db = new Database(platformFile);
  try {
    const monthStart = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1) + 86_400_000;
    const top = db
      .prepare(
        `SELECT c.n, c.email FROM clients c JOIN transactions t ON t.client_n = c.n
         WHERE t.kind = 0 AND t.at_ms >= ? GROUP BY c.n ORDER BY SUM(t.amount) DESC LIMIT 2`,
      )
      .all(monthStart) as { n: number; email: string }[];
    expect(top).toHaveLength(2);
    const rename = db.prepare('UPDATE clients SET name = ? WHERE n = ?');
    rename.run(XSS, top[0]!.n);
    rename.run(RLO, top[1]!.n);
    seeded = {
      xss: { id: clientId(top[0]!.n), email: top[0]!.email },
      rlo: { id: clientId(top[1]!.n), email: top[1]!.email },
    };
  } finally {
    db.close();
  }
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function synced(h: WebHarness): Promise<void> {
  await expect
    .poll(async () => (await harnessRpc<{ lastSyncedAt: string | null; running: boolean }>(h, 'sync.status', {})).lastSyncedAt !== null, {
      timeout: 60_000,
    })
    .toBe(true);
}

/** Nothing ran and no element came from a name. */
async function inert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
}

/** `el` is a <bdi> (or dir=auto) holding exactly `text`. */
async function isolated(el: ReturnType<Page['locator']>, text: string): Promise<void> {
  await expect(el).toHaveText(text, { useInnerText: false });
  const how = await el.evaluate((e) => ({ tag: e.tagName.toLowerCase(), dir: e.getAttribute('dir') }));
  expect(how.tag === 'bdi' || how.dir === 'auto').toBe(true);
}

test('hostile client names render as inert, isolated text on the list, the client page and Home', async ({ page }) => {
  const h = await startWebHarness({ ...OPTS, platformData: platformFile });
  try {
    await synced(h);
    await page.goto(h.appUrl);
    for (const [c, name] of [
      [seeded.xss, XSS],
      [seeded.rlo, RLO],
    ] as const) {
      await page.getByTestId('clients-search').fill(c.email);
      const row = page.locator(`[data-testid="client-row"][data-id="${c.id}"]`);
      await expect(row).toBeVisible();
      const nameEl = row.getByTestId('client-name-cell');
      const emailEl = row.getByTestId('client-email-cell');
      await isolated(nameEl, name);
      await isolated(emailEl, c.email);
      // The neighbouring cell keeps its text and its place: the name's cell ends where the email's begins or before.
      const [nb, eb] = [await nameEl.locator('xpath=..').boundingBox(), await emailEl.locator('xpath=..').boundingBox()];
      expect(nb!.x + nb!.width).toBeLessThanOrEqual(eb!.x + 1);
      expect(await emailEl.evaluate((e) => e.parentElement!.textContent)).toBe(c.email);
      await inert(page);

      // The client page.
      await row.click();
      await expect(page.getByTestId('client-page')).toBeVisible();
      await isolated(page.getByTestId('client-name').locator('bdi'), name);
      await expect(page.getByTestId('client-name')).toHaveText(name, { useInnerText: false });
      await inert(page);
      await page.getByTestId('back').click();
    }

    // Home: both are this month's biggest consumers, in the top list.
    await page.getByTestId('nav-home').click();
    const top = page.getByTestId('home-top');
    await expect(top.locator('tbody tr')).not.toHaveCount(0);
    for (const name of [XSS, RLO]) {
      const cell = top.locator('.home-name-link bdi').filter({ hasText: name });
      await expect(cell).toHaveCount(1);
      await isolated(cell, name);
    }
    await inert(page);
  } finally {
    await h.stop();
  }
});
