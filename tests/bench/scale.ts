/**
 * npm run bench -- --scale [--sizes 10000,100000,300000]: the bench at each size, each in a
 * process of its own (one after the other), then every figure per size and how it grows from the
 * smallest size: the factor, and the factor per row (flat = linear cost; for query times, flat
 * means they do not grow with the data). Other arguments (--sections, --no-incremental) pass on.
 * To fit the largest sizes in about twenty minutes, sizes over 100,000 measure each floor once
 * (--one-floor) and the sections default to those whose figures depend on the size (not bulk,
 * which runs on a platform of its own). Last, a column for a million clients: each figure carried
 * from the two largest sizes on the power law through them (measured, not a million-client run;
 * the printout says so).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Figures = Record<string, number | string>;

/** Sections whose figures depend on the number of clients. */
const SIZE_SECTIONS = 'balance,home,ui';

function runOne(clients: number, rest: string[], log: (s: string) => void): Promise<Figures> {
  const extra = [...rest];
  if (!extra.includes('--sections')) extra.push('--sections', SIZE_SECTIONS);
  if (clients > 100_000 && !extra.includes('--one-floor')) extra.push('--one-floor');
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./run.ts', import.meta.url)), '--clients', String(clients), '--json', ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => d.toString().split('\n').filter(Boolean).forEach((l) => log(`  [${clients}] ${l}`)));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      log(`  [${clients}] the run took ${Math.round((performance.now() - t0) / 1000)} s`);
      try {
        resolve(JSON.parse(line) as Figures);
      } catch {
        reject(new Error(`bench at ${clients} clients failed (exit ${code})`));
      }
    });
  });
}

export async function scaleTable(sizes: number[], args: string[], log: (s: string) => void, json: boolean): Promise<void> {
  const rest = args.filter((a, i) => !['--scale', '--json', '--sizes', '--clients'].includes(a) && !['--sizes', '--clients'].includes(args[i - 1] ?? ''));
  const runs: Figures[] = [];
  for (const n of sizes) {
    log(`--- ${n} clients ---`);
    runs.push(await runOne(n, rest, log));
  }
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))].filter((k) => k !== 'machine' && runs.every((r) => typeof r[k] === 'number'));
  const w = Math.max(...keys.map((k) => k.length));
  const cell = (x: unknown) => String(x).padStart(10);
  log(`${'figure'.padEnd(w)} ${sizes.map((n) => cell(n)).join(' ')}   growth ×(size ×${sizes.map((n) => Math.round((10 * n) / sizes[0]!) / 10).join(', ×')})`);
  const growth: Record<string, number[]> = {};
  for (const k of keys) {
    const v = runs.map((r) => r[k] as number);
    growth[k] = v.map((x) => Math.round((100 * x) / (v[0] || NaN)) / 100);
    log(`${k.padEnd(w)} ${v.map(cell).join(' ')}   ${growth[k].slice(1).map((g) => `×${g}`).join(', ')}`);
  }
  // The machine's own state and the sizes themselves are not carried.
  const NOT_CARRIED = new Set(['clients', 'cached_clients', 'load_average_end', 'control_stall_max_ms', 'incr_clients_changed_pct']);
  const million = extrapolate(sizes, runs, keys.filter((k) => !NOT_CARRIED.has(k)), 1_000_000);
  if (million) {
    const [a, b] = sizes.slice(-2) as [number, number];
    log(
      `\n1,000,000 clients, carried from ${a} and ${b} on the power law through them (y = y(${b})·(n/${b})^k); not measured. ` +
        `k is from two runs on this machine: wall figures taken under load carry its noise (compare the CPU figures).`,
    );
    for (const k of keys) if (million[k] !== undefined) log(`${k.padEnd(w)} ${cell(million[k])}   (k = ${million.exponent![k]})`);
  }
  if (json) console.log(JSON.stringify({ sizes, runs, growth, ...(million ? { extrapolated_1m: million } : {}) }));
}

/**
 * Each figure at `n` from the two largest sizes measured: the exponent k of the power law through
 * them (k ≈ 1: grows with the data; ≈ 0: flat), then y = y_last · (n / n_last)^k. Figures that are
 * not positive at both sizes are left out.
 */
export function extrapolate(
  sizes: number[],
  runs: Figures[],
  keys: string[],
  n: number,
): (Record<string, number> & { exponent?: Record<string, number> }) | null {
  if (sizes.length < 2) return null;
  const [n1, n2] = sizes.slice(-2) as [number, number];
  const [r1, r2] = runs.slice(-2) as [Figures, Figures];
  const out: Record<string, number> & { exponent?: Record<string, number> } = {};
  const exponent: Record<string, number> = {};
  for (const key of keys) {
    const y1 = r1[key];
    const y2 = r2[key];
    if (typeof y1 !== 'number' || typeof y2 !== 'number' || !(y1 > 0) || !(y2 > 0) || n1 === n2) continue;
    const k = Math.log(y2 / y1) / Math.log(n2 / n1);
    exponent[key] = Math.round(k * 100) / 100;
    const y = y2 * (n / n2) ** k;
    out[key] = y >= 100 ? Math.round(y) : Math.round(y * 100) / 100;
  }
  out.exponent = exponent;
  return out;
}
