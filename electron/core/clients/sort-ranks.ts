/**
 * Each client's position in a sort order of the list, kept in memory while the data is unchanged
 * (dataGeneration), so a search can put its matches in order without reading a row per match: the
 * trigram index gives the matching rowids, their positions give the page (search-plan.ts, plan
 * 'rank'). Built when the core is next idle after a search that wanted them (wantRanks: a build
 * reads every client, so it is kept off the query that asked), from the sort index alone, in slices
 * of a few thousand rowids, one per turn of the event loop, so a query arriving meanwhile waits for
 * one slice at most (rankWalk: a keyset walk of the index in ascending order; a descending sort
 * reads the positions backwards: the id tie-break makes it the exact reverse); used only once
 * complete, dropped if the data changes before, for the orders used last; 4 bytes per client per order.
 */
import type Database from 'better-sqlite3';
import type { StatementCache } from '../db/statements';
import { dataGeneration, KeptForData } from './short-search';

export interface SortRanks {
  /** Position of each rowid in ascending order (-1: no such row). */
  pos: Int32Array;
  /** Rows ranked. */
  total: number;
}

/** Bytes of positions kept per database (the orders used last): every order up to 360k clients, four at a million. */
const KEEP_BYTES = 16 << 20;
const kept = new KeptForData<SortRanks>();

/** The positions for this sort index if they are kept for the data as it is now, else null. */
export function keptRanks(statements: StatementCache, sortIndex: string): SortRanks | null {
  const byIndex = kept.map(statements);
  const r = byIndex?.get(sortIndex);
  if (!byIndex || !r) return null;
  // The most recently used last (the first is the one to drop).
  byIndex.delete(sortIndex);
  byIndex.set(sortIndex, r);
  return r;
}

/**
 * A slice of a build: reads of `rows` rowids from the index (a few tenths of a millisecond each on
 * this class of machine), one after another until `ms` have passed since the slice began (one read
 * at least), so a query arriving during a build waits about that long at most, loaded machine or not.
 */
let slice = { rows: 1024, ms: 4 };

/** Sets how a slice of a build reads (tests: `ms: 0`, one read of `rows` per slice); returns the previous setting. */
export function setRankSlice(next: { rows: number; ms: number }): { rows: number; ms: number } {
  const was = slice;
  slice = { rows: Math.max(1, Math.floor(next.rows)), ms: next.ms };
  return was;
}

/**
 * Builds (and keeps, outside a transaction) the positions of an order at once: `sortKey` is its sort
 * expression (ascending, with the id tie-break), `sortIndex` the index that holds it. null when
 * rowids are too sparse for an array by rowid (then the plan is not used).
 */
export function buildRanks(statements: StatementCache, sortIndex: string, sortKey: string): SortRanks | null {
  const walk = rankWalk(statements, sortIndex, sortKey);
  let step = walk.next();
  while (!step.done) step = walk.next();
  if (step.value) keep(statements, sortIndex, step.value);
  return step.value;
}

/**
 * The positions of an order, read from its sort index in slices (see `slice`; a yield after each:
 * the caller checks between two that the data has not changed, else drops the walk): each read a
 * keyset read of the index alone, from the last entry read, in the index's order
 * (sortKey ascending, id ascending), so no statement stays open between two:
 * the entries whose key is NULL (first in ascending order) by id, then every other value (any
 * number or text is less than a blob: `< X''` starts the index's range after its NULLs), each
 * next read taking first the entries that tie with the last one read (same key, greater id),
 * then those of greater keys. The comparisons take the collation of sortKey (NOCASE for a name),
 * as the index does.
 */
export function* rankWalk(statements: StatementCache, sortIndex: string, sortKey: string): Generator<void, SortRanks | null, void> {
  // (two statements: each alone is answered from the b-tree's structure, together they scan it)
  const total = statements.get('SELECT count(*) FROM clients').pluck().get() as number;
  const max = statements.get('SELECT coalesce(max(rowid), 0) FROM clients').pluck().get() as number;
  if (max > 4 * total + 4096) return null;
  const pos = new Int32Array(max + 1).fill(-1);
  const read = (where: string) => statements.get(`SELECT c.rowid FROM clients c INDEXED BY ${sortIndex} WHERE ${where} ORDER BY ${sortKey}, c.id LIMIT @n`).pluck();
  const keyOf = statements.get(`SELECT ${sortKey} AS k, c.id AS id FROM clients c WHERE c.rowid = ?`);
  // What the next read is: the NULL keys from the start or after an id, every value from the start,
  // the ties of the last entry read, the keys greater than it.
  let phase: 'nulls' | 'nullsAfter' | 'values' | 'ties' | 'after' | 'done' = 'nulls';
  let last = { k: null as unknown, id: '' };
  let i = 0;
  for (;;) {
    const began = performance.now();
    do {
      let budget = slice.rows;
      while (budget > 0 && phase !== 'done') {
        const n = budget;
        const rowids = (
          phase === 'nulls'
            ? read(`${sortKey} IS NULL`).all({ n })
            : phase === 'nullsAfter'
              ? read(`${sortKey} IS NULL AND c.id > @id`).all({ id: last.id, n })
              : phase === 'values'
                ? read(`${sortKey} < X''`).all({ n })
                : phase === 'ties'
                  ? read(`${sortKey} = @k AND c.id > @id`).all({ k: last.k, id: last.id, n })
                  : read(`${sortKey} > @k`).all({ k: last.k, n })
        ) as number[];
        for (const r of rowids) {
          if (r > max || i >= total) return null;
          pos[r] = i++;
        }
        budget -= rowids.length;
        const full = rowids.length === n;
        if (rowids.length > 0) last = keyOf.get(rowids[rowids.length - 1]) as { k: unknown; id: string };
        if (phase === 'nulls' || phase === 'nullsAfter') phase = full ? 'nullsAfter' : 'values';
        else if (phase === 'ties') phase = full ? 'ties' : 'after';
        else phase = full ? 'ties' : 'done';
      }
    } while (phase !== 'done' && performance.now() - began < slice.ms);
    if (phase === 'done') return i === total ? { pos, total } : null;
    yield;
  }
}

