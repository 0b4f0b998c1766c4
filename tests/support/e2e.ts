/** Small helpers of the browser-mode e2e specs: the app's RPC as the page calls it, the language switch. */
import { expect, type Page } from '@playwright/test';
import type { WebHarness } from './web';

/** Calls the app's RPC over browser mode's /rpc, as the page does (token and same origin). */
export async function harnessRpc<T>(h: WebHarness, method: string, input: unknown): Promise<T> {
  const res = await fetch(`${h.serverUrl}/rpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Partner-Desk-Token': h.serverToken, Origin: h.serverUrl },
    body: JSON.stringify({ method, input }),
  });
  const body = (await res.json()) as { ok: boolean; result: T; error?: unknown };
  if (!body.ok) throw new Error(JSON.stringify(body.error));
  return body.result;
}

/** Switches the language from the header and waits until the page says so. */
export async function setLang(page: Page, lang: 'ru' | 'en'): Promise<void> {
  await page.getByTestId(`lang-${lang}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}
