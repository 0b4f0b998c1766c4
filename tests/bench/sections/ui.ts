/**
 * What a person feels, measured in Debian Chromium (playwright-core, /usr/bin/chromium, the flags
 * of playwright.config.ts) through browser mode over the synced cache of the bench (N clients):
 * - ui_first_row_ms: a reload until the first client row is on screen (median of 3, after a warm load);
 * - ui_search_to_row_p50/p95_ms: a keystroke in the search box until the first row of that search
 *   (known from clients.rows over RPC) is on screen, for every keystroke of a few searches typed
 *   one character at a time;
 * - ui_scroll_max_frame_ms: the longest frame while wheel-scrolling the whole list (300 wheel
 *   events of 12,000 px, one a frame), the p99 frame and how many frames took over two (34 ms):
 *   ui_scroll_long_frames;
 * - ui_heap_load_mb / ui_heap_mb: the page's JS heap after load / after scrolling, what stays after a
 *   garbage collection (CDP HeapProfiler.collectGarbage, then performance.memory, precise);
 *   ui_heap_uncollected_mb: the most it held before those collections (garbage included);
 * - ui_lang_switch_ms: a click on the other language until the table header says it;
 * - ui_select_all_ms: a click on "select all" until the bulk bar counts every matching client.
 * Times are taken in the page (performance.now at the input event, then at the first animation
 * frame that shows the result). Needs the built renderer (npx electron-vite build).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startWebServer } from '../../../electron/web/server';
import type { BenchContext } from '../run';

const root = resolve(import.meta.dirname, '..', '..', '..');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'];

/** In the page: input times, the first row's arrival, a frame clock. */
const PROBE = `
window.__bench = { input: 0, firstRowAt: 0, frames: [] };
addEventListener('keydown', () => (window.__bench.input = window.__bench.keyAt = performance.now()), true);
// A character off the US layout (Cyrillic, «) is typed as inserted text, with no keydown: its input starts here.
addEventListener('beforeinput', () => {
  const now = performance.now();
  if (!(now - (window.__bench.keyAt ?? -1e9) < 100)) window.__bench.input = now;
}, true);
addEventListener('pointerdown', () => (window.__bench.input = performance.now()), true);
new MutationObserver((_, obs) => {
  if (document.querySelector('[data-testid="client-row"]')) {
    obs.disconnect();
    requestAnimationFrame(() => (window.__bench.firstRowAt = performance.now()));
  }
}).observe(document, { childList: true, subtree: true });
// Resolves at the first frame where cond() holds, to ms since the last input event.
window.__bench.until = (src, timeout) => new Promise((res, rej) => {
  const test = new Function('return (' + src + ');');
  const t0 = performance.now();
  const tick = () => {
    if (test()) return res(performance.now() - window.__bench.input);
    if (performance.now() - t0 > timeout) return rej(new Error('not within ' + timeout + ' ms: ' + src));
    requestAnimationFrame(tick);
  };
  tick();
});
// Records every frame's length from now on.
window.__bench.clock = () => {
  const b = window.__bench;
  b.frames = [];
  let last = performance.now();
  const tick = (t) => {
    b.frames.push(t - last);
    last = t;
    if (b.frames.length < 100000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};
`;

type Bench = { input: number; keyAt?: number; firstRowAt: number; frames: number[]; until(src: string, timeoutMs: number): Promise<number>; clock(): void };
declare global {
  interface Window {
    __bench: Bench;
  }
}

