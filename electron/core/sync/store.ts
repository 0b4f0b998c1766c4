/**
 * The sync engine's reads and writes of the cache (the engine itself holds no SQL). Each function
 * that takes a page writes the page and the cursor that follows it in ONE transaction, so a kill
 * leaves the cache at the last whole page.
 *
 * Cheap by construction: a changed client rewrites only the columns that changed (so only the
 * indexes on those columns), a client's project list only the projects that changed, and ledger
 * rows go in several to a statement. The clients table's indexes during a first fill: ./indexes.
 */
import type Database from 'better-sqlite3';
import type { ClientChange, ClientProjects, Project, Transaction } from '../../../shared/contract/platform';
import { searchTextOf } from '../clients/queries';
import { clientParams, UPSERT_CLIENT_SQL } from '../clients/write';
import { ClientIndexes } from './indexes';
import { LEDGER_DIRTY_INS } from '../db/migrations/003-balance';

export type Feed = 'clients' | 'projects' | 'transactions';

/** The ledger's index (as in migration 001). Dropped while the ledger is filled from scratch. */
const LEDGER_INDEX = 'CREATE INDEX IF NOT EXISTS transactions_client_at ON transactions (client_id, at_ms)';
/**
 * So is the trigger that marks a client's rollups dirty on each new row (migration 003: a lookup in
 * ledger_dirty per row, about a tenth of the fill); put back with every client that has rows marked
 * once (ensureLedgerIndex).
 */
const LEDGER_DIRTY_TRIGGER = 'ledger_dirty_ins';
const LEDGER_SINCE_KEY = 'sync.ledgerSince';
/** The window start the ledger was last pruned to (nothing older is kept but fetched periods). */
const LEDGER_PRUNED_KEY = 'sync.ledgerPrunedTo';

/** The clients columns a wire client sets, in the order clientValues gives them. */
const CLIENT_COLS = [
  'email', 'name', 'phone', 'external_id', 'status', 'payment_model', 'invited_at', 'registered_at', 'updated_at',
  'payment_minor', 'bonus_minor', 'currency', 'balance_as_of', 'projects_count', 'search_text',
] as const;
type Cell = string | number | null;
function clientValues(c: Exclude<ClientChange, { deleted: true }>): Cell[] {
  return [
    c.email, c.name, c.phone, c.external_id, c.status, c.payment_model, c.invited_at, c.registered_at, c.updated_at,
    c.balance.payment.amount_minor, c.balance.bonus.amount_minor, c.balance.payment.currency, c.balance.as_of, c.projects_count,
    searchTextOf(c),
  ];
}

/** Ledger rows per INSERT statement. */
const TX_BATCH = 16;
const TX_COLS = 9;
const txInsertSql = (n: number) =>
  // Ledger rows never change on the platform: a row seen again is the same row.
  `INSERT INTO transactions (id, client_id, project_pid, at_ms, kind, amount_minor, currency, service, description)
   VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT(id) DO NOTHING`;

