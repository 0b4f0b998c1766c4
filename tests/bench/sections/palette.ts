/**
 * The command palette's search at the bench's scale: `palette_p50_ms` / `palette_p95_ms` (and max)
 * over queries drawn from the cache itself — an id, a whole email, an email's beginning, a PID, a
 * PID's beginning, a name word, a name beginning, phone digits, two words, a typo, two letters and
 * a query that matches nothing — each the `palette.search` service call for the top 20.
 * Alone on a synthetic 100k cache: `npx tsx tests/bench/palette.ts`.
 */
import type Database from 'better-sqlite3';
import { StatementCache } from '../../../electron/core/db/statements';
import { paletteSearch } from '../../../electron/core/palette/search';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Number((s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] ?? 0).toFixed(2));
};

/** Queries of every kind, drawn from the cache (deterministic: every k-th row). */
export function paletteQueries(db: Database.Database, perKind = 20): Record<string, string[]> {
  const n = db.prepare('SELECT count(*) FROM clients').pluck().get() as number;
  const step = Math.max(1, Math.floor(n / perKind));
  const rows = db
    .prepare('SELECT id, email, name, phone FROM clients WHERE rowid % ? = 0 LIMIT ?')
    .all(step, perKind) as { id: string; email: string; name: string | null; phone: string | null }[];
  const pnum = db.prepare('SELECT count(*) FROM projects').pluck().get() as number;
  const pids = db.prepare('SELECT pid FROM projects WHERE rowid % ? = 0 LIMIT ?').pluck().all(Math.max(1, Math.floor(pnum / perKind)), perKind) as string[];
  const words = rows.flatMap((r) => (r.name ?? '').split(/[\s«»"]+/).filter((w) => [...w].length >= 4));
  const typo = (w: string) => (w.length > 4 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : w + 'x');
  return {
    id: rows.map((r) => r.id),
    email: rows.map((r) => r.email),
    emailStart: rows.map((r) => r.email.slice(0, 6)),
    pid: pids,
    pidStart: pids.map((p) => p.slice(0, Math.max(4, p.length - 3))),
    nameWord: words.slice(0, perKind).map((w) => w.toLowerCase()),
    nameStart: rows.map((r) => (r.name ?? r.email).slice(0, 3)),
    phone: rows.filter((r) => r.phone).map((r) => r.phone!.replace(/\D/g, '').slice(-7)),
    twoWords: rows.map((r) => (r.name ?? '').split(/[\s«»]+/).filter(Boolean).slice(-2).reverse().join(' ')).filter((q) => q.includes(' ')),
    typo: words.slice(0, perKind).map((w) => typo(w.toLowerCase()) + ' ' + (rows[0]?.email.split('@')[1]?.slice(0, 4) ?? '')),
    twoLetters: ['ив', 'ал', 'no', 'ma', 'ко', 'se'],
    nothing: ['zzqqxx', 'qwxqwx', 'ъъъъ'],
  };
}

export function paletteFigures(db: Database.Database, log: (s: string) => void): Record<string, number> {
  const st = new StatementCache(db);
  const qs = paletteQueries(db);
  // Warm the page cache and the prepared statements once, as an app that has been open does.
  for (const list of Object.values(qs)) for (const q of list) paletteSearch(st, q, 20);
  const all: number[] = [];
  // CPU time of this process per query: what a loaded machine's waiting does not stretch.
  const allCpu: number[] = [];
  const out: Record<string, number> = {};
  const per: string[] = [];
  for (const [kind, list] of Object.entries(qs)) {
    const ms: number[] = [];
    const cpu: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of list) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        paletteSearch(st, q, 20);
        ms.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
    }
    all.push(...ms);
    allCpu.push(...cpu);
    per.push(`${kind}: wall p50 ${pct(ms, 50)} p95 ${pct(ms, 95)}, CPU p50 ${pct(cpu, 50)} p95 ${pct(cpu, 95)}`);
  }
  out.palette_p50_ms = pct(all, 50);
  out.palette_p95_ms = pct(all, 95);
  out.palette_max_ms = pct(all, 100);
  out.palette_cpu_p50_ms = pct(allCpu, 50);
  out.palette_cpu_p95_ms = pct(allCpu, 95);
  log(
    `palette search over ${db.prepare('SELECT count(*) FROM clients').pluck().get() as number} clients, ${all.length} queries: wall p50 ${out.palette_p50_ms} ms, p95 ${out.palette_p95_ms} ms, max ${out.palette_max_ms} ms; CPU p50 ${out.palette_cpu_p50_ms} ms, p95 ${out.palette_cpu_p95_ms} ms`,
  );
  for (const line of per) log(`  ${line}`);
  return out;
}

export default async function section(ctx: { cacheFile: string; log: (line: string) => void }): Promise<Record<string, number>> {
  const { default: Sqlite } = await import('better-sqlite3');
  const db = new Sqlite(ctx.cacheFile, { readonly: true });
  try {
    return paletteFigures(db, ctx.log);
  } finally {
    db.close();
  }
}
