/**
 * The ledger rollups of migration 003: per-client daily and monthly sums, rebuilt lazily for the
 * clients a write marked dirty. Every balance read calls `ensureClient` first.
 */
import type { StatementCache } from '../db/statements';

const OFFSET_SQL = 'SELECT offset_min FROM ledger_rollup_meta WHERE id = 1';

/** The offset (minutes) the rollups are bucketed with. */
export function rollupOffset(statements: StatementCache): number {
  return (statements.get(OFFSET_SQL).get() as { offset_min: number } | undefined)?.offset_min ?? 180;
}

/** Re-buckets every client when the region's offset is not the one the rollups were built with. */
export function setRollupOffset(statements: StatementCache, offsetMin: number): void {
  const db = statements.db;
  if ((statements.get(OFFSET_SQL).get() as { offset_min: number } | undefined)?.offset_min === offsetMin) return;
  db.transaction(() => {
    statements.get('UPDATE ledger_rollup_meta SET offset_min = ? WHERE id = 1').run(offsetMin);
    db.exec('DELETE FROM ledger_daily; DELETE FROM ledger_monthly;');
    db.exec('INSERT OR IGNORE INTO ledger_dirty (client_id) SELECT DISTINCT client_id FROM transactions');
  })();
}

/** Rebuilds one client's rollups if a write marked it dirty. */
export function ensureClient(statements: StatementCache, clientId: string): void {
  if (!statements.get('SELECT 1 AS one FROM ledger_dirty WHERE client_id = ?').get(clientId)) return;
  const off = rollupOffset(statements);
  statements.db.transaction(() => {
    statements.get('DELETE FROM ledger_daily WHERE client_id = ?').run(clientId);
    statements.get('DELETE FROM ledger_monthly WHERE client_id = ?').run(clientId);
    statements
      .get(
        `INSERT INTO ledger_daily (client_id, day, kind, service, project_pid, amount_minor, n)
         SELECT client_id, (at_ms + CAST(? AS INTEGER) * 60000) / 86400000, kind, coalesce(service, ''), coalesce(project_pid, ''),
                sum(amount_minor), count(*)
           FROM transactions WHERE client_id = ?
          GROUP BY 2, 3, 4, 5`,
      )
      .run(off, clientId);
    statements
      .get(
        `INSERT INTO ledger_monthly (client_id, month, kind, service, project_pid, amount_minor, n)
         SELECT client_id, CAST(strftime('%Y%m', day * 86400, 'unixepoch') AS INTEGER), kind, service, project_pid,
                sum(amount_minor), sum(n)
           FROM ledger_daily WHERE client_id = ?
          GROUP BY 2, 3, 4, 5`,
      )
      .run(clientId);
    statements.get('DELETE FROM ledger_dirty WHERE client_id = ?').run(clientId);
  })();
}

/** Rebuilds every dirty client at once (the sync may call this after a ledger sync). Returns how many. */
export function refreshRollups(statements: StatementCache): number {
  const db = statements.db;
  const off = rollupOffset(statements);
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
