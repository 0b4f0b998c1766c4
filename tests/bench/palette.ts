/**
 * npx tsx tests/bench/palette.ts [--clients 100000] [--keep DIR]: the palette search's p50/p95 on a
 * synthetic cache of N clients (names, emails and phones like the demo platform's, 0–4 projects
 * each with PIDs like the platform's), written through the app's own SyncStore into a real cache
 * file; figures from tests/bench/sections/palette.ts. No pass/fail: it prints what it measured.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../electron/core/db/open';
import { SyncStore } from '../../electron/core/sync/store';
import { rng } from '../../electron/demo-platform/prng';
import * as N from '../../electron/demo-platform/names';
import type { Client, Project } from '../../shared/contract/platform';
import { paletteFigures } from './sections/palette';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const COUNT = Number(arg('clients', '100000'));

function makeClient(r: ReturnType<typeof rng>, i: number): Client {
  const first = r.pick(N.RU_FIRST);
  const last = r.pick(N.RU_LAST);
  let name: string;
  let email: string;
  if (r.chance(0.2)) {
    const [w, slug] = r.pick(N.INTL_COMPANY_WORDS);
    name = `${w} ${r.pick(N.INTL_FORMS)}`;
    email = `${r.pick(N.EN_FIRST).toLowerCase()}.${i}@${slug}.com`;
  } else {
    const [w, slug] = r.pick(N.RU_COMPANY_WORDS);
    name = `${r.pick(N.RU_ORG_FORMS)} «${w}»`;
    email = `${first[1]}.${last[1]}@${slug}${i}.${r.pick(N.RU_DOMAINS)}`;
  }
  const d = (k: number) => Array.from({ length: k }, () => r.int(0, 9)).join('');
  const status = r.pick(['invited', 'active', 'active', 'active', 'blocked'] as const);
  return {
    id: `cl${String(i).padStart(7, '0')}`,
    email,
    name,
    phone: r.chance(0.85) ? `+7 9${d(2)} ${d(3)}-${d(2)}-${d(2)}` : null,
    external_id: r.chance(0.3) ? `CRM-${i * 7}` : null,
    status,
    payment_model: r.chance(0.6) ? 'prepaid' : 'postpaid',
    invited_at: '2025-06-01T10:00:00Z',
    registered_at: status === 'invited' ? null : '2025-06-02T10:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    balance: { payment: { amount_minor: r.int(-100000, 1000000), currency: 'RUB' }, bonus: { amount_minor: 0, currency: 'RUB' }, as_of: '2026-01-01T00:00:00Z' },
    projects_count: status === 'invited' ? 0 : r.int(0, 4),
  };
}

// --keep DIR: build the cache there once and reuse it on later runs.
const keep = process.argv.includes('--keep') ? arg('keep', '') : '';
const dir = keep || mkdtempSync(join(tmpdir(), 'pd-bench-palette-'));
const reuse = keep !== '' && existsSync(join(dir, 'cache.sqlite'));
mkdirSync(dir, { recursive: true });
try {
  const db = openDatabase(join(dir, 'cache.sqlite'));
  if (!reuse) build(db);
  const figures = paletteFigures(db, (s) => console.log(s));
  console.log(JSON.stringify(figures));
  db.close();
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}

function build(db: ReturnType<typeof openDatabase>): void {
  const store = new SyncStore(db);
  const r = rng(1);
  let pidCounter = 0;
  const t0 = performance.now();
  for (let start = 0; start < COUNT; start += 1000) {
    const page = Array.from({ length: Math.min(1000, COUNT - start) }, (_, k) => makeClient(r, start + k));
    store.applyClientsPage(page, `c${start}`);
    store.applyProjects(
      page.map((c): [string, Project[]] => [
        c.id,
        Array.from({ length: c.projects_count }, () => ({
          pid: `mcs${String(++pidCounter).padStart(6, '0')}${r.int(1000, 9999)}`,
          name: r.pick(N.PROJECT_NAMES),
          status: 'active' as const,
          created_at: '2025-06-02T10:00:00Z',
        })),
      ]),
    );
  }
  db.exec('ANALYZE');
  console.log(`cache of ${COUNT} clients and ${pidCounter} projects written in ${Math.round(performance.now() - t0)} ms`);
}
