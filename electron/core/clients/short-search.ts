/**
 * Searches of one or two characters, which the trigram index cannot answer: how many clients
 * match comes from search_grams (migration 008: per string of one or two characters, the clients
 * whose search text holds it), and counts of any filter are kept per state of the data, so the
 * list's count is not re-read on every keystroke or refresh.
 */
import type Database from 'better-sqlite3';
import type { ClientFilter } from '../../../shared/contract/rpc/clients';
import type { StatementCache } from '../db/statements';
import { writeStamp } from '../db/write-stamp';

export const GRAMS_OWED_KEY = 'search.grams';

/** Whether search_grams holds every client now (not during the first sync's fill, not after an upgrade until rebuilt). */
export function gramsReady(statements: StatementCache): boolean {
  return statements.get('SELECT 1 FROM meta WHERE key = ?').get(GRAMS_OWED_KEY) === undefined;
}

/** The number of code points of a normalised search when it is one or two long, else null (and null with a NUL). */
export function shortLength(q: string): number | null {
  if (q === '' || q.includes('\u0000')) return null;
  const n = [...q].length;
  return n <= 2 ? n : null;
}

/** How many clients' search text holds q (one or two characters); null when search_grams cannot say. */
export function shortSearchCount(statements: StatementCache, q: string): number | null {
  if (shortLength(q) === null || !gramsReady(statements)) return null;
  return (statements.get('SELECT coalesce((SELECT n FROM search_grams WHERE gram = ?), 0)').pluck().get(q) as number) ?? 0;
}

/**
 * Rebuilds search_grams from the clients table (one pass over the search texts, in code points as
 * SQLite's substr counts them, cut at a NUL as its length() is). The caller runs it inside the
 * transaction that puts the triggers back.
 */
export function rebuildSearchGrams(db: Database.Database): void {
  // Grams as numbers (a code point, or two: first * 0x110000 + second + 1), each with its count
  // and the last row that counted it (a gram counts once per row).
  const idOf = new Map<number, number>();
  const grams: number[] = [];
  let counts = new Int32Array(4096);
  let lastRow = new Int32Array(4096).fill(-1);
  const bump = (g: number, row: number) => {
    let id = idOf.get(g);
    if (id === undefined) {
      id = grams.length;
      idOf.set(g, id);
      grams.push(g);
      if (id >= counts.length) {
        const c = new Int32Array(counts.length * 2);
        c.set(counts);
        counts = c;
        const l = new Int32Array(lastRow.length * 2).fill(-1);
        l.set(lastRow);
        lastRow = l;
      }
    }
    if (lastRow[id] !== row) {
      lastRow[id] = row;
      counts[id]!++;
    }
  };
  let row = 0;
  for (const text of db.prepare('SELECT search_text FROM clients').pluck().iterate() as IterableIterator<string>) {
    let prev = -1;
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i) as number;
      if (cp === 0) break; // SQLite's length() and substr() stop at a NUL
      i += cp > 0xffff ? 2 : 1;
      bump(cp, row);
      if (prev >= 0) bump(prev * 0x110000 + cp + 1 + 0x110000, row);
      prev = cp;
    }
    row++;
  }
  db.exec('DELETE FROM search_grams');
  const ins = db.prepare('INSERT INTO search_grams (gram, n) VALUES (?, ?)');
  grams.forEach((g, id) => {
    const text = g < 0x110000 ? String.fromCodePoint(g) : String.fromCodePoint(Math.floor((g - 0x110000 - 1) / 0x110000), (g - 0x110000 - 1) % 0x110000);
    ins.run(text, counts[id]);
  });
}

/**
 * A key that changes whenever the data may have: this connection's total of changed rows
 * (total_changes(), which counts every insert, update and delete, triggers' included) and PRAGMA
 * data_version (which moves when another connection commits). null inside an open transaction (a
 * rollback could undo what is read there): nothing read then is kept.
 */
export function dataGeneration(statements: StatementCache): string | null {
  return statements.db.inTransaction ? null : writeStamp(statements.db);
}

/**
 * Values kept per database for the data as it is (counts, an order's positions, a search's
 * matches): the map a caller reads and fills is emptied whenever the data changed since
 * (dataGeneration); none inside an open transaction, where nothing read may be kept.
 */
export class KeptForData<V> {
  private readonly byDb = new WeakMap<Database.Database, { gen: string; map: Map<string, V> }>();

  /** The values kept for the data as it is now, or null inside an open transaction. */
  map(statements: StatementCache): Map<string, V> | null {
    const gen = dataGeneration(statements);
    if (gen === null) return null;
    let kept = this.byDb.get(statements.db);
    if (!kept || kept.gen !== gen) this.byDb.set(statements.db, (kept = { gen, map: new Map() }));
    return kept.map;
  }
}

/** Counts kept per database, each valid while its data is unchanged. */
const countCaches = new KeptForData<number>();
const COUNT_CACHE_MAX = 200;

/**
 * The count of a filter as last computed, while nothing was written since (dataGeneration).
 * Filters relative to the current time (Home's) and reads inside an open transaction are not kept.
 */
export function cachedCount(statements: StatementCache, f: ClientFilter, compute: () => number): number {
  const byFilter = f.runsOutWithinDays !== undefined || f.invitedOverDays !== undefined ? null : countCaches.map(statements);
  if (byFilter === null) return compute();
  // Every field of the filter (a list input's sort and page do not change its count).
  const key = JSON.stringify(Object.entries(f).filter(([k]) => k !== 'sort' && k !== 'offset' && k !== 'limit').sort(([a], [b]) => (a < b ? -1 : 1)));
  const hit = byFilter.get(key);
  if (hit !== undefined) return hit;
  const n = compute();
  if (byFilter.size >= COUNT_CACHE_MAX) byFilter.clear();
  byFilter.set(key, n);
  return n;
}
