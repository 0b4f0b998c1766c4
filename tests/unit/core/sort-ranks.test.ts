/**
 * The positions of each sort order (clients/sort-ranks.ts), built in slices: equal to the plain
 * ORDER BY for every order (NULL keys, ties, names that differ only in case, empty names), whatever
 * the slice size; each slice read from the sort index alone; a build under way is dropped when the
 * data changes or the database closes, and a search arriving during a build is answered at once,
 * exactly, without the positions. Turns of the event loop are counted, never timed.
 */
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { tempDb, type TempDb } from '../../support/temp-db';
import { StatementCache } from '../../../electron/core/db/statements';
import { SyncStore } from '../../../electron/core/sync/store';
import { listRows, searchPlanInput, type DbClientRow, type ListInput } from '../../../electron/core/clients/queries';
import { plannedSearchPage } from '../../../electron/core/clients/search-plan';
import { buildingRanks, keptRanks, rankWalk, ranksPending, setRankSlice, wantRanks, type SortRanks } from '../../../electron/core/clients/sort-ranks';
import { ClientsListInput, SortColumn } from '../../../shared/contract/rpc/clients';
import { makeClients, SORT_SQL } from './fixtures';

let temp: TempDb;
let db: Database.Database;
let statements: StatementCache;
// (one read per slice: slices counted, never timed)
const sliceWas = setRankSlice({ rows: 4096, ms: 0 });
const input = (x: Partial<ListInput> = {}) => ClientsListInput.parse(x) as ListInput;
const turn = () => new Promise((r) => setImmediate(r));

/** The plain query's order, as positions by rowid. */
function plainPositions(column: SortColumn): Map<number, number> {
  const rowids = db.prepare(`SELECT rowid FROM clients NOT INDEXED ORDER BY ${SORT_SQL[column]}, id`).pluck().all() as number[];
  return new Map(rowids.map((r, i) => [r, i]));
}

function positionsOf(ranks: SortRanks): Map<number, number> {
  const out = new Map<number, number>();
  ranks.pos.forEach((i, r) => {
    if (i >= 0) out.set(r, i);
  });
  return out;
}

/** The sort index and key of a column, as the list plans them. */
function orderOf(column: SortColumn): { sortIndex: string; sortKey: string } {
  const p = searchPlanInput(statements, input({ search: 'alpha', sort: { column, dir: 'asc' } }))!;
  return { sortIndex: p.sortIndex, sortKey: p.sortKey };
}

/** Runs a walk to its end, counting its slices (the calls that read). */
function walkAll(column: SortColumn): { ranks: SortRanks | null; slices: number } {
  const { sortIndex, sortKey } = orderOf(column);
  const walk = rankWalk(statements, sortIndex, sortKey);
  let slices = 1;
  for (let step = walk.next(); ; step = walk.next(), slices++) if (step.done) return { ranks: step.value, slices };
}

/** Lets the core run its idle work to the end (a bounded number of turns). */
async function drain(): Promise<number> {
  let turns = 0;
  while (ranksPending(statements) && turns < 10_000) {
    await turn();
    turns++;
  }
  expect(ranksPending(statements)).toBe(false);
  return turns;
}

beforeAll(() => {
  temp = tempDb({ prefix: 'ranks' });
  db = temp.db;
  statements = new StatementCache(db);
  // NULLs in every nullable sort column (makeClients), runs of equal values (status, payment
  // model, projects), names equal but for case, and empty names.
  const clients = makeClients(2500, 21).map((c, i) => {
    if (i % 11 === 0) return { ...c, name: i % 2 ? 'Alpha Trade' : 'ALPHA trade', phone: null, external_id: null };
    if (i % 13 === 0) return { ...c, name: 'alpha TRADE', balance: { ...c.balance, payment: { amount_minor: 0, currency: 'RUB' as const } } };
    return c;
  });
  new SyncStore(db).applyClientsPage(clients, 'a');
  db.prepare("UPDATE clients SET name = '' WHERE rowid % 97 = 0").run();
  const nulls = db.prepare('SELECT sum(name IS NULL), sum(phone IS NULL), sum(external_id IS NULL), sum(registered_at IS NULL) FROM clients').raw().get() as number[];
  expect(nulls.every((n) => n > 10)).toBe(true);
});
afterEach(async () => {
  setRankSlice({ rows: 4096, ms: 0 });
  await drain();
});
afterAll(() => {
  setRankSlice(sliceWas);
  temp.close();
});

