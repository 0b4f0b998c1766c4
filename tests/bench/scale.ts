/**
 * npm run bench -- --scale [--sizes 10000,100000,300000]: the bench at each size, each in a
 * process of its own (one after the other), then every figure per size and how it grows from the
 * smallest size: the factor, and the factor per row (flat = linear cost; for query times, flat
 * means they do not grow with the data). Other arguments (--sections, --no-incremental) pass on.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Figures = Record<string, number | string>;

function runOne(clients: number, rest: string[], log: (s: string) => void): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./run.ts', import.meta.url)), '--clients', String(clients), '--json', ...rest], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => d.toString().split('\n').filter(Boolean).forEach((l) => log(`  [${clients}] ${l}`)));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
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
  if (json) console.log(JSON.stringify({ sizes, runs, growth }));
}
