/**
 * The sync engine's writes to the cache. Each function that takes a page writes the page and the
 * cursor that follows it in ONE transaction, so a kill leaves the cache at the last whole page.
 */
import type Database from 'better-sqlite3';
import type { ClientChange, ClientProjects, Project, Transaction } from '../../../shared/contract/platform';
import { setSearchIndexReady } from '../clients/queries';
import { clientParams, UPSERT_CLIENT_SQL } from '../clients/write';
import { up as core001 } from '../db/migrations/001-core';

export type Feed = 'clients' | 'projects' | 'transactions';

/**
 * The clients table's list indexes and search triggers, read from migration 001 itself. They are
 * dropped while the table is filled from scratch (the first sync) and built once at the end.
 */
const CLIENT_INDEXES = [...core001.matchAll(/^CREATE INDEX (clients_\w+) ON clients [^;]*;/gm)].map((m) => ({
  name: m[1] as string,
  sql: m[0].replace('CREATE INDEX ', 'CREATE INDEX IF NOT EXISTS '),
}));
const FTS_TRIGGERS = [...core001.matchAll(/^CREATE TRIGGER (clients_fts_\w+)[\s\S]*?END;/gm)].map((m) => ({
  name: m[1] as string,
  sql: m[0],
}));

/** The ledger's index (as in migration 001). Dropped while the ledger is filled from scratch. */
const LEDGER_INDEX = 'CREATE INDEX IF NOT EXISTS transactions_client_at ON transactions (client_id, at_ms)';

export class SyncStore {
  private readonly st;
  readonly applyClientsPage: (items: ClientChange[], cursor: string | null) => { upserted: number; deleted: number };
  readonly applyTransactionsPage: (items: Transaction[], cursor: string | null, windowStartMs: number) => number;
  /** Replaces the projects of several clients in one transaction (null: the client is gone). */
  readonly applyProjects: (batch: [clientId: string, projects: Project[] | null][]) => void;
  readonly applyProjectsPage: (items: ClientProjects[], cursor: string | null) => number;