export class SyncStore {
  private readonly st;
  readonly indexes: ClientIndexes;
  readonly applyClientsPage: (items: ClientChange[], cursor: string | null) => { upserted: number; deleted: number };
  readonly applyTransactionsPage: (items: Transaction[], cursor: string | null, windowStartMs: number) => number;
  /** Replaces the projects of several clients in one transaction (null: the client is gone). */
  readonly applyProjects: (batch: [clientId: string, projects: Project[] | null][]) => void;
  readonly applyProjectsPage: (items: ClientProjects[], cursor: string | null) => number;
  /** UPDATE statements by the set of changed columns (a bit per CLIENT_COLS entry). */
  private readonly clientUpdates = new Map<number, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    // A run killed during a bulk fill of the ledger left its index and trigger out: put them back.
    this.ensureLedgerIndex();
    this.indexes = new ClientIndexes(db);
    const p = (sql: string) => db.prepare(sql);
    this.st = {
      cursor: p('SELECT cursor FROM sync_state WHERE feed = ?').pluck(),
      setCursor: p(
        `INSERT INTO sync_state (feed, cursor, synced_at) VALUES (@feed, @cursor, @at)
         ON CONFLICT(feed) DO UPDATE SET cursor = excluded.cursor, synced_at = excluded.synced_at`,
      ),
      upsertClient: p(UPSERT_CLIENT_SQL),
      oldClient: p(`SELECT ${CLIENT_COLS.join(', ')} FROM clients WHERE id = ?`).raw(),
      delClient: p('DELETE FROM clients WHERE id = ?'),
      delProjects: p('DELETE FROM projects WHERE client_id = ?'),
      delProject: p('DELETE FROM projects WHERE pid = ?'),
      oldProjects: p('SELECT pid, name, status, created_at FROM projects WHERE client_id = ?').raw(),
      delTx: p('DELETE FROM transactions WHERE client_id = ?'),
      addTombstone: p('INSERT OR IGNORE INTO sync_tombstones (client_id) VALUES (?)'),
      addTodo: p('INSERT OR IGNORE INTO sync_projects_todo (client_id) VALUES (?)'),
      delTodo: p('DELETE FROM sync_projects_todo WHERE client_id = ?'),
      insProject: p(
        `INSERT INTO projects (pid, client_id, name, status, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(pid) DO UPDATE SET client_id = excluded.client_id, name = excluded.name,
           status = excluded.status, created_at = excluded.created_at`,
      ),
      insTx: p(txInsertSql(1)),
      insTxBatch: p(txInsertSql(TX_BATCH)),
      known: p('SELECT 1 FROM clients WHERE id = ?').pluck(),
      anyClient: p('SELECT count(*) FROM (SELECT 1 FROM clients LIMIT 1)').pluck(),
      anyTx: p('SELECT count(*) FROM (SELECT 1 FROM transactions LIMIT 1)').pluck(),
      getMeta: p('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: p('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    };
    const now = () => new Date().toISOString();

    this.applyClientsPage = db.transaction((items: ClientChange[], cursor: string | null) => {
      // Filling an empty table: no index to spare, so the plain upsert; otherwise only what changed.
      const filling = this.indexes.debt() === 'fill';
      let upserted = 0;
      let deleted = 0;
      for (const c of items) {
        if ('deleted' in c) {
          this.st.delClient.run(c.id);
          this.st.delProjects.run(c.id);
          this.st.delTx.run(c.id);
          this.st.delTodo.run(c.id);
          this.st.addTombstone.run(c.id);
          this.tombstoneSet?.add(c.id);
          deleted++;
          continue;
        }
        if (filling) this.st.upsertClient.run(clientParams(c));
        else this.writeChangedClient(c);
        if (c.projects_count > 0) this.st.addTodo.run(c.id);
        else {
          this.st.delProjects.run(c.id);
          this.st.delTodo.run(c.id);
        }
        upserted++;
      }
      this.st.setCursor.run({ feed: 'clients', cursor, at: now() });
      return { upserted, deleted };
    });

    const row: Cell[] = new Array(TX_BATCH * TX_COLS);
    this.applyTransactionsPage = db.transaction((items: Transaction[], cursor: string | null, windowStartMs: number) => {
      const tombstones = this.tombstones();
      let n = 0;
      let k = 0;
      for (const t of items) {
        const at = Date.parse(t.at);
        if (at < windowStartMs || tombstones.has(t.client_id)) continue;
        const o = k * TX_COLS;
        row[o] = t.id;
        row[o + 1] = t.client_id;
        row[o + 2] = t.project_pid;
        row[o + 3] = at;
        row[o + 4] = t.kind;
        row[o + 5] = t.amount_minor;
        row[o + 6] = t.currency;
        row[o + 7] = t.service;
        row[o + 8] = t.description;
        n++;
        if (++k === TX_BATCH) {
          this.st.insTxBatch.run(row);
          k = 0;
        }
      }
      for (let i = 0; i < k; i++) this.st.insTx.run(row.slice(i * TX_COLS, (i + 1) * TX_COLS));
      this.st.setCursor.run({ feed: 'transactions', cursor, at: now() });
      return n;
    });

    // Each client's projects and the removal of its to-do row commit together, so a kill
    // leaves every client either done or still to do.
    this.applyProjects = db.transaction((batch: [string, Project[] | null][]) => {
      for (const [clientId, projects] of batch) {
        if (projects !== null) this.replaceProjects(clientId, projects);
        this.st.delTodo.run(clientId);
      }
    });

    // A page of the projects feed: each listed client's projects replaced, its to-do row done,
    // and the feed's cursor, in one transaction. Clients the cache does not hold are skipped.
    this.applyProjectsPage = db.transaction((items: ClientProjects[], cursor: string | null) => {
      let n = 0;
      for (const { client_id: clientId, projects } of items) {
        if (this.st.known.get(clientId) === undefined) continue;
        this.replaceProjects(clientId, projects);
        this.st.delTodo.run(clientId);
        n++;
      }
      this.st.setCursor.run({ feed: 'projects', cursor, at: now() });
      return n;
    });
  }

  /** A client from the feed into a filled table: a new row, or an UPDATE of the columns that differ. */
  private writeChangedClient(c: Exclude<ClientChange, { deleted: true }>): void {
    const old = this.st.oldClient.get(c.id) as Cell[] | undefined;
    if (!old) {
      this.st.upsertClient.run(clientParams(c));
      return;
    }
    const v = clientValues(c);
    let mask = 0;
    const args: Cell[] = [];
    for (let i = 0; i < v.length; i++) {
      if (old[i] !== v[i]) {
        mask |= 1 << i;
        args.push(v[i] as Cell);
      }
    }
    if (mask === 0) return;
    let st = this.clientUpdates.get(mask);
    if (!st) {
      const set = CLIENT_COLS.filter((_, i) => mask & (1 << i)).map((col) => `${col} = ?`);
      st = this.db.prepare(`UPDATE clients SET ${set.join(', ')} WHERE id = ?`);
      this.clientUpdates.set(mask, st);
    }
    args.push(c.id);
    st.run(args);
  }

