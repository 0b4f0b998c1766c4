/**
 * The planned pages of a search alone (search-plan.ts): every plan, forced, and the plan the
 * planner picks give exactly the rows, in the order, of the plain query (every match sorted), for
 * searches of one, two and more characters (Cyrillic, Latin, digits, phone fragments, separators,
 * none matching), every sort column both ways (ties, NULLs), and pages at several offsets.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import Database from 'better-sqlite3';
import { tempDb, type TempDb } from '../../support/temp-db';
import { StatementCache } from '../../../electron/core/db/statements';
import { SyncStore } from '../../../electron/core/sync/store';
import { listRows, normaliseSearch, searchPlanInput, type DbClientRow, type ListInput } from '../../../electron/core/clients/queries';
import { plannedSearchPage, type PlanName } from '../../../electron/core/clients/search-plan';
import { keptRanks } from '../../../electron/core/clients/sort-ranks';
import { ClientsListInput, SortColumn } from '../../../shared/contract/rpc/clients';
import type { Client } from '../../../shared/contract/platform';
import { makeClients, SORT_SQL } from './fixtures';

let temp: TempDb;
let db: Database.Database;
let statements: StatementCache;
const input = (x: Partial<ListInput> = {}) => ClientsListInput.parse(x) as ListInput;


/** Clients whose matches cluster in some orders: Latin names first under a name sort, Cyrillic ones after; equal names and balances (ties). */
function clustered(): Client[] {
  const base = makeClients(1800, 11);
  return base.map((c, i) => {
    if (i % 3 === 0) return { ...c, name: i % 2 ? 'Zeta Holding' : 'Alpha Trade', email: `alpha${i}@zeta.com`, phone: null };
    if (i % 5 === 0) return { ...c, name: 'ООО «Жёлудь»', balance: { ...c.balance, payment: { amount_minor: 0, currency: 'RUB' } } };
    return c;
  });
}

beforeAll(() => {
  temp = tempDb({ prefix: 'plan' });
  db = temp.db;
  statements = new StatementCache(db);
  new SyncStore(db).applyClientsPage(clustered(), 'a');
});
afterAll(() => temp.close());

function plain(q: string, column: SortColumn, dir: 'asc' | 'desc', offset: number, limit: number): string[] {
  const d = dir.toUpperCase();
  return db
    .prepare(`SELECT id FROM clients NOT INDEXED WHERE instr(search_text, ?) > 0 ORDER BY ${SORT_SQL[column]} ${d}, id ${d} LIMIT ? OFFSET ?`)
    .pluck()
    .all(normaliseSearch(q), limit, offset) as string[];
}

/** A few pairs of characters that some search text holds only as its last two. */
function pairsOnlyAtEnd(): string[] {
  const texts = db.prepare('SELECT search_text FROM clients').pluck().all() as string[];
  const pairs = texts.map((t) => t.slice(-2)).filter((e, i) => texts[i]!.indexOf(e) === texts[i]!.length - 2);
  expect(pairs.length).toBeGreaterThan(0);
  return [...new Set(pairs)].slice(0, 3);
}

const SEARCHES = {
  'one character (common, rare, Cyrillic, digit, separator)': ['о', 'a', 'ж', '7', '@'],
  // (and the ends of texts: a pair only at a text's end is held by no trigram that starts with it)
  'two characters': ['ол', 'ze', 'жё', '00', 'a ', ' «', 'qq', 'END'],
  'three and more (words, e-mail parts, phone fragments, ids, nothing)': ['ооо', 'alpha', '«жёлудь»', 'zeta.com', '+7 (912)', '345', 'c0012', 'ext-7', 'user1', 'no such', 'ex"t «ж'],
};
const plansUsed = new Set<string>();

