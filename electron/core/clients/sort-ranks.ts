/**
 * Each client's position in a sort order of the list, kept in memory while the data is unchanged
 * (dataGeneration), so a search can put its matches in order without reading a row per match: the
 * trigram index gives the matching rowids, their positions give the page (search-plan.ts, plan
 * 'rank'). Built when the core is next idle after a search that wanted them (wantRanks: a build
 * reads every client, so it is kept off the query that asked), from the sort index alone (one walk of its rowids, in ascending order; a descending
 * sort reads the positions backwards: the id tie-break makes it the exact reverse), for the orders
 * used last; 4 bytes per client per order.
 */
import type Database from 'better-sqlite3';
import type { StatementCache } from '../db/statements';
import { dataGeneration } from './short-search';

export interface SortRanks {
  /** Position of each rowid in ascending order (-1: no such row). */
  pos: Int32Array;
  /** Rows ranked. */
  total: number;
}

/** Bytes of positions kept per database (the orders used last): every order up to 360k clients, four at a million. */
const KEEP_BYTES = 16 << 20;
const caches = new WeakMap<Database.Database, { gen: string; byIndex: Map<string, SortRanks> }>();

function cacheOf(statements: StatementCache): Map<string, SortRanks> | null {
  const gen = dataGeneration(statements);
  if (gen === null) return null;
  let cache = caches.get(statements.db);
  if (!cache || cache.gen !== gen) {
    cache = { gen, byIndex: new Map() };
    caches.set(statements.db, cache);
  }
  return cache.byIndex;
}

/** The positions for this sort index if they are kept for the data as it is now, else null. */
export function keptRanks(statements: StatementCache, sortIndex: string): SortRanks | null {
  const byIndex = cacheOf(statements);
  const r = byIndex?.get(sortIndex);
  if (!byIndex || !r) return null;
  // The most recently used last (the first is the one to drop).
  byIndex.delete(sortIndex);
  byIndex.set(sortIndex, r);
  return r;
}

/**
 * Builds (and keeps, outside a transaction) the positions of an order: `ascOrder` is its ORDER BY in
 * ascending direction, `sortIndex` the index that holds it. null when rowids are too sparse for an
 * array by rowid (then the plan is not used).
 */
export function buildRanks(statements: StatementCache, sortIndex: string, ascOrder: string): SortRanks | null {
  const rowids = JSON.parse(
    statements.get(`SELECT json_group_array(rid) FROM (SELECT c.rowid AS rid FROM clients c INDEXED BY ${sortIndex} ORDER BY ${ascOrder})`).pluck().get() as string,
  ) as number[];
  let max = 0;
  for (const r of rowids) if (r > max) max = r;
  if (max > 4 * rowids.length + 4096) return null;
  const pos = new Int32Array(max + 1).fill(-1);
  rowids.forEach((r, i) => (pos[r] = i));
  const ranks = { pos, total: rowids.length };
  const byIndex = cacheOf(statements);
  if (byIndex) {
    byIndex.set(sortIndex, ranks);
    let bytes = 0;
    for (const r of byIndex.values()) bytes += r.pos.byteLength;
    for (const [name, r] of byIndex) {
      if (bytes <= KEEP_BYTES || name === sortIndex) break;
      byIndex.delete(name);
      bytes -= r.pos.byteLength;
    }
  }
  return ranks;
}

/**
 * The first `want` of `candidates` (rowids, a superset of the matches) in the order, desc or not,
 * that `test` (rowids → those that match) keeps; tested in batches, in order.
 */
export function firstInOrder(ranks: SortRanks, candidates: number[], desc: boolean, want: number, test: (rowids: number[]) => Set<number>): number[] {
  const at = new Int32Array(ranks.total).fill(-1);
  for (const r of candidates) {
    const i = r < ranks.pos.length ? ranks.pos[r]! : -1;
    if (i >= 0) at[desc ? ranks.total - 1 - i : i] = r;
  }
  const out: number[] = [];
  let i = 0;
  while (out.length < want && i < at.length) {
    const batch: number[] = [];
    for (; i < at.length && batch.length < want - out.length; i++) if (at[i]! >= 0) batch.push(at[i]!);
    if (batch.length === 0) break;
    const ok = test(batch);
    for (const r of batch) if (ok.has(r)) out.push(r);
  }
  return out;
}

/** Orders searches wanted positions for, per database, with the data's generation then. */
const wanted = new WeakMap<Database.Database, Map<string, { ascOrder: string; gen: string }>>();
/** The data's generation at the last search that wanted positions, per database. */
const lastGen = new WeakMap<Database.Database, string>();

/**
 * Asks for the positions of an order (`ascOrder` ascending, held by `sortIndex`), built after the
 * current task (one order per turn of the event loop) if the data has not changed by then. Only
 * while the data holds still: a search that finds it changed since the last one (a sync writing)
 * asks for nothing, as positions built then would be stale at once.
 */
export function wantRanks(statements: StatementCache, sortIndex: string, ascOrder: string): void {
  const db = statements.db;
  const gen = dataGeneration(statements);
  const last = lastGen.get(db);
  if (gen === null) return;
  lastGen.set(db, gen);
  if (gen !== last) return;
  let w = wanted.get(db);
  if (!w) wanted.set(db, (w = new Map()));
  const pending = w.size > 0;
  w.set(sortIndex, { ascOrder, gen });
  if (!pending) setImmediate(() => buildWanted(statements, w)).unref();
}

/** Builds the first wished order still worth it (the data unchanged since, not built meanwhile); the next on the next turn. */
function buildWanted(statements: StatementCache, w: Map<string, { ascOrder: string; gen: string }>): void {
  if (!statements.db.open) return w.clear();
  const now = dataGeneration(statements);
  for (const [sortIndex, { ascOrder, gen }] of w) {
    w.delete(sortIndex);
    if (gen !== now || keptRanks(statements, sortIndex)) continue;
    try {
      buildRanks(statements, sortIndex, ascOrder);
    } catch {
      // The index is gone (a first fill dropped it): searches plan without positions meanwhile.
    }
    break;
  }
  if (w.size > 0) setImmediate(() => buildWanted(statements, w)).unref();
}