/** Resolves in the page, at the first frame where `cond` holds, to ms since the last input event. */
function untilFrame(page: Page, cond: string, timeoutMs = 10_000): Promise<number> {
  return page.evaluate(`window.__bench.until(${JSON.stringify(cond)}, ${timeoutMs})`);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

export default async function ui(ctx: BenchContext): Promise<Record<string, number | string>> {
  const rendererDir = join(root, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('the renderer is not built: run `npx electron-vite build` first');
  if (!CHROMIUM) throw new Error('no Chromium at /usr/bin/chromium');
  const server = await startWebServer({
    port: 0,
    dataDir: ctx.dataDir,
    rendererDir,
    connection: { kind: 'custom', url: ctx.platform.url, token: ctx.platform.token },
    version: 'bench',
    autoSync: false,
  });
  const rpc = async <T>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/rpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Partner-Desk-Token': server.token, Origin: server.url },
      body: JSON.stringify({ method, input }),
    });
    const body = (await res.json()) as { ok: boolean; result: T; error?: unknown };
    if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
    return body.result;
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const out: Record<string, number | string> = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(PROBE);
    const row = '[data-testid="client-row"]';

    // ---- reload to the first row ----
    await page.goto(`${server.url}/?token=${server.token}#/clients`);
    await page.waitForSelector(row, { timeout: 60_000 });
    const firsts: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await page.waitForSelector(row, { timeout: 60_000 });
      await page.waitForFunction(() => window.__bench.firstRowAt > 0);
      firsts.push(await page.evaluate(() => window.__bench.firstRowAt));
    }
    out.ui_first_row_ms = Math.round(pct(firsts, 50));
    const cdp = await page.context().newCDPSession(page);
    const usedHeap = () => page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
    /** The heap as it is (garbage included), then what a collection leaves. */
    const heap = async () => {
      const before = await usedHeap();
      await cdp.send('HeapProfiler.collectGarbage');
      return { before, after: await usedHeap() };
    };
    const heapLoad = await heap();

    // ---- search as you type ----
    const sample = await rpc<{ rows: { name: string | null; email: string }[] }>('clients.rows', { offset: 4321 % ctx.clients, limit: 5, sort: { column: 'email', dir: 'asc' } });
    const words = sample.rows.map((r, i) => (i % 2 && r.name ? r.name.split(/\s+/).slice(-1)[0]! : r.email.split('@')[0]!).slice(0, 7).toLowerCase());
    const search = page.getByTestId('clients-search');
    const lat: number[] = [];
    const typed: string[] = [];
    for (const w of words) {
      await search.fill('');
      await page.waitForTimeout(300);
      for (let i = 1; i <= w.length; i++) {
        const q = w.slice(0, i);
        const want = await rpc<{ rows: { id: string }[] }>('clients.rows', { search: q, limit: 1, sort: { column: 'name', dir: 'asc' } });
        await page.keyboard.type(w[i - 1]!);
        const id = want.rows[0]?.id;
        const cond = id
          ? `document.querySelector('[data-testid="client-row"]')?.getAttribute('data-id') === ${JSON.stringify(id)} && document.querySelector('[data-testid="clients-search"]').value === ${JSON.stringify(q)}`
          : `!document.querySelector('[data-testid="client-row"]')`;
        lat.push(await untilFrame(page, cond));
        typed.push(q);
      }
    }
    const slow = lat.map((ms, i) => ({ ms, q: typed[i] })).sort((a, b) => b.ms - a.ms).slice(0, 5);
    ctx.log(`ui: the slowest keystrokes to their row: ${slow.map((x) => `${JSON.stringify(x.q)} ${r1(x.ms)} ms`).join(', ')}`);
    out.ui_search_to_row_p50_ms = r1(pct(lat, 50));
    out.ui_search_to_row_p95_ms = r1(pct(lat, 95));
    out.ui_search_keystrokes = lat.length;
    await search.fill('');
    await page.waitForSelector(row);

    // ---- wheel-scrolling the whole list ----
    const box = await page.getByTestId('clients-table').boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate('window.__bench.clock()');
    for (let i = 0; i < 300; i++) {
      await page.mouse.wheel(0, 12_000);
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(1000);
    const frames = (await page.evaluate(() => window.__bench.frames)).slice(2);
    out.ui_scroll_max_frame_ms = r1(Math.max(...frames));
    out.ui_scroll_p99_frame_ms = r1(pct(frames, 99));
    out.ui_scroll_long_frames = frames.filter((ms) => ms > 34).length;
    out.ui_scroll_frames = frames.length;
    const heapScroll = await heap();
    out.ui_heap_load_mb = r1(heapLoad.after / 2 ** 20);
    out.ui_heap_mb = r1(Math.max(heapLoad.after, heapScroll.after) / 2 ** 20);
    out.ui_heap_uncollected_mb = r1(Math.max(heapLoad.before, heapScroll.before) / 2 ** 20);

    // ---- language switch ----
    const lang = await page.evaluate(() => document.documentElement.lang);
    const other = lang === 'ru' ? 'en' : 'ru';
    const header = await page.getByTestId('sort-name').textContent();
    await page.getByTestId(`lang-${other}`).click();
    out.ui_lang_switch_ms = r1(
      await untilFrame(page, `document.documentElement.lang === '${other}' && document.querySelector('[data-testid="sort-name"]').textContent !== ${JSON.stringify(header)}`),
    );

    // ---- select all ----
    await page.evaluate(() => scrollTo(0, 0));
    await page.getByTestId('clients-table').evaluate((el) => el.querySelector('.table-scroll')?.scrollTo(0, 0));
    await page.getByTestId('select-all').click();
    const digits = String(ctx.clients);
    out.ui_select_all_ms = r1(
      await untilFrame(page, `(document.querySelector('[data-testid="bulk-count"]')?.textContent ?? '').replace(/\\D/g, '') === '${digits}'`),
    );
    ctx.log(
      `ui: first row ${out.ui_first_row_ms} ms (reloads ${firsts.map(Math.round).join('/')}), keystroke to row p50 ${out.ui_search_to_row_p50_ms} / p95 ${out.ui_search_to_row_p95_ms} ms over ${lat.length} keystrokes, scroll worst frame ${out.ui_scroll_max_frame_ms} ms (p99 ${out.ui_scroll_p99_frame_ms}, ${out.ui_scroll_long_frames} of ${frames.length} over 34 ms), heap ${out.ui_heap_load_mb} → ${out.ui_heap_mb} MB after a collection (${out.ui_heap_uncollected_mb} MB at most before), language ${out.ui_lang_switch_ms} ms, select all ${out.ui_select_all_ms} ms`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
