/**
 * The clients table's list indexes and search index during a first fill. Filling an empty table
 * row by row with eleven sort indexes and a trigram index costs several times the bare insert, so
 * the fill runs without them and they are built afterwards: the search index in slices sized to
 * fit the engine's waits for the platform's next page, then what cannot be split (each list index,
 * the short searches' counts) a step at a time right after the sync has reported done, the app
 * answering between steps (list and search fall back to scans until each index exists).
 *
 * State, in meta `sync.clientIndexDebt`, so a kill at any moment resumes:
 * - absent: every index and the search triggers exist, the search index is whole;
 * - 'fill': the feed is filling the table: no list indexes, no triggers, the search index empty;
 * - a number N: the fill is over, the triggers are back (they keep later changes in step), the
 *   search index holds every row with rowid ≤ N, and some list indexes may still be missing.
 * While any debt remains, search scans the table (queries.ts) instead of asking the search index.
 * The counts of short searches (search_grams, migration 008) follow the same way: their triggers
 * are dropped for the fill, meta `search.grams` says they are owed, and the last step rebuilds
 * them in one pass and puts the triggers back (a cache upgraded with clients in it: when opened).
 */
import type Database from 'better-sqlite3';
import { setSearchIndexReady } from '../clients/queries';
import { GRAMS_OWED_KEY, rebuildSearchGrams } from '../clients/short-search';
import { up as core001 } from '../db/migrations/001-core';
import { FILL_SEQ, SEARCH_GRAM_TRIGGERS } from '../db/migrations/008-search-grams';
import { CLIENT_TEXT_INDEXES } from '../db/migrations/009-text-sort-indexes';

const DEBT_KEY = 'sync.clientIndexDebt';
/** Rows copied into the search index per step at most (a few tens of ms), and at least. */
const FTS_STEP = 2500;
const FTS_STEP_MIN = 400;

/** The clients table's list indexes, read from the migrations themselves: 001's, as 009 redefined some. */
const indexesOf = (sql: string) =>
  [...sql.matchAll(/^CREATE INDEX (clients_\w+) ON clients [^;]*;/gm)].map((m) => ({
    name: m[1] as string,
    sql: m[0].replace('CREATE INDEX ', 'CREATE INDEX IF NOT EXISTS '),
  }));
const redefined = new Map(indexesOf(CLIENT_TEXT_INDEXES).map((i) => [i.name, i]));
const CLIENT_INDEXES = indexesOf(core001).map((i) => redefined.get(i.name) ?? i);
/** The search triggers, from migration 001. */
const FTS_TRIGGERS = [...core001.matchAll(/^CREATE TRIGGER (clients_fts_\w+)[\s\S]*?END;/gm)].map((m) => ({
  name: m[1] as string,
  sql: m[0].replace('CREATE TRIGGER ', 'CREATE TRIGGER IF NOT EXISTS '),
}));

export class ClientIndexes {
  private readonly st;
  /**
   * Milliseconds per search-index row copied, as the last slices went (sizes the next slice to a
   * budget). Time per row, not rows per time: a slice now and then holds a merge inside the index that
   * makes it several times slower, and an average of times counts it in full.
   */
  private msPerRow = 0;