  constructor(private readonly db: Database.Database) {
    // A run killed during a bulk fill left indexes out: put them back.
    db.exec(LEDGER_INDEX);
    this.ensureClientIndexes();
    const p = (sql: string) => db.prepare(sql);
    this.st = {
      cursor: p('SELECT cursor FROM sync_state WHERE feed = ?').pluck(),
      setCursor: p(
        `INSERT INTO sync_state (feed, cursor, synced_at) VALUES (@feed, @cursor, @at)
         ON CONFLICT(feed) DO UPDATE SET cursor = excluded.cursor, synced_at = excluded.synced_at`,
      ),
      upsertClient: p(UPSERT_CLIENT_SQL),
      delClient: p('DELETE FROM clients WHERE id = ?'),
      delProjects: p('DELETE FROM projects WHERE client_id = ?'),
      delTx: p('DELETE FROM transactions WHERE client_id = ?'),
      addTombstone: p('INSERT OR IGNORE INTO sync_tombstones (client_id) VALUES (?)'),
      addTodo: p('INSERT OR IGNORE INTO sync_projects_todo (client_id) VALUES (?)'),
      delTodo: p('DELETE FROM sync_projects_todo WHERE client_id = ?'),
      insProject: p(
        `INSERT INTO projects (pid, client_id, name, status, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(pid) DO UPDATE SET client_id = excluded.client_id, name = excluded.name,
           status = excluded.status, created_at = excluded.created_at`,
      ),
      insTx: p(
        // Ledger rows never change on the platform: a row seen again is the same row.
        `INSERT INTO transactions (id, client_id, project_pid, at_ms, kind, amount_minor, currency, service, description)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
      ),
    };
    const now = () => new Date().toISOString();

    this.applyClientsPage = db.transaction((items: ClientChange[], cursor: string | null) => {
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
        } else {
          this.st.upsertClient.run(clientParams(c));
          if (c.projects_count > 0) this.st.addTodo.run(c.id);
          else {
            this.st.delProjects.run(c.id);
            this.st.delTodo.run(c.id);
          }
          upserted++;
        }
      }
      this.st.setCursor.run({ feed: 'clients', cursor, at: now() });
      return { upserted, deleted };
    });

    this.applyTransactionsPage = db.transaction((items: Transaction[], cursor: string | null, windowStartMs: number) => {
      let n = 0;
      for (const t of items) {
        const at = Date.parse(t.at);
        if (at < windowStartMs) continue;
        if (this.tombstones().has(t.client_id)) continue;
        this.st.insTx.run(t.id, t.client_id, t.project_pid, at, t.kind, t.amount_minor, t.currency, t.service, t.description);
        n++;
      }
      this.st.setCursor.run({ feed: 'transactions', cursor, at: now() });
      return n;
    });

    // Each client's projects and the removal of its to-do row commit together, so a kill
    // leaves every client either done or still to do.
    this.applyProjects = db.transaction((batch: [string, Project[] | null][]) => {
      for (const [clientId, projects] of batch) {
        if (projects !== null) {
          this.st.delProjects.run(clientId);
          for (const pr of projects) this.st.insProject.run(pr.pid, clientId, pr.name, pr.status, pr.created_at);
        }
        this.st.delTodo.run(clientId);
      }
    });

    // A page of the projects feed: each listed client's projects replaced, its to-do row done,
    // and the feed's cursor, in one transaction. Clients the cache does not hold are skipped.
    const known = db.prepare('SELECT 1 FROM clients WHERE id = ?').pluck();
    this.applyProjectsPage = db.transaction((items: ClientProjects[], cursor: string | null) => {
      let n = 0;
      for (const { client_id: clientId, projects } of items) {
        if (known.get(clientId) === undefined) continue;
        this.st.delProjects.run(clientId);
        for (const pr of projects) this.st.insProject.run(pr.pid, clientId, pr.name, pr.status, pr.created_at);
        this.st.delTodo.run(clientId);
        n++;
      }
      this.st.setCursor.run({ feed: 'projects', cursor, at: now() });
      return n;
    });
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
  /**
   * Filling the ledger from scratch: maintaining the (client, time) index row by row costs more
   * than building it once at the end (ensureLedgerIndex, also run on open after a kill).
   */
  dropLedgerIndex(): void {
    this.db.exec('DROP INDEX IF EXISTS transactions_client_at');
  }
  /** Before filling an empty clients table: no list indexes, no per-row search indexing. */
  dropClientIndexes(): void {
    setSearchIndexReady(this.db, false);
    this.db.transaction(() => {
      for (const t of FTS_TRIGGERS) this.db.exec(`DROP TRIGGER IF EXISTS ${t.name}`);
      for (const i of CLIENT_INDEXES) this.db.exec(`DROP INDEX IF EXISTS ${i.name}`);
    })();
  }
  /** Puts back what dropClientIndexes took out; the search index is rebuilt from the table. */
  ensureClientIndexes(): void {
    const have = new Set(this.db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'clients'").pluck().all() as string[]);
    const missing = FTS_TRIGGERS.some((t) => !have.has(t.name)) || CLIENT_INDEXES.some((i) => !have.has(i.name));
    if (!missing) return setSearchIndexReady(this.db, true);
    this.db.transaction(() => {
      if (FTS_TRIGGERS.some((t) => !have.has(t.name))) {
        for (const t of FTS_TRIGGERS) this.db.exec(`DROP TRIGGER IF EXISTS ${t.name}`);
        this.db.exec('DELETE FROM clients_fts');
        this.db.exec('INSERT INTO clients_fts (rowid, search_text) SELECT rowid, search_text FROM clients');
        for (const t of FTS_TRIGGERS) this.db.exec(t.sql);
      }
      for (const i of CLIENT_INDEXES) this.db.exec(i.sql);
    })();
    setSearchIndexReady(this.db, true);
  }
  ensureLedgerIndex(): void {
    this.db.exec(LEDGER_INDEX);
  }
  resetCursor(feed: Feed): void {
    this.db.prepare('DELETE FROM sync_state WHERE feed = ?').run(feed);
  }
  projectsTodo(): string[] {
    return this.db.prepare('SELECT client_id FROM sync_projects_todo').pluck().all() as string[];
  }
  /**
   * Drops ledger rows older than the window (the window moves as months pass), but keeps the
   * periods a person fetched on demand (balance.fetchRange records them in ledger_fetched).
   */
  pruneLedger(windowStartMs: number): number {
    return this.db
      .prepare(
        `DELETE FROM transactions WHERE at_ms < ? AND NOT EXISTS (
           SELECT 1 FROM ledger_fetched f
           WHERE f.client_id = transactions.client_id AND transactions.at_ms >= f.from_ms AND transactions.at_ms < f.to_ms)`,
      )
      .run(windowStartMs).changes;
  }
}