describe('positions built in slices', () => {
  it('equal the plain ORDER BY (and the index read at once) for every sort column, whatever the slice size', () => {
    for (const column of SortColumn.options) {
      const want = plainPositions(column);
      const { sortIndex } = orderOf(column);
      const atOnce = db.prepare(`SELECT rowid FROM clients INDEXED BY ${sortIndex} ORDER BY ${SORT_SQL[column]}, id`).pluck().all() as number[];
      expect(atOnce.map((r) => want.get(r)), column).toEqual(atOnce.map((_, i) => i));
      for (const rows of [1, 7, 250, 4096]) {
        setRankSlice({ rows, ms: 0 });
        const { ranks, slices } = walkAll(column);
        expect(ranks, `${column} by ${rows}`).not.toBeNull();
        expect(ranks!.total).toBe(want.size);
        expect(positionsOf(ranks!), `${column} by ${rows}`).toEqual(want);
        // (one per `rows` rowids read, and one more when the last is full)
        expect(slices, `${column} by ${rows}`).toBeGreaterThanOrEqual(Math.ceil(want.size / rows));
        expect(slices, `${column} by ${rows}`).toBeLessThanOrEqual(Math.ceil(want.size / rows) + 1);
      }
    }
  });

  it('each slice reads the sort index alone, as a range from where the last one stopped', () => {
    const seen: string[] = [];
    const recording = new StatementCache(db);
    const get = recording.get.bind(recording);
    recording.get = (sql: string) => {
      seen.push(sql);
      return get(sql);
    };
    for (const column of SortColumn.options) {
      const { sortIndex, sortKey } = orderOf(column);
      setRankSlice({ rows: 300, ms: 0 });
      seen.length = 0;
      const walk = rankWalk(recording, sortIndex, sortKey);
      for (let step = walk.next(); !step.done; step = walk.next());
      const reads = [...new Set(seen.filter((sql) => sql.includes('INDEXED BY')))];
      expect(reads.length, column).toBeGreaterThanOrEqual(3);
      for (const sql of reads) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ k: 'x', id: 'x', n: 1 }) as { detail: string }[]).map((r) => r.detail);
        expect(plan, sql).toEqual([expect.stringContaining(`USING COVERING INDEX ${sortIndex}`)]);
        // A read after a key seeks to it (a range of the index), never reads the index from its start.
        if (/@k|X''|@id/.test(sql)) expect(plan[0], sql).toMatch(/^SEARCH /);
      }
    }
  });
});

