/**
 * npm run bench -- --clients 100000 [--json] [--seed 1]
 * npm run bench -- --scale [--sizes 10000,100000,300000]   (each size in its own process, then the growth)
 * Figures, not pass/fail: the first sync of N clients and their whole ledger (window widened to
 * 120 months) by the core in a worker thread; the floor for the same pages in the same run; their
 * ratio, in wall time and in CPU time (the CPU ratio is what the machine's load does not bend);
 * the incremental sync after a simulated day (/__demo/tick) against the floor for the same pages;
 * the client-list query p50/p95/max (search + sort + 100 rows), wall and CPU; the worst stall of
 * this (relay) thread during the sync against an idle control process. Extra sections:
 * tests/bench/sections/*.ts, each exporting
 * `default async (ctx: BenchContext) => Record<string, number | string>`.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ledgerWindowStart } from '../../electron/core/sync/engine';
import { isoUtc } from '../../shared/domain/time';
import { startChildPlatform, type ChildPlatform } from './platform';
import { measureFloor, type FeedCursors } from './floor';
import { cpuMeter } from './cpu';
import { cursorsOf, phaseSeconds, timedSync } from './sync';
import { scaleTable } from './scale';
import { listFigures } from './list';
import { args, flag, opt, runMain } from './main';

export interface BenchContext {
  platform: ChildPlatform;
  /** The synced cache (the core is closed). */
  dataDir: string;
  cacheFile: string;
  clients: number;
  args: string[];
  log: (line: string) => void;
}