describe('planned pages of a search alone', () => {
  for (const [group, searches] of Object.entries(SEARCHES)) {
    it(`every plan gives the plain query\u2019s page, by every column both ways: ${group}`, () => {
      for (const search of searches.flatMap((s) => (s === 'END' ? pairsOnlyAtEnd() : [s]))) {
        for (const column of SortColumn.options) {
          for (const dir of ['asc', 'desc'] as const) {
            for (const [offset, limit] of [[0, 100], [130, 7]] as const) {
              const i = input({ search, sort: { column, dir }, offset, limit });
              const expected = plain(search, column, dir, offset, limit);
              const p = searchPlanInput(statements, i);
              expect(p, search).not.toBeNull();
              for (const force of [undefined, 'walk', 'probe', 'sort', 'rank', 'scan'] as (PlanName | undefined)[]) {
                // (the planner also without kept positions: the ways it takes before any are built)
                for (const ranks of force === undefined ? [false, true] : [true]) {
                  const got = plannedSearchPage<DbClientRow>(statements, { ...p!, ranks }, force);
                  expect(got, `${JSON.stringify(search)} ${force}`).not.toBeNull();
                  if (force === undefined) plansUsed.add(got!.plan);
                  const what = `${JSON.stringify(search)} ${column} ${dir} @${offset}+${limit} ${force ?? `auto (${got!.plan}${ranks ? '' : ', no positions'})`}`;
                  expect(got!.rows.map((r) => r.id), what).toEqual(expected);
                }
              }
              expect(listRows(statements, i).map((r) => r.id)).toEqual(expected);
            }
          }
        }
      }
    }, 120_000);
  }

  it('the planner chose each way somewhere in these searches', () => {
    expect([...plansUsed].sort()).toEqual(['empty', 'probe', 'rank', 'scan', 'sort', 'walk']);
  });

  it('kept positions follow the data: a rename, a new client and a deleted one (on this connection or another) are in the next page', () => {
    const page = (search: string, column: SortColumn, dir: 'asc' | 'desc') => {
      const p = searchPlanInput(statements, input({ search, sort: { column, dir }, limit: 20 }))!;
      return plannedSearchPage<DbClientRow>(statements, p, 'rank')!.rows.map((r) => r.id);
    };
    const cases = [['alpha', 'name', 'asc'], ['alpha', 'email', 'desc'], ['ооо', 'payment', 'asc']] as const;
    for (const [q, column, dir] of cases) expect(page(q, column, dir)).toEqual(plain(q, column, dir, 0, 20)); // positions built
    const [first] = plain('alpha', 'name', 'asc', 0, 1) as [string];
    const last = plain('alpha', 'name', 'desc', 0, 1)[0]!;
    const store = new SyncStore(db);
    const [fresh] = makeClients(1, 99);
    const same = (what: string) => {
      for (const [q, column, dir] of cases) {
        const want = plain(q, column, dir, 0, 20);
        expect(page(q, column, dir), `${what}: ${q} ${column} ${dir}`).toEqual(want);
        expect(listRows(statements, input({ search: q, sort: { column, dir }, limit: 20 })).map((r) => r.id)).toEqual(want);
      }
    };
    // Written on this connection.
    const payment = { amount_minor: -1_000_000_000, currency: 'RUB' as const };
    store.applyClientsPage([{ ...fresh!, id: 'zz-new', name: 'Aaa Alpha', email: 'aaa.alpha@zeta.com', balance: { ...fresh!.balance, payment } }], 'p1');
    store.applyClientsPage([{ id: first, deleted: true }], 'p2');
    same('added and deleted here');
    expect(plain('alpha', 'name', 'asc', 0, 1)).toEqual(['zz-new']);
    // Written by another connection.
    const other = new Database(temp.file);
    try {
      other.prepare("UPDATE clients SET name = 'A', email = '0@zeta.com', payment_minor = -2000000000 WHERE id = ?").run(last);
    } finally {
      other.close();
    }
    same('changed by another connection');
    expect(plain('alpha', 'name', 'asc', 0, 2)).toEqual([last, 'zz-new']);
  });

  it('while the short searches\u2019 counts are owed (search_grams not to be trusted), two characters are still found exactly', () => {
    const grams = db.prepare('SELECT gram, n FROM search_grams').all() as { gram: string; n: number }[];
    db.transaction(() => {
      db.prepare("INSERT INTO meta (key, value) VALUES ('search.grams', 'owed')").run();
      db.prepare('DELETE FROM search_grams WHERE length(gram) = 2 AND unicode(substr(gram, 2, 1)) % 2 = 0').run();
    })();
    try {
      for (const search of ['ол', 'ze', 'жё', 'a ', ...pairsOnlyAtEnd()]) {
        for (const column of ['name', 'payment'] as const) {
          const i = input({ search, sort: { column, dir: 'asc' }, limit: 50 });
          const expected = plain(search, column, 'asc', 0, 50);
          expect(listRows(statements, i).map((r) => r.id), search).toEqual(expected);
          for (const force of ['sort', 'probe'] as const) {
            expect(plannedSearchPage<DbClientRow>(statements, searchPlanInput(statements, i)!, force)!.rows.map((r) => r.id), `${search} ${force}`).toEqual(expected);
          }
        }
      }
    } finally {
      db.transaction(() => {
        db.prepare("DELETE FROM meta WHERE key = 'search.grams'").run();
        db.prepare('DELETE FROM search_grams').run();
        const ins = db.prepare('INSERT INTO search_grams (gram, n) VALUES (?, ?)');
        for (const g of grams) ins.run(g.gram, g.n);
      })();
    }
  });

  it('positions a search asks for are built when the core is next idle, only while the data holds still', async () => {
    const touch = () => db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('test.touch', ?)").run(String(Math.random()));
    const idle = () => new Promise((r) => setImmediate(r));
    const i = input({ search: 'alpha', sort: { column: 'bonus', dir: 'desc' }, limit: 30 });
    const want = plain('alpha', 'bonus', 'desc', 0, 30);
    // The data changes between two searches (a sync writing): nothing is asked for.
    touch();
    expect(listRows(statements, i).map((r) => r.id)).toEqual(want);
    touch();
    expect(listRows(statements, i).map((r) => r.id)).toEqual(want);
    for (let turn = 0; turn < 12; turn++) await idle();
    expect(keptRanks(statements, 'clients_bonus')).toBeNull();
    // Asked for, then the data changes before the core is idle: not built.
    expect(listRows(statements, i).map((r) => r.id)).toEqual(want);
    touch();
    for (let turn = 0; turn < 12; turn++) await idle();
    expect(keptRanks(statements, 'clients_bonus')).toBeNull();
    // Two searches on the same data: built after the second, not during it; the next search uses them.
    expect(listRows(statements, i).map((r) => r.id)).toEqual(want);
    expect(listRows(statements, i).map((r) => r.id)).toEqual(want);
    expect(keptRanks(statements, 'clients_bonus')).toBeNull();
    for (let turn = 0; turn < 12 && !keptRanks(statements, 'clients_bonus'); turn++) await idle(); // (one order per turn)
    expect(keptRanks(statements, 'clients_bonus')).not.toBeNull();
    expect(plannedSearchPage<DbClientRow>(statements, searchPlanInput(statements, i)!)!.plan).toBe('rank');
    expect(listRows(statements, i).map((r) => r.id)).toEqual(want);
  });

  it('a page carries every column of the row and its pending action', () => {
    const i = input({ search: 'alpha', sort: { column: 'payment', dir: 'desc' }, limit: 5 });
    const full = db
      .prepare('SELECT id, email, name, phone, payment_minor FROM clients WHERE instr(search_text, ?) > 0 ORDER BY payment_minor DESC, id DESC LIMIT 5')
      .all('alpha') as { id: string; email: string; name: string | null; phone: string | null; payment_minor: number }[];
    for (const force of ['walk', 'probe', 'sort', 'scan'] as const) {
      const rows = plannedSearchPage<DbClientRow>(statements, searchPlanInput(statements, i)!, force)!.rows;
      expect(rows.map((r) => ({ id: r.id, email: r.email, name: r.name, phone: r.phone, payment_minor: r.payment_minor })), force).toEqual(full);
      expect(rows.every((r) => r.pending_action === null && typeof r.currency === 'string')).toBe(true);
    }
  });

  it('other filters, and searches the indexes cannot answer, are not planned', () => {
    expect(searchPlanInput(statements, input({ search: 'alpha', statuses: ['active'] }))).toBeNull();
    expect(searchPlanInput(statements, input({ search: '' }))).toBeNull();
    expect(plannedSearchPage(statements, searchPlanInput(statements, input({ search: 'a\u0000b' }))!)).toBeNull();
  });
});