  /** A client's whole project list: unchanged projects stay, changed ones are rewritten, gone ones deleted. */
  private replaceProjects(clientId: string, projects: Project[]): void {
    const old = this.st.oldProjects.all(clientId) as [string, string, string, string][];
    const had = new Map(old.map((r) => [r[0], r]));
    for (const pr of projects) {
      const o = had.get(pr.pid);
      had.delete(pr.pid);
      if (o && o[1] === pr.name && o[2] === pr.status && o[3] === pr.created_at) continue;
      this.st.insProject.run(pr.pid, clientId, pr.name, pr.status, pr.created_at);
    }
    for (const pid of had.keys()) this.st.delProject.run(pid);
  }

  private tombstoneSet: Set<string> | null = null;
  /** Deleted client ids, read once and kept in step by applyClientsPage. */
  private tombstones(): Set<string> {
    this.tombstoneSet ??= new Set(this.db.prepare('SELECT client_id FROM sync_tombstones').pluck().all() as string[]);
    return this.tombstoneSet;
  }

  cursor(feed: Feed): string | null {
    return (this.st.cursor.get(feed) as string | null | undefined) ?? null;
  }
  clientsEmpty(): boolean {
    return this.st.anyClient.get() === 0;
  }
  /**
   * The ledger window for this run. A first run, or a wider window than last time, reads the feed
   * again from the new start (and an empty ledger is filled without its index and dirty-marking
   * trigger, put back once at the end: ensureLedgerIndex). Returns the instant the feed starts at.
   */
  beginLedgerWindow(windowStartMs: number): number {
    const since = Number(this.st.getMeta.get(LEDGER_SINCE_KEY) ?? NaN);
    if (Number.isFinite(since) && windowStartMs >= since) return since;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sync_state WHERE feed = ?').run('transactions');
      this.st.setMeta.run(LEDGER_SINCE_KEY, String(windowStartMs));
      // The feed's rows older than the window are never stored, so nothing older is there to prune.
      if (this.st.anyTx.get() === 0) this.st.setMeta.run(LEDGER_PRUNED_KEY, String(windowStartMs));
      if (this.st.anyTx.get() === 0) this.db.exec(`DROP INDEX IF EXISTS transactions_client_at; DROP TRIGGER IF EXISTS ${LEDGER_DIRTY_TRIGGER}`);
    })();
    return windowStartMs;
  }
  /** The ledger's index and dirty-marking trigger, if a fill left them out (then every client with rows is marked dirty, in the same transaction). */
  ensureLedgerIndex(): void {
    const db = this.db;
    db.transaction(() => {
      db.exec(LEDGER_INDEX);
      if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(LEDGER_DIRTY_TRIGGER)) return;
      db.exec(LEDGER_DIRTY_INS);
      db.exec('INSERT OR IGNORE INTO ledger_dirty (client_id) SELECT DISTINCT client_id FROM transactions');
    })();
  }
  projectsTodo(): string[] {
    return this.db.prepare('SELECT client_id FROM sync_projects_todo').pluck().all() as string[];
  }
  /**
   * Drops ledger rows older than the window (the window moves as months pass), but keeps the
   * periods a person fetched on demand (balance.fetchRange records them in ledger_fetched). Only
   * when the window moved since the last time: otherwise there is nothing to drop, and the check
   * would read the whole ledger.
   */
  pruneLedger(windowStartMs: number): number {
    const last = Number(this.st.getMeta.get(LEDGER_PRUNED_KEY) ?? NaN);
    if (Number.isFinite(last) && windowStartMs <= last) return 0;
    const n = this.db
      .prepare(
        `DELETE FROM transactions WHERE at_ms < ? AND NOT EXISTS (
           SELECT 1 FROM ledger_fetched f
           WHERE f.client_id = transactions.client_id AND transactions.at_ms >= f.from_ms AND transactions.at_ms < f.to_ms)`,
      )
      .run(windowStartMs).changes;
    this.st.setMeta.run(LEDGER_PRUNED_KEY, String(windowStartMs));
    return n;
  }
  /** Table statistics let the planner pick the list's sort index over a filter's (approximate: fast). */
  refreshStatistics(): void {
    this.db.pragma('analysis_limit = 1000');
    if (this.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").pluck().get() === 0) this.db.exec('ANALYZE');
    else this.db.pragma('optimize');
  }
}
