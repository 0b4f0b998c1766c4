/**
 * The ledger rollups of migration 003: per-client daily and monthly sums, rebuilt lazily for the
 * clients a write marked dirty. Every balance read calls `ensureClient` first.
 */
import type Database from 'better-sqlite3';

type Db = Database.Database;
interface Stmts {
  offset: Database.Statement<[], { offset_min: number }>;
  setOffset: Database.Statement<[number]>;
  isDirty: Database.Statement<[string], { one: number }>;
  clearDaily: Database.Statement<[string]>;
  clearMonthly: Database.Statement<[string]>;
  fillDaily: Database.Statement<[number, string]>;
  fillMonthly: Database.Statement<[string]>;
  undirty: Database.Statement<[string]>;
}
const cache = new WeakMap<Db, Stmts>();

function stmts(db: Db): Stmts {
  let s = cache.get(db);
  if (!s) {
    s = {
      offset: db.prepare('SELECT offset_min FROM ledger_rollup_meta WHERE id = 1'),
      setOffset: db.prepare('UPDATE ledger_rollup_meta SET offset_min = ? WHERE id = 1'),
      isDirty: db.prepare('SELECT 1 AS one FROM ledger_dirty WHERE client_id = ?'),
      clearDaily: db.prepare('DELETE FROM ledger_daily WHERE client_id = ?'),
      clearMonthly: db.prepare('DELETE FROM ledger_monthly WHERE client_id = ?'),
      fillDaily: db.prepare(
        `INSERT INTO ledger_daily (client_id, day, kind, service, project_pid, amount_minor, n)
         SELECT client_id, (at_ms + CAST(? AS INTEGER) * 60000) / 86400000, kind, coalesce(service, ''), coalesce(project_pid, ''),
                sum(amount_minor), count(*)
           FROM transactions WHERE client_id = ?
          GROUP BY 2, 3, 4, 5`,
      ),
      fillMonthly: db.prepare(
        `INSERT INTO ledger_monthly (client_id, month, kind, service, project_pid, amount_minor, n)
         SELECT client_id, CAST(strftime('%Y%m', day * 86400, 'unixepoch') AS INTEGER), kind, service, project_pid,
                sum(amount_minor), sum(n)
           FROM ledger_daily WHERE client_id = ?
          GROUP BY 2, 3, 4, 5`,
      ),
      undirty: db.prepare('DELETE FROM ledger_dirty WHERE client_id = ?'),
    };
    cache.set(db, s);
  }
  return s;
}

/** The offset (minutes) the rollups are bucketed with. */
export function rollupOffset(db: Db): number {
  return stmts(db).offset.get()?.offset_min ?? 180;
}

/** Re-buckets every client when the region's offset is not the one the rollups were built with. */
export function setRollupOffset(db: Db, offsetMin: number): void {
  const s = stmts(db);
  if (s.offset.get()?.offset_min === offsetMin) return;
  db.transaction(() => {
    s.setOffset.run(offsetMin);
    db.exec('DELETE FROM ledger_daily; DELETE FROM ledger_monthly;');
    db.exec('INSERT OR IGNORE INTO ledger_dirty (client_id) SELECT DISTINCT client_id FROM transactions');
  })();
}

/** Rebuilds one client's rollups if a write marked it dirty. */
export function ensureClient(db: Db, clientId: string): void {
  const s = stmts(db);
  if (!s.isDirty.get(clientId)) return;
  const off = rollupOffset(db);
  db.transaction(() => {
    s.clearDaily.run(clientId);
    s.clearMonthly.run(clientId);
    s.fillDaily.run(off, clientId);
    s.fillMonthly.run(clientId);
    s.undirty.run(clientId);
  })();
}

/** Rebuilds every dirty client at once (the sync may call this after a ledger sync). Returns how many. */
export function refreshRollups(db: Db): number {
  const off = rollupOffset(db);
  return db.transaction(() => {
    const n = (db.prepare('SELECT count(*) AS n FROM ledger_dirty').get() as { n: number }).n;
    if (!n) return 0;
    db.exec(`
      DELETE FROM ledger_daily WHERE client_id IN (SELECT client_id FROM ledger_dirty);
      DELETE FROM ledger_monthly WHERE client_id IN (SELECT client_id FROM ledger_dirty);`);
    db.prepare(
      `INSERT INTO ledger_daily (client_id, day, kind, service, project_pid, amount_minor, n)
       SELECT client_id, (at_ms + CAST(? AS INTEGER) * 60000) / 86400000, kind, coalesce(service, ''), coalesce(project_pid, ''),
              sum(amount_minor), count(*)
         FROM transactions WHERE client_id IN (SELECT client_id FROM ledger_dirty)
        GROUP BY 1, 2, 3, 4, 5`,
    ).run(off);
    db.exec(`
      INSERT INTO ledger_monthly (client_id, month, kind, service, project_pid, amount_minor, n)
      SELECT client_id, CAST(strftime('%Y%m', day * 86400, 'unixepoch') AS INTEGER), kind, service, project_pid,
             sum(amount_minor), sum(n)
        FROM ledger_daily WHERE client_id IN (SELECT client_id FROM ledger_dirty)
       GROUP BY 1, 2, 3, 4, 5;
      DELETE FROM ledger_dirty;`);
    return n;
  })();
}
