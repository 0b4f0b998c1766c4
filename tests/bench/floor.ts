/**
 * The floor: the least work that gets the same data into SQLite. Raw fetch + JSON.parse of the
 * same pages the sync reads (clients feed, the projects feed, the
 * ledger feed since the same instant), plus a bare INSERT of the rows into empty tables without
 * indexes (one transaction per page). No validation, no upserts, no overlap of fetch and insert.
 * With `from` cursors (an incremental sync's starting points) it reads the same pages that sync reads.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';

interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface FeedCursors {
  clients: string | null;
  projects: string | null;
  transactions: string | null;
}

export async function measureFloor(opts: {
  url: string;
  token: string;
  dir: string;
  since: string;
  pageSize: number;
  concurrency: number;
  from?: FeedCursors;
}) {
  const base = opts.url + '/partner/api/v1';
  const headers = { 'x-access-token': opts.token, accept: 'application/json' };
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(base + path, { headers });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return JSON.parse(await res.text()) as T;
  };
  const db = new Database(join(opts.dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE c (id TEXT, email TEXT, name TEXT, phone TEXT, external_id TEXT, status TEXT, payment_model TEXT,
      invited_at TEXT, registered_at TEXT, updated_at TEXT, payment INTEGER, bonus INTEGER, currency TEXT, as_of TEXT, projects_count INTEGER);
    CREATE TABLE p (pid TEXT, client_id TEXT, name TEXT, status TEXT, created_at TEXT);
    CREATE TABLE t (id TEXT, client_id TEXT, project_pid TEXT, at TEXT, kind TEXT, amount_minor INTEGER, currency TEXT, service TEXT, description TEXT);`);
  const insC = db.prepare('INSERT INTO c VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
  const insP = db.prepare('INSERT INTO p VALUES (?,?,?,?,?)');
  const insT = db.prepare('INSERT INTO t VALUES (?,?,?,?,?,?,?,?,?)');
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const t0 = performance.now();
  await get('/platform');
  await get('/partner');
  const ids: string[] = [];
  let cursor: string | null = opts.from?.clients ?? null;
  for (;;) {
    const page: Page<any> = await get(`/clients/changes?limit=${opts.pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    db.transaction(() => {
      for (const c of page.items) {
        if (c.deleted) continue;
        ids.push(c.id);
        insC.run(c.id, c.email, c.name, c.phone, c.external_id, c.status, c.payment_model, c.invited_at, c.registered_at, c.updated_at,
          c.balance.payment.amount_minor, c.balance.bonus.amount_minor, c.balance.payment.currency, c.balance.as_of, c.projects_count);
      }
    })();
    if (!page.next_cursor || page.next_cursor === cursor || page.items.length === 0) break;
    cursor = page.next_cursor;
  }
  const tClients = performance.now();
  // Projects: the same feed the sync reads (each changed client with its whole list).
  cursor = opts.from?.projects ?? null;
  for (;;) {
    const page: Page<any> = await get(`/projects/changes?limit=${opts.pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    db.transaction(() => {
      for (const c of page.items) for (const p of c.projects) insP.run(p.pid, c.client_id, p.name, p.status, p.created_at);
    })();
    if (!page.next_cursor || page.next_cursor === cursor || page.items.length === 0) break;
    cursor = page.next_cursor;
  }
  const tProjects = performance.now();
  cursor = opts.from?.transactions ?? null;
  let txRows = 0;
  for (;;) {
    const q: string = cursor ? `cursor=${encodeURIComponent(cursor)}` : `since=${encodeURIComponent(opts.since)}`;
    const page: Page<any> = await get(`/transactions/changes?limit=${opts.pageSize}&${q}`);
    db.transaction(() => {
      for (const t of page.items) insT.run(t.id, t.client_id, t.project_pid, t.at, t.kind, t.amount_minor, t.currency, t.service, t.description);
    })();
    txRows += page.items.length;
    if (!page.next_cursor || page.next_cursor === cursor || page.items.length === 0) break;
    cursor = page.next_cursor;
  }
  const tEnd = performance.now();
  /* eslint-enable @typescript-eslint/no-explicit-any */
  db.close();
  return {
    ms: tEnd - t0,
    clientsMs: tClients - t0,
    projectsMs: tProjects - tClients,
    transactionsMs: tEnd - tProjects,
    clients: ids.length,
    transactions: txRows,
  };
}
