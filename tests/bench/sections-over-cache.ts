/**
 * The bench's sections alone, over a cache kept by `npm run bench -- --keep-cache FILE`, without
 * syncing again: the demo platform of the same size and seed is started (the sections talk to it
 * through the app's connection), the cache is copied into a fresh data folder, and each section
 * runs over that copy (the kept file is never written).
 *   npx tsx tests/bench/sections-over-cache.ts FILE --clients 100000 [--seed 1] --sections ui [--repeat 2]
 * Prints each run's figures and the machine's load average beside them.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startChildPlatform } from './platform';
import type { BenchContext } from './run';
import { args, opt, runMain } from './main';

const file = args[0];
const clients = Number(opt('clients', '10000'));
const sections = opt('sections', 'ui').split(',');
const repeat = Number(opt('repeat', '1'));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

async function main() {
  if (!file || file.startsWith('--')) throw new Error('usage: npx tsx tests/bench/sections-over-cache.ts FILE --clients N --sections ui');
  const work = mkdtempSync(join(tmpdir(), 'pd-bench-cache-'));
  const platform = await startChildPlatform({ clients, seed: Number(opt('seed', '1')), dataDir: join(work, 'platform'), demoControls: true });
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    for (let run = 1; run <= repeat; run++) {
      for (const name of sections) {
        const dataDir = join(work, `app-${run}-${name}`);
        mkdirSync(dataDir, { recursive: true });
        const cacheFile = join(dataDir, 'cache.sqlite');
        copyFileSync(file, cacheFile);
        const mod = (await import(pathToFileURL(join(here, 'sections', `${name}.ts`)).href)) as { default: (ctx: BenchContext) => Promise<Record<string, number | string>> };
        const before = load();
        const res = await mod.default({ platform, dataDir, cacheFile, clients, args, log: (s) => console.log(s) });
        console.log(`run ${run} ${name} (load average before ${before}, after ${load()}): ${JSON.stringify(res)}`);
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await platform.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

runMain(main);