describe('building positions while the core is idle', () => {
  const column: SortColumn = 'email';
  const touch = () => db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('test.touch', ?)").run(String(Math.random()));
  const ask = () => {
    const { sortIndex, sortKey } = orderOf(column);
    // (asked twice on the same data: a search that finds the data changed since the last asks for nothing)
    wantRanks(statements, sortIndex, sortKey);
    wantRanks(statements, sortIndex, sortKey);
    return sortIndex;
  };

  it('a search arriving during a build is answered at once, exactly, without the positions; the next after it with them', async () => {
    setRankSlice({ rows: 200, ms: 0 });
    const sortIndex = ask();
    expect(keptRanks(statements, sortIndex)).toBeNull();
    await turn();
    await turn();
    expect(buildingRanks(statements, sortIndex)).toBe(true);
    const i = input({ search: 'alpha', sort: { column, dir: 'desc' }, limit: 40 });
    const want = db.prepare('SELECT id FROM clients WHERE instr(search_text, ?) > 0 ORDER BY email DESC, id DESC LIMIT 40').pluck().all('alpha');
    expect(plannedSearchPage<DbClientRow>(statements, searchPlanInput(statements, i)!)!.plan).not.toBe('rank');
    expect(listRows(statements, i).map((r) => r.id)).toEqual(want);
    // Answered before the build finished: it is still under way, its positions unused.
    expect(buildingRanks(statements, sortIndex)).toBe(true);
    expect(keptRanks(statements, sortIndex)).toBeNull();
    const turns = await drain();
    expect(turns).toBeGreaterThan(5);
    expect(keptRanks(statements, sortIndex)).not.toBeNull();
    expect(positionsOf(keptRanks(statements, sortIndex)!)).toEqual(plainPositions(column));
    expect(plannedSearchPage<DbClientRow>(statements, searchPlanInput(statements, i)!)!.plan).toBe('rank');
    expect(listRows(statements, i).map((r) => r.id)).toEqual(want);
  });

  for (const by of ['this connection', 'another connection'] as const) {
    it(`a change of the data during a build (by ${by}) drops it: its positions are never used`, async () => {
      setRankSlice({ rows: 200, ms: 0 });
      touch(); // (the positions the test before built are for other data now)
      const sortIndex = ask();
      expect(keptRanks(statements, sortIndex)).toBeNull();
      await turn();
      await turn();
      expect(buildingRanks(statements, sortIndex)).toBe(true);
      // The first client of the order moves behind the second, both read already: the walk alone
      // cannot see it (positions finished from here would be stale).
      const [moved, second] = db.prepare('SELECT id, email FROM clients ORDER BY email, id LIMIT 2').all() as { id: string; email: string }[];
      const email = `${second!.email}0`;
      if (by === 'this connection') db.prepare('UPDATE clients SET email = ? WHERE id = ?').run(email, moved!.id);
      else {
        const other = new Database(temp.file);
        try {
          other.prepare('UPDATE clients SET email = ? WHERE id = ?').run(email, moved!.id);
        } finally {
          other.close();
        }
      }
      await drain();
      expect(buildingRanks(statements, sortIndex)).toBe(false);
      expect(keptRanks(statements, sortIndex)).toBeNull();
      const i = input({ search: 'user', sort: { column, dir: 'asc' }, limit: 20 });
      const want = db.prepare('SELECT id FROM clients WHERE instr(search_text, ?) > 0 ORDER BY email, id LIMIT 20').pluck().all('user');
      expect(want.slice(0, 2)).toEqual([second!.id, moved!.id]);
      expect(listRows(statements, i).map((r) => r.id)).toEqual(want);
      // Asked again on the data as it is now: built, and right.
      ask();
      await drain();
      expect(positionsOf(keptRanks(statements, sortIndex)!)).toEqual(plainPositions(column));
      expect(plannedSearchPage<DbClientRow>(statements, searchPlanInput(statements, i)!, 'rank')!.rows.map((r) => r.id)).toEqual(want);
    });
  }

  it('a database closed during a build drops it quietly', async () => {
    const other = tempDb({ prefix: 'ranks-close' });
    try {
      const st = new StatementCache(other.db);
      new SyncStore(other.db).applyClientsPage(makeClients(900, 4), 'a');
      setRankSlice({ rows: 50, ms: 0 });
      const { sortIndex, sortKey } = orderOf('phone');
      wantRanks(st, sortIndex, sortKey);
      wantRanks(st, sortIndex, sortKey);
      await turn();
      await turn();
      expect(buildingRanks(st, sortIndex)).toBe(true);
      other.db.close();
      for (let t = 0; t < 5; t++) await turn();
      expect(ranksPending(st)).toBe(false);
      expect(buildingRanks(st, sortIndex)).toBe(false);
    } finally {
      other.close();
    }
  });
});