  constructor(private readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.st = {
      get: p('SELECT value FROM meta WHERE key = ?').pluck(),
      set: p('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      del: p('DELETE FROM meta WHERE key = ?'),
      maxRowid: p('SELECT coalesce(max(rowid), 0) FROM clients').pluck(),
      ftsDel: p('DELETE FROM clients_fts WHERE rowid > ? AND rowid <= ?'),
      ftsCopy: p('INSERT INTO clients_fts (rowid, search_text) SELECT rowid, search_text FROM clients WHERE rowid > ? AND rowid <= ?'),
      nextRowid: p('SELECT rowid FROM clients WHERE rowid > ? ORDER BY rowid LIMIT 1 OFFSET ?').pluck(),
      names: p("SELECT name FROM sqlite_master WHERE tbl_name = 'clients'").pluck(),
    };
    this.repairLegacy();
    // A fill in progress has no list indexes (an upgrade may have built some since it began).
    if (this.debt() === 'fill') for (const i of CLIENT_INDEXES) db.exec(`DROP INDEX IF EXISTS ${i.name}`);
    setSearchIndexReady(db, this.debt() === null);
  }

  /** null: nothing owed; 'fill': the table is being filled; a number: the search index's watermark. */
  debt(): 'fill' | number | null {
    const v = this.st.get.get(DEBT_KEY) as string | undefined;
    if (v === undefined) return null;
    return v === 'fill' ? 'fill' : Number(v);
  }

  /** Before filling an empty clients table (or continuing a fill a kill interrupted). */
  beginFill(): void {
    setSearchIndexReady(this.db, false);
    this.db.transaction(() => {
      for (const t of [...FTS_TRIGGERS, ...SEARCH_GRAM_TRIGGERS]) this.db.exec(`DROP TRIGGER IF EXISTS ${t.name}`);
      for (const i of CLIENT_INDEXES) this.db.exec(`DROP INDEX IF EXISTS ${i.name}`);
      this.db.exec('DELETE FROM clients_fts');
      this.db.exec('DELETE FROM search_grams');
      this.st.set.run(GRAMS_OWED_KEY, 'owed');
      this.st.set.run(DEBT_KEY, 'fill');
    })();
  }

  /** The feed is done: the triggers come back now; the indexes are owed (payStep). */
  endFill(): void {
    this.db.transaction(() => {
      for (const t of FTS_TRIGGERS) this.db.exec(t.sql);
      this.st.set.run(DEBT_KEY, '0');
    })();
  }

  /**
   * One step of what is owed: a slice of the search index, or one list index, or the short
   * searches' counts. Returns whether it did one (then more may be owed). Nothing is done while the
   * table is still being filled. With `budgetMs`, only a slice of the search index sized to take
   * about that long (by the last slices' pace; none when even the smallest would take longer), and
   * nothing once only unsplittable steps are left.
   */
  payStep(budgetMs?: number): boolean {
    const d = this.debt();
    if (d === null || d === 'fill') return false;
    const max = this.st.maxRowid.get() as number;
    if (d < max) {
      // Under a budget the smallest slice does not fit in (by the last slices' pace), nothing: a
      // slice longer than the wait it fills would hold up the next page.
      if (budgetMs !== undefined && this.msPerRow > 0 && FTS_STEP_MIN * this.msPerRow > budgetMs) return false;
      const rows =
        budgetMs === undefined ? FTS_STEP : this.msPerRow > 0 ? Math.max(FTS_STEP_MIN, Math.min(FTS_STEP, Math.round(budgetMs / this.msPerRow))) : FTS_STEP_MIN;
      const to = (this.st.nextRowid.get(d, rows - 1) as number | undefined) ?? max;
      const t0 = performance.now();
      this.db.transaction(() => {
        // Rows a trigger already indexed (changed or added since the fill) are replaced, not doubled.
        this.st.ftsDel.run(d, to);
        this.st.ftsCopy.run(d, to);
        this.st.set.run(DEBT_KEY, String(to));
      })();
      // The pace of this slice weighs half in the estimate.
      const pace = (performance.now() - t0) / rows;
      this.msPerRow = this.msPerRow > 0 ? (this.msPerRow + pace) / 2 : pace;
      if (to >= max) setSearchIndexReady(this.db, true);
      return true;
    }
    setSearchIndexReady(this.db, true);
    if (budgetMs !== undefined) return false;
    const have = new Set(this.st.names.all() as string[]);
    const missing = CLIENT_INDEXES.find((i) => !have.has(i.name));
    if (missing) {
      this.db.exec(missing.sql);
      return true;
    }
    if (this.payGrams()) return true;
    this.st.del.run(DEBT_KEY);
    return false;
  }

  /** Rebuilds the short searches' counts if they are owed, with their triggers, in one transaction. */
  private payGrams(): boolean {
    if (this.st.get.get(GRAMS_OWED_KEY) === undefined) return false;
    this.db.transaction(() => {
      this.db.exec(FILL_SEQ);
      for (const t of SEARCH_GRAM_TRIGGERS) this.db.exec(t.sql);
      rebuildSearchGrams(this.db);
      this.st.del.run(GRAMS_OWED_KEY);
    })();
    return true;
  }

  /** Everything owed, now. */
  payAll(): void {
    if (this.debt() === 'fill') this.endFill();
    while (this.payStep()) {
      /* next step */
    }
  }

  /** A cache from before the debt was recorded, killed with indexes dropped: rebuild now. */
  private repairLegacy(): void {
    if (this.debt() !== null) return;
    this.payGrams();
    const have = new Set(this.st.names.all() as string[]);
    if (FTS_TRIGGERS.every((t) => have.has(t.name)) && CLIENT_INDEXES.every((i) => have.has(i.name))) return;
    this.db.transaction(() => {
      this.db.exec('DELETE FROM clients_fts');
      this.st.set.run(DEBT_KEY, 'fill');
    })();
    this.payAll();
  }
}
