/**
 * A search's matches read with its count (clients/trigram-matches.ts): exactly the clients whose
 * search text holds it, kept only for the data as it was counted (a write here or by another
 * connection drops them), never for a short search nor past the cap; and the page the rank plan
 * puts in order from them equals the plain query.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import Database from 'better-sqlite3';
import { tempDb, type TempDb } from '../../support/temp-db';
import { StatementCache } from '../../../electron/core/db/statements';
import { SyncStore } from '../../../electron/core/sync/store';
import { countClients, listRows, normaliseSearch, searchPlanInput, type DbClientRow, type ListInput } from '../../../electron/core/clients/queries';
import { keptTrigramMatches } from '../../../electron/core/clients/trigram-matches';
import { plannedSearchPage } from '../../../electron/core/clients/search-plan';
import { ClientsListInput } from '../../../shared/contract/rpc/clients';
import { makeClients, SORT_SQL } from './fixtures';

let temp: TempDb;
let db: Database.Database;
let statements: StatementCache;
const input = (x: Partial<ListInput> = {}) => ClientsListInput.parse(x) as ListInput;
const matching = (q: string) => db.prepare('SELECT rowid FROM clients WHERE instr(search_text, ?) > 0 ORDER BY rowid').pluck().all(normaliseSearch(q)) as number[];

beforeAll(() => {
  temp = tempDb({ prefix: 'tmatch' });
  db = temp.db;
  statements = new StatementCache(db);
  new SyncStore(db).applyClientsPage(makeClients(9000, 5), 'a');
});
afterAll(() => temp.close());

describe("a search's matches read with its count", () => {
  it('are exactly the clients whose search text holds the search, for searches of five characters or more', () => {
    for (const q of ['«ромашка»', 'ооо «се', 'acme ltd 1', 'user12', 'ext-70', 'nothing here']) {
      const n = countClients(statements, input({ search: q }));
      expect(n, q).toBe(matching(q).length);
      expect(keptTrigramMatches(statements, normaliseSearch(q)), q).toEqual(matching(q));
    }
  });

  it('are not read for a short search nor kept past the cap (the count stays exact)', () => {
    expect(countClients(statements, input({ search: 'user' }))).toBe(9000);
    expect(keptTrigramMatches(statements, 'user')).toBeNull();
    expect(countClients(statements, input({ search: 'examp' }))).toBe(9000);
    expect(keptTrigramMatches(statements, 'examp')).toBeNull();
  });

  it('are dropped by a write on this connection or another, and the next page and count see the write', () => {
    const q = 'acme ltd 2';
    const page = () => {
      const p = searchPlanInput(statements, input({ search: q, sort: { column: 'name', dir: 'asc' }, limit: 20 }))!;
      return plannedSearchPage<DbClientRow>(statements, p, 'rank')!.rows.map((r) => r.id);
    };
    const plain = () => db.prepare(`SELECT id FROM clients WHERE instr(search_text, ?) > 0 ORDER BY ${SORT_SQL.name}, id LIMIT 20`).pluck().all(q) as string[];
    countClients(statements, input({ search: q }));
    expect(keptTrigramMatches(statements, q)).toEqual(matching(q));
    expect(page()).toEqual(plain());
    // Here: a client renamed to match, first in the order.
    const [renamed] = makeClients(1, 7);
    new SyncStore(db).applyClientsPage([{ ...renamed!, id: 'zz-here', name: 'Acme Ltd 2 (a)' }], 'b');
    expect(keptTrigramMatches(statements, q)).toBeNull();
    expect(countClients(statements, input({ search: q }))).toBe(matching(q).length);
    expect(page()[0]).toBe('zz-here');
    expect(page()).toEqual(plain());
    // Another connection: that client no longer matches.
    const other = new Database(temp.file);
    try {
      other.prepare("UPDATE clients SET name = 'Zeta', search_text = 'zeta' WHERE id = 'zz-here'").run();
    } finally {
      other.close();
    }
    expect(keptTrigramMatches(statements, q)).toBeNull();
    expect(listRows(statements, input({ search: q, sort: { column: 'name', dir: 'asc' }, limit: 20 })).map((r) => r.id)).toEqual(plain());
    expect(page()).not.toContain('zz-here');
    expect(countClients(statements, input({ search: q }))).toBe(matching(q).length);
  });

  it('are neither kept nor used inside an open transaction (a rollback could undo what is read there)', () => {
    const q = 'ооо «ром';
    db.transaction(() => {
      countClients(statements, input({ search: q }));
      expect(keptTrigramMatches(statements, q)).toBeNull();
    })();
  });
});
