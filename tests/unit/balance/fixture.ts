/** Cached clients and ledger rows for the balance tests (the temp database: tests/support/temp-db). */
import type Database from 'better-sqlite3';
import { StatementCache } from '../../../electron/core/db/statements';
import { tempDb, type TempDb } from '../../support/temp-db';
import { rng } from '../../../electron/demo-platform/prng';

/** A migrated temp database with a statement cache, as a core gives its balance reads. */
export function balanceDb(): TempDb & { statements: StatementCache } {
  const temp = tempDb();
  return { ...temp, statements: new StatementCache(temp.db) };
}

export const SERVICES = ['compute', 'block_storage', 'object_storage', 'kubernetes', 'dbaas', 'network', 'licenses'] as const;

export function insertClient(
  db: Database.Database,
  id: string,
  o: { payment?: number; bonus?: number; model?: 'prepaid' | 'postpaid'; projects?: string[]; currency?: string } = {},
): void {
  const now = '2026-11-20T10:00:00Z';
  db.prepare(
    `INSERT INTO clients (id, email, name, phone, external_id, status, payment_model, invited_at, registered_at, updated_at,
       payment_minor, bonus_minor, currency, balance_as_of, projects_count, search_text)
     VALUES (?, ?, ?, '+7 900 000-00-00', NULL, 'active', ?, '2025-01-10T09:00:00Z', '2025-01-11T09:00:00Z', ?, ?, ?, ?, ?, ?, '')`,
  ).run(id, `${id}@example.com`, `ООО «${id}»`, o.model ?? 'prepaid', now, o.payment ?? 100_000_00, o.bonus ?? 0, o.currency ?? 'RUB', now, (o.projects ?? []).length);
  for (const pid of o.projects ?? []) {
    db.prepare(`INSERT INTO projects (pid, client_id, name, status, created_at) VALUES (?, ?, ?, 'active', '2025-01-11T09:00:00Z')`).run(pid, id, `Project ${pid}`);
  }
}

let txSeq = 0;
export function insertTx(
  db: Database.Database,
  t: { client: string; atMs: number; kind?: 'debit' | 'credit'; amount: number; service?: string | null; project?: string | null; id?: string },
): void {
  db.prepare(
    `INSERT INTO transactions (id, client_id, project_pid, at_ms, kind, amount_minor, currency, service, description) VALUES (?, ?, ?, ?, ?, ?, 'RUB', ?, ?)`,
  ).run(t.id ?? `t${++txSeq}`, t.client, t.project ?? null, t.atMs, t.kind ?? 'debit', t.amount, t.kind === 'credit' ? null : (t.service ?? 'compute'), 'test');
}

/**
 * A ledger: `clients` ordinary clients with ~`perClient` random rows over [fromMs, toMs), plus one
 * heavy client 'heavy' with a charge per service per project per day.
 */
export function seedLedger(
  db: Database.Database,
  o: { clients: number; perClient: number; fromMs: number; toMs: number; seed?: number; heavyProjects?: number },
): { clientIds: string[]; heavyClientId: string; rows: number } {
  const r = rng(o.seed ?? 7).next; // the same seed, the same ledger
  const ids: string[] = [];
  let rows = 0;
  const ins = db.prepare(
    `INSERT INTO transactions (id, client_id, project_pid, at_ms, kind, amount_minor, currency, service, description) VALUES (?, ?, ?, ?, ?, ?, 'RUB', ?, '')`,
  );
  db.transaction(() => {
    for (let c = 0; c < o.clients; c++) {
      const id = `c${c}`;
      ids.push(id);
      insertClient(db, id, { projects: [`p${c}a`, `p${c}b`] });
      const n = Math.max(1, Math.round(o.perClient * (0.5 + r())));
      for (let i = 0; i < n; i++) {
        const credit = r() < 0.15;
        const svc = SERVICES[Math.floor(r() * SERVICES.length)] ?? 'compute';
        ins.run(`x${c}_${i}`, id, r() < 0.5 ? `p${c}a` : `p${c}b`, Math.floor(o.fromMs + r() * (o.toMs - o.fromMs)), credit ? 'credit' : 'debit', 1 + Math.floor(r() * 500_000), credit ? null : svc);
        rows++;
      }
    }
    const heavy = 'heavy';
    const projects = Array.from({ length: o.heavyProjects ?? 4 }, (_, i) => `ph${i}`);
    insertClient(db, heavy, { projects });
    let i = 0;
    for (let day = o.fromMs; day < o.toMs; day += 86400000) {
      for (const p of projects)
        for (const s of SERVICES) {
          ins.run(`h${i++}`, heavy, p, day + Math.floor(r() * 86400000), 'debit', 1 + Math.floor(r() * 100_000), s);
          rows++;
        }
      if (r() < 0.1) {
        ins.run(`h${i++}`, heavy, projects[0] ?? null, day + 3600000, 'credit', 5_000_000, null);
        rows++;
      }
    }
    ids.push(heavy);
  })();
  return { clientIds: ids, heavyClientId: 'heavy', rows };
}
