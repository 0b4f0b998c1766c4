/**
 * Where the long frames of wheel-scrolling the client list go, over a cache kept by
 * `npm run bench -- --keep-cache FILE` (needs the built renderer: npx electron-vite build):
 *   npx tsx tests/bench/scroll-frames.ts FILE --clients 100000 [--profile] [--renderer DIR] [--repeat N]
 * Scrolls the whole list as the bench's ui section does (300 wheel events of 12,000 px, one a
 * frame) and prints every frame over 34 ms as Chromium's long-animation-frame entries tell it
 * (script, style and layout, the scripts by function), the frame clock's p99 and worst, and with
 * --profile the JS functions that took the most time over the whole scroll (CDP Profiler).
 * --renderer serves another build of the renderer (an A/B against another checkout's out/renderer).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startWebServer } from '../../electron/web/server';
import { startChildPlatform } from './platform';
import { args, opt, runMain } from './main';

const root = resolve(import.meta.dirname, '..', '..');
const file = args[0];
const clients = Number(opt('clients', '10000'));
const LONG = 34;
const r1 = (x: number) => Math.round(x * 10) / 10;

const PROBE = `
window.__frames = { list: [], loaf: [], rpc: 0 };
const realFetch = window.fetch;
window.fetch = (...a) => { if (String(a[0]).startsWith('/rpc')) window.__frames.rpc++; return realFetch(...a); };
new PerformanceObserver((l) => {
  for (const e of l.getEntries()) {
    window.__frames.loaf.push({
      start: e.startTime, duration: e.duration, renderStart: e.renderStart, styleAndLayoutStart: e.styleAndLayoutStart,
      blocking: e.blockingDuration,
      scripts: e.scripts.map((s) => ({ invoker: s.invoker, type: s.invokerType, duration: s.duration, fn: s.sourceFunctionName, forcedLayout: s.forcedStyleAndLayoutDuration })),
    });
  }
}).observe({ type: 'long-animation-frame', buffered: false });
window.__frames.clock = () => {
  let last = performance.now();
  const tick = (t) => { window.__frames.list.push({ at: last, ms: t - last }); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
};
`;

interface Loaf {
  start: number;
  duration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  blocking: number;
  scripts: { invoker: string; type: string; duration: number; fn: string; forcedLayout: number }[];
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function main() {
  if (!file || file.startsWith('--')) throw new Error('usage: npx tsx tests/bench/scroll-frames.ts FILE --clients N [--profile]');
  const rendererDir = resolve(opt('renderer', join(root, 'out', 'renderer')));
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('the renderer is not built: run `npx electron-vite build` first');
  const work = mkdtempSync(join(tmpdir(), 'pd-scroll-'));
  const platform = await startChildPlatform({ clients, seed: Number(opt('seed', '1')), dataDir: join(work, 'platform') });
  const dataDir = join(work, 'app');
  mkdirSync(dataDir);
  copyFileSync(file, join(dataDir, 'cache.sqlite'));
  const server = await startWebServer({
    port: 0,
    dataDir,
    rendererDir,
    connection: { kind: 'custom', url: platform.url, token: platform.token },
    version: 'bench',
    autoSync: false,
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(PROBE);
    await page.goto(`${server.url}/?token=${server.token}#/clients`);
    await page.waitForSelector('[data-testid="client-row"]', { timeout: 60_000 });
    await page.waitForTimeout(1500);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => new Map(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
    const m0 = await metrics();
    const rpc0 = (await page.evaluate('window.__frames.rpc')) as number;
    const profile = args.includes('--profile');
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await cdp.send('Profiler.start');
    }
    const box = await page.getByTestId('clients-table').boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate('window.__frames.clock()');
    for (let i = 0; i < 300; i++) {
      await page.mouse.wheel(0, 12_000);
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(1000);
    const m1 = await metrics();
    // What is on screen at the end: the rows of the list's end, loaded (not skeletons).
    const end = (await page.evaluate(
      `(() => { const r = [...document.querySelectorAll('[data-testid="client-row"]')]; return { rows: r.length, last: r.at(-1)?.getAttribute('aria-rowindex') ?? null, of: document.querySelector('[data-testid="clients-table"]').getAttribute('aria-rowcount') }; })()`,
    )) as { rows: number; last: string | null; of: string };
    console.log(`after the scroll: ${end.rows} loaded rows on screen, the last at aria-rowindex ${end.last} of ${end.of}`);
    const d = (k: string) => r1(((m1.get(k) ?? 0) - (m0.get(k) ?? 0)) * 1000);
    const rpc = ((await page.evaluate('window.__frames.rpc')) as number) - rpc0;
    console.log(
      `main thread while scrolling: tasks ${d('TaskDuration')} ms, script ${d('ScriptDuration')} ms, style ${d('RecalcStyleDuration')} ms, layout ${d('LayoutDuration')} ms; ${rpc} RPC calls`,
    );
    const got = (await page.evaluate('({ list: window.__frames.list, loaf: window.__frames.loaf })')) as { list: { at: number; ms: number }[]; loaf: Loaf[] };
    const frames = got.list.slice(2);
    const sorted = frames.map((f) => f.ms).sort((a, b) => a - b);
    console.log(
      `frames ${frames.length}, worst ${r1(sorted.at(-1) ?? NaN)} ms, p99 ${r1(sorted[Math.floor(0.99 * sorted.length)] ?? NaN)} ms, over ${LONG} ms: ${sorted.filter((x) => x > LONG).length}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`,
    );
    for (const l of got.loaf.filter((x) => x.duration > LONG)) {
      const script = l.scripts.reduce((a, s) => a + s.duration, 0);
      const style = l.styleAndLayoutStart ? l.start + l.duration - l.styleAndLayoutStart : 0;
      const render = l.renderStart ? l.start + l.duration - l.renderStart : 0;
      console.log(
        `  long frame at ${r1(l.start)}: ${r1(l.duration)} ms (scripts ${r1(script)}, render phase ${r1(render)} of which style+layout ${r1(style)}): ${l.scripts
          .map((s) => `${s.type}:${s.invoker}${s.fn ? `(${s.fn})` : ''} ${r1(s.duration)}${s.forcedLayout ? ` forced layout ${r1(s.forcedLayout)}` : ''}`)
          .join('; ')}`,
      );
    }
    if (profile) {
      const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
      const self = new Map<number, number>();
      p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
      const byFn = new Map<string, number>();
      for (const n of p.nodes) {
        const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
        byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0) / 1000);
      }
      const total = [...byFn.values()].reduce((a, b) => a + b, 0);
      console.log(`profile: ${r1(total)} ms sampled; the most self time:`);
      for (const [k, ms] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${r1(ms)} ms  ${k}`);
      // Inclusive time per function (a function on the stack twice counts once).
      const byId = new Map(p.nodes.map((n) => [n.id, n]));
      const incl = new Map<string, number>();
      const walk = (id: number, onStack: Set<string>): number => {
        const n = byId.get(id)!;
        const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
        const fresh = !onStack.has(key);
        if (fresh) onStack.add(key);
        let t = (self.get(id) ?? 0) / 1000;
        for (const c of n.children ?? []) t += walk(c, onStack);
        if (fresh) {
          onStack.delete(key);
          incl.set(key, (incl.get(key) ?? 0) + t);
        }
        return t;
      };
      walk(p.nodes[0]!.id, new Set());
      console.log('the most time including callees:');
      for (const [k, ms] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`  ${r1(ms)} ms  ${k}`);
    }
  } finally {
    await browser.close();
    await server.close();
    await platform.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

runMain(main);
