/**
 * The client list's figures over a synced cache (search + sort + 100 rows and the filter's count,
 * as listClients asks them), wall and CPU per query; apart, the page alone (clients.rows, what a
 * keystroke waits for) and the count alone (clients.count, asked after the page).
 * Alone, over a cache kept by `npm run bench -- --keep-cache FILE`:
 *   npx tsx tests/bench/list.ts FILE [--by-length]
 */
import Database from 'better-sqlite3';
import { pathToFileURL } from 'node:url';
import { countClients, listRows, type ListInput } from '../../electron/core/clients/queries';
import { StatementCache } from '../../electron/core/db/statements';
import { SortColumn } from '../../shared/contract/rpc/clients';
import { selfCpuMs } from './cpu';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The client list (search + sort + 100 rows, and the count of the filter: listClients) over the
 * synced cache: wall and CPU per query; and apart, the page alone (clients.rows, what a keystroke
 * waits for) and the count alone (clients.count, asked after the page). Between two queries the
 * core is let idle for a turn of the event loop, as between keystrokes: the work it does then (the
 * positions of an order a search asked for, clients/sort-ranks.ts) is timed apart, as the longest
 * a keystroke arriving then could wait for it.
 */
export async function listFigures(cacheFile: string, floor: { clients: number; transactions: number } | null, log: (s: string) => void): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const db = new Database(cacheFile, { readonly: true });
  // Read as the app's core reads (db/open.ts): its page cache and temporary store.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  const statements = new StatementCache(db);
  const counts = db.prepare('SELECT (SELECT count(*) FROM clients) c, (SELECT count(*) FROM projects) p, (SELECT count(*) FROM transactions) t').get() as { c: number; p: number; t: number };
  log(`cache: ${counts.c} clients, ${counts.p} projects, ${counts.t} ledger rows` + (floor ? ` (platform floor saw ${floor.clients} / ${floor.transactions})` : ''));
  out.cached_clients = counts.c;
  out.cached_transactions = counts.t;
  // The same 200 clients every run (spread over the table), so two runs compare query for query.
  const sample = db.prepare('SELECT name, email, id FROM clients ORDER BY (rowid * 7919) % 100003, rowid LIMIT 200').all() as { name: string | null; email: string; id: string }[];
  const terms = ['', 'ооо', 'ltd', 'ип ', '912', '@', 'гмбх', 'zzzz'];
  for (const s of sample) {
    const n = (s.name ?? s.email).toLowerCase();
    const k = Math.floor(n.length / 3);
    terms.push(n.slice(k, k + 4), s.email.slice(0, 6), s.id.slice(-4));
  }
  // As typed: every prefix of a few names (one query per keystroke).
  for (const s of sample.slice(0, 10)) {
    const n = (s.name ?? s.email).toLowerCase();
    for (let i = 1; i <= Math.min(8, n.length); i++) terms.push(n.slice(0, i));
  }
  const cols = SortColumn.options;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const rowTimes: number[] = [];
  const countTimes: number[] = [];
  const slowest: { ms: number; rowsMs: number; search: string; sort: string }[] = [];
  const idleTimes: number[] = [];
  for (let i = 0; i < 40 + terms.length; i++) {
    const input: ListInput = {
      search: terms[i % terms.length] as string,
      statuses: [],
      paymentModels: [],
      negativeOnly: false,
      sort: { column: cols[i % cols.length] as SortColumn, dir: i % 2 ? 'desc' : 'asc' },
      offset: 0,
      limit: 100,
    };
    const c0 = selfCpuMs();
    const q0 = performance.now();
    listRows(statements, input);
    const q1 = performance.now();
    countClients(statements, input);
    const q2 = performance.now();
    const cpu = selfCpuMs() - c0;
    await new Promise((r) => setImmediate(r));
    const idle = performance.now() - q2;
    if (i >= 40) {
      idleTimes.push(idle);
      times.push(q2 - q0);
      cpuTimes.push(cpu);
      rowTimes.push(q1 - q0);
      countTimes.push(q2 - q1);
      slowest.push({ ms: q2 - q0, rowsMs: q1 - q0, search: input.search, sort: `${input.sort.column} ${input.sort.dir}` });
    }
  }
  db.close();
  out.list_p50_ms = r2(pct(times, 50));
  out.list_p95_ms = r2(pct(times, 95));
  out.list_max_ms = r2(Math.max(...times));
  out.list_cpu_p95_ms = r2(pct(cpuTimes, 95));
  out.list_cpu_max_ms = r2(Math.max(...cpuTimes));
  out.list_rows_p95_ms = r2(pct(rowTimes, 95));
  out.list_rows_max_ms = r2(Math.max(...rowTimes));
  out.list_count_p95_ms = r2(pct(countTimes, 95));
  out.list_count_max_ms = r2(Math.max(...countTimes));
  out.list_idle_work_max_ms = r2(Math.max(...idleTimes));
  log(
    `client list (search + sort + 100 rows and the count, ${times.length} queries): p50 ${out.list_p50_ms} ms, p95 ${out.list_p95_ms} ms, max ${out.list_max_ms} ms; CPU p95 ${out.list_cpu_p95_ms} ms, max ${out.list_cpu_max_ms} ms; ` +
      `the page alone p95 ${out.list_rows_p95_ms} ms, max ${out.list_rows_max_ms} ms; the count alone p95 ${out.list_count_p95_ms} ms, max ${out.list_count_max_ms} ms; ` +
      `work between queries (positions of an order built) max ${out.list_idle_work_max_ms} ms`,
  );
  slowest.sort((a, b) => b.ms - a.ms);
  log(`slowest: ${slowest.slice(0, Number(process.env.BENCH_SLOWEST ?? 8)).map((s) => `${JSON.stringify(s.search)} by ${s.sort} ${r2(s.ms)} ms (page ${r2(s.rowsMs)})`).join('; ')}`);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx tests/bench/list.ts CACHE_FILE');
  listFigures(file, null, (s) => console.log(s)).then((out) => console.log(JSON.stringify(out)));
}