const N = Number(opt('clients', '10000'));
const SEED = Number(opt('seed', '1'));
const JSON_OUT = flag('json');
const log = (s: string) => {
  if (!JSON_OUT) console.log(s);
  else process.stderr.write(s + '\n');
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

async function main() {
  if (flag('scale')) return scaleTable(opt('sizes', '10000,100000,300000').split(',').map(Number), args, log, JSON_OUT);
  const work = mkdtempSync(join(tmpdir(), 'pd-bench-'));
  log(`Partner Desk bench: ${N} clients, seed ${SEED}`);
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, ${process.platform}/${process.arch}; load average ${loadavg().map(r2).join(' ')}`);
  const t = performance.now();
  const platform = await startChildPlatform({ clients: N, seed: SEED, dataDir: join(work, 'platform'), demoControls: true });
  log(`demo platform ready in ${r1((performance.now() - t) / 1000)} s at ${platform.url}`);
  const out: Record<string, number | string> = { clients: N };
  try {
    const info = (await (await fetch(platform.url + '/partner/api/v1/platform', { headers: { 'x-access-token': platform.token } })).json()) as { time_zone: string };
    const since = isoUtc(ledgerWindowStart(Date.now(), 120, info.time_zone));
    const pageSize = 1000;
    const concurrency = 8;

    // ---- the floor: measured before and after the sync (warm platform both times); the faster counts ----
    const floorRun = async (label: string, from?: FeedCursors) => {
      const meter = cpuMeter(platform.child.pid);
      const f = await measureFloor({ url: platform.url, token: platform.token, dir: work, since, pageSize, concurrency, ...(from ? { from } : {}) });
      const m = meter();
      for (const x of ['', '-wal', '-shm']) rmSync(join(work, 'floor.sqlite' + x), { force: true });
      log(
        `${label}: ${r2(f.ms / 1000)} s (clients ${r2(f.clientsMs / 1000)} s, projects ${r2(f.projectsMs / 1000)} s, ledger ${r2(f.transactionsMs / 1000)} s; ${f.clients} clients, ${f.transactions} ledger rows; CPU: this process ${r2(m.selfCpuMs / 1000)} s, platform ${r2(m.otherCpuMs / 1000)} s)`,
      );
      return { ...f, selfCpuMs: m.selfCpuMs, platformCpuMs: m.otherCpuMs };
    };
    const best = <T extends { ms: number }>(xs: T[]) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const floors = [await floorRun('floor')];

    // ---- the first sync, core in a worker, this thread only relays ----
    const dataDir = join(work, 'app');
    // A control: the same probe in an idle process of its own. If it stalls as long as this thread,
    // the stall is the machine's scheduling (other processes), not the relay's work.
    const control = spawn(
      process.execPath,
      [
        '-e',
        `const {monitorEventLoopDelay}=require('perf_hooks');const h=monitorEventLoopDelay({resolution:1});h.enable();
         process.stdin.on('data',()=>{process.stdout.write(String(h.max/1e6));process.exit(0)});process.stdout.write('ready\\n');`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    await new Promise<void>((r) => control.stdout.once('data', () => r()));
    const sync = await timedSync(platform, dataDir, { pageSize, concurrency, windowMonths: 120 });
    const controlMs = await new Promise<number>((resolve) => {
      let buf = '';
      control.stdout.on('data', (d: Buffer) => (buf += d.toString()));
      control.once('exit', () => resolve(Number(buf.trim())));
      control.stdin.write('x');
    });
    out.control_stall_max_ms = r1(controlMs);
    if (!flag('one-floor')) floors.push(await floorRun('floor again'));
    const floor = best(floors);
    log(`sync: ${r2(sync.ms / 1000)} s (${phaseSeconds(sync)}; ${sync.events} events relayed; CPU: this process ${r2(sync.selfCpuMs / 1000)} s, platform ${r2(sync.platformCpuMs / 1000)} s)`);
    out.sync_s = r2(sync.ms / 1000);
    out.floor_s = r2(floor.ms / 1000);
    out.sync_ratio = r2(sync.ms / floor.ms);
    out.sync_clients_s = r2(((sync.phases.projects ?? 0) - (sync.phases.clients ?? 0)) / 1000);
    out.floor_clients_s = r2(floor.clientsMs / 1000);
    // CPU: the app's side against the floor's side (each with the platform's share of the same pages).
    const floorCpu = Math.min(...floors.map((f) => f.selfCpuMs + f.platformCpuMs));
    out.sync_cpu_s = r2((sync.selfCpuMs + sync.platformCpuMs) / 1000);
    out.floor_cpu_s = r2(floorCpu / 1000);
    out.sync_cpu_ratio = r2((sync.selfCpuMs + sync.platformCpuMs) / floorCpu);
    out.sync_us_per_row = r2((sync.ms * 1000) / (floor.clients + floor.transactions));
    // After 'done': the list indexes and short-search counts a first fill still owes, and Home's figures.
    out.sync_search_ready_s = r2(sync.readyMs / 1000);
    out.sync_search_ready_ratio = r2(sync.readyMs / floor.ms);
    out.sync_search_ready_cpu_ratio = r2(sync.readyCpuMs / floorCpu);
    out.core_rss_mb = Math.round(sync.peakRssMb);
    out.relay_stall_max_ms = r1(sync.stallMs);
    out.relay_delay_p99_ms = r1(sync.delayP99Ms);
    log(`sync / floor: wall ${out.sync_ratio}, CPU ${out.sync_cpu_ratio}; peak RSS of the process holding the core ${out.core_rss_mb} MB`);
    log(
      `run ended (indexes built, Home's figures computed) at ${out.sync_search_ready_s} s: / floor wall ${out.sync_search_ready_ratio}, CPU ${out.sync_search_ready_cpu_ratio}`,
    );
    log(`relay thread during the sync: worst stall ${out.relay_stall_max_ms} ms, p99 ${out.relay_delay_p99_ms} ms; an idle control process on the same machine: worst ${out.control_stall_max_ms} ms`);

    // ---- the list query ----
    const cacheFile = join(dataDir, 'cache.sqlite');
    Object.assign(out, await listFigures(cacheFile, floor, log));
    const keep = opt('keep-cache', '');
    if (keep) copyFileSync(cacheFile, keep);

    // ---- the incremental sync: a simulated day on the platform, then the same pages by both ----
    if (!flag('no-incremental')) {
      const from = cursorsOf(dataDir);
      const tick = (await postOnce(platform.url + '/__demo/tick', platform.token, { days: 1 })) as { clients_changed: number; transactions: number };
      log(`tick (a simulated day): ${tick.clients_changed} clients changed (${r1((100 * tick.clients_changed) / N)} %), ${tick.transactions} ledger rows added`);
      const ifloors = [await floorRun('incremental floor', from)];
      const incr = await timedSync(platform, dataDir, { pageSize, concurrency, windowMonths: 120 });
      if (!flag('one-floor')) ifloors.push(await floorRun('incremental floor again', from));
      const ifloor = best(ifloors);
      const ifloorCpu = Math.min(...ifloors.map((f) => f.selfCpuMs + f.platformCpuMs));
      log(`incremental sync: ${r2(incr.ms / 1000)} s (${phaseSeconds(incr)}; CPU: this process ${r2(incr.selfCpuMs / 1000)} s, platform ${r2(incr.platformCpuMs / 1000)} s)`);
      out.incr_clients_changed_pct = r1((100 * tick.clients_changed) / N);
      out.incr_sync_s = r2(incr.ms / 1000);
      out.incr_floor_s = r2(ifloor.ms / 1000);
      out.incr_sync_ratio = r2(incr.ms / ifloor.ms);
      out.incr_sync_cpu_ratio = r2((incr.selfCpuMs + incr.platformCpuMs) / ifloorCpu);
      log(`incremental sync / floor: wall ${out.incr_sync_ratio}, CPU ${out.incr_sync_cpu_ratio}`);
    }

    // ---- extra sections ----
    const dir = join(dirname(fileURLToPath(import.meta.url)), 'sections');
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => /\.(ts|mjs|js)$/.test(f)).sort();
    } catch {
      /* no sections yet */
    }
    const only = opt('sections', '');
    if (only) files = files.filter((f) => only.split(',').includes(f.replace(/\.\w+$/, '')));
    for (const f of files) {
      try {
        const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default?: (ctx: BenchContext) => Promise<Record<string, number | string>> };
        if (typeof mod.default !== 'function') continue;
        const res = await mod.default({ platform, dataDir, cacheFile, clients: N, args, log });
        Object.assign(out, res);
        log(`section ${f}: ${JSON.stringify(res)}`);
      } catch (e) {
        log(`section ${f} failed: ${e instanceof Error ? e.message : String(e)}`);
        out[`section_error_${f.replace(/\W+/g, '_')}`] = e instanceof Error ? e.message : String(e);
      }
    }
  } finally {
    await platform.stop();
    rmSync(work, { recursive: true, force: true });
  }
  out.load_average_end = r2(loadavg()[0] ?? NaN);
  log(
    `targets: sync_ratio ≤ 1.15 → ${out.sync_ratio} (CPU ${out.sync_cpu_ratio}; search ready ${out.sync_search_ready_ratio}); incr_sync_ratio ≤ 1.3 → ${out.incr_sync_ratio}; list_p95_ms ≤ 5 → ${out.list_p95_ms} (CPU ${out.list_cpu_p95_ms}); list_max_ms ≤ 20 → ${out.list_max_ms}; bulk_ratio ≤ 1.10 → ${out.bulk_ratio ?? '-'}`,
  );
  if (JSON_OUT) console.log(JSON.stringify({ machine: { cpus: cpus().length, node: process.version }, ...out }));
}

/**
 * A POST on a connection of its own: fetch could send it on a pooled keep-alive socket the server
 * has just closed, and a POST is not retried (nor should a simulated day be applied twice).
 */
function postOnce(url: string, token: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = httpRequest(
      url,
      { method: 'POST', agent: false, headers: { 'x-access-token': token, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`${url}: HTTP ${res.statusCode} ${text.slice(0, 200)}`))));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

runMain(main);