/** Keeps an order's positions for the data as it is now, dropping the orders used longest ago past KEEP_BYTES. */
function keep(statements: StatementCache, sortIndex: string, ranks: SortRanks): void {
  const byIndex = kept.map(statements);
  if (!byIndex) return;
  byIndex.set(sortIndex, ranks);
  let bytes = 0;
  for (const r of byIndex.values()) bytes += r.pos.byteLength;
  for (const [name, r] of byIndex) {
    if (bytes <= KEEP_BYTES || name === sortIndex) break;
    byIndex.delete(name);
    bytes -= r.pos.byteLength;
  }
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

/** Per database: the orders searches wanted positions for (with the data's generation then), and the build under way. */
interface Builds {
  wished: Map<string, { sortKey: string; gen: string }>;
  building: { sortIndex: string; gen: string; walk: Generator<void, SortRanks | null, void> } | null;
  scheduled: boolean;
}
const builds = new WeakMap<Database.Database, Builds>();
/** The data's generation at the last search that wanted positions, per database. */
const lastGen = new WeakMap<Database.Database, string>();

/**
 * Asks for the positions of an order (`sortKey` ascending with the id tie-break, held by
 * `sortIndex`), built after the current task, a slice per turn of the event loop (queries in the
 * queue are answered between two), if the data has not changed by then. Only while the data holds
 * still: a search that finds it changed since the last one (a sync writing) asks for nothing, as
 * positions built then would be stale at once.
 */
export function wantRanks(statements: StatementCache, sortIndex: string, sortKey: string): void {
  const db = statements.db;
  const gen = dataGeneration(statements);
  const last = lastGen.get(db);
  if (gen === null) return;
  lastGen.set(db, gen);
  if (gen !== last) return;
  let b = builds.get(db);
  if (!b) builds.set(db, (b = { wished: new Map(), building: null, scheduled: false }));
  if (b.building?.sortIndex === sortIndex && b.building.gen === gen) return;
  b.wished.set(sortIndex, { sortKey, gen });
  schedule(statements, b);
}

/** Whether an order's positions are being built now (started, not finished nor dropped). */
export function buildingRanks(statements: StatementCache, sortIndex: string): boolean {
  return builds.get(statements.db)?.building?.sortIndex === sortIndex;
}

/** Whether a build is under way or asked for (the core has idle work: tests and benches wait for it). */
export function ranksPending(statements: StatementCache): boolean {
  const b = builds.get(statements.db);
  return b !== undefined && (b.building !== null || b.wished.size > 0);
}

function schedule(statements: StatementCache, b: Builds): void {
  if (b.scheduled) return;
  b.scheduled = true;
  setImmediate(() => buildSlice(statements, b)).unref();
}

/**
 * One slice of the build under way, or the start of the first wished order still worth it (the data
 * unchanged since, not built meanwhile); the next on the next turn. A build whose data changed
 * between two slices (a write here or by another connection, a transaction open) is dropped, its
 * positions never used; so is every build when the database is closed.
 */
function buildSlice(statements: StatementCache, b: Builds): void {
  b.scheduled = false;
  if (!statements.db.open) {
    b.wished.clear();
    b.building = null;
    return;
  }
  const now = dataGeneration(statements);
  if (now === null) b.wished.clear();
  if (b.building && b.building.gen !== now) b.building = null;
  if (!b.building) {
    for (const [sortIndex, { sortKey, gen }] of b.wished) {
      b.wished.delete(sortIndex);
      if (gen !== now || keptRanks(statements, sortIndex)) continue;
      b.building = { sortIndex, gen, walk: rankWalk(statements, sortIndex, sortKey) };
      break;
    }
  }
  const building = b.building;
  if (building) {
    try {
      const step = building.walk.next();
      if (step.done) {
        b.building = null;
        if (step.value) keep(statements, building.sortIndex, step.value);
      }
    } catch {
      // The index is gone (a first fill dropped it): searches plan without positions meanwhile.
      b.building = null;
    }
  }
  if (b.building || b.wished.size > 0) schedule(statements, b);
}
