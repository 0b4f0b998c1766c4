/**
 * Searches of one or two characters: their counts from search_grams (migration 008) and the kept
 * counts (cachedCount) say exactly what reading every row says, after inserts, changes, deletes,
 * the first sync's bulk fill, an upgrade, and writes by another connection; their pages are those
 * of a full sort.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { tempDb, type TempDb } from '../../support/temp-db';
import { StatementCache } from '../../../electron/core/db/statements';
import { SyncStore } from '../../../electron/core/sync/store';
import { ClientIndexes } from '../../../electron/core/sync/indexes';
import { countClients, listRows, searchTextOf, normaliseSearch, type ListInput } from '../../../electron/core/clients/queries';
import { gramsReady } from '../../../electron/core/clients/short-search';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';
import { openDatabase } from '../../../electron/core/db/open';
import { ClientsListInput, SortColumn } from '../../../shared/contract/rpc/clients';
import type { Client } from '../../../shared/contract/platform';
import { makeClients, SORT_SQL } from './fixtures';

let temp: TempDb;
let statements: StatementCache;
beforeEach(() => {
  temp = tempDb({ prefix: 'short' });
  statements = new StatementCache(temp.db);
});
afterEach(() => temp.close());

const input = (x: Partial<ListInput> = {}) => ClientsListInput.parse(x) as ListInput;
const scanCount = (db: Database.Database, q: string) =>
  db.prepare('SELECT count(*) FROM clients WHERE instr(search_text, ?) > 0').pluck().get(normaliseSearch(q)) as number;

/** Every string of one or two characters in the clients' search texts, and a few in none. */
function shortTerms(clients: Client[]): string[] {
  const terms = new Set<string>(['ж', 'zq', '\u0001', 'я', '7', 'A']);
  for (const c of clients.slice(0, 60)) {
    const t = searchTextOf(c);
    for (let i = 0; i < t.length; i++) terms.add(t.slice(i, i + 1)).add(t.slice(i, i + 2));
  }
  return [...terms];
}

function expectCountsExact(db: Database.Database, terms: string[]): void {
  for (const q of terms) expect(countClients(statements, input({ search: q })), JSON.stringify(q)).toBe(scanCount(db, q));
}


describe('short searches', () => {
  it('count exactly what a scan counts, kept in step through inserts, changes and deletes', () => {
    const store = new SyncStore(temp.db);
    const clients = makeClients(1500, 3);
    store.applyClientsPage(clients, 'a');
    expect(gramsReady(statements)).toBe(true);
    const terms = shortTerms(clients);
    expectCountsExact(temp.db, terms);
    // Renamed, re-addressed, deleted and new clients; a status change that leaves the search text alone.
    const changed: Client[] = clients.slice(0, 300).map((c, i) => ({ ...c, name: i % 2 ? `Жук ${i}` : c.name, email: `zq${i}@жж.рф`, status: 'blocked' }));
    store.applyClientsPage([...changed, ...clients.slice(300, 400).map((c) => ({ id: c.id, deleted: true as const })), ...makeClients(1600, 9).slice(1500)], 'b');
    expectCountsExact(temp.db, [...terms, 'жу', 'zq', '@ж', 'рф']);
    expect(countClients(statements, input({ search: 'zq' }))).toBe(300);
    // Counts of other filters follow writes too (the kept count is dropped when anything is written).
    const blocked = () => temp.db.prepare("SELECT count(*) FROM clients WHERE status = 'blocked'").pluck().get() as number;
    expect(countClients(statements, input({ statuses: ['blocked'] }))).toBe(blocked());
    temp.db.prepare("UPDATE clients SET status = 'blocked' WHERE rowid IN (SELECT rowid FROM clients WHERE status <> 'blocked' LIMIT 5)").run();
    expect(countClients(statements, input({ statuses: ['blocked'] }))).toBe(blocked());
    temp.db.prepare('DELETE FROM clients').run();
    expectCountsExact(temp.db, terms);
  });

  it('pages a short search exactly like a full sort, by every column both ways', () => {
    new SyncStore(temp.db).applyClientsPage(makeClients(2000, 5), 'a');
    for (const q of ['а', '0', 'ро', '@e', '9', 'жж', '\u0001c']) {
      for (const column of SortColumn.options) {
        for (const dir of ['asc', 'desc'] as const) {
          const i = input({ search: q, sort: { column, dir }, offset: 20, limit: 100 });
          const got = listRows(statements, i).map((r) => r.id);
          const sortSql = SORT_SQL[column];
          const d = dir.toUpperCase();
          const expected = temp.db
            .prepare(`SELECT id FROM clients NOT INDEXED WHERE instr(search_text, ?) > 0 ORDER BY ${sortSql} ${d}, id ${d} LIMIT 100 OFFSET 20`)
            .pluck()
            .all(normaliseSearch(q));
          expect(got, `${JSON.stringify(q)} ${column} ${dir}`).toEqual(expected);
        }
      }
    }
  });

  it('are counted by reading rows during the first sync\u2019s fill, and from the rebuilt counts after it', () => {
    const store = new SyncStore(temp.db);
    const indexes = store.indexes;
    indexes.beginFill();
    expect(gramsReady(statements)).toBe(false);
    const clients = makeClients(1200, 4);
    store.applyClientsPage(clients.slice(0, 600), 'a');
    const terms = shortTerms(clients);
    expectCountsExact(temp.db, terms);
    expect(temp.db.prepare('SELECT count(*) FROM search_grams').pluck().get()).toBe(0);
    store.applyClientsPage(clients.slice(600), 'b');
    indexes.payAll();
    expect(gramsReady(statements)).toBe(true);
    expectCountsExact(temp.db, terms);
    // The triggers are back: a later change is counted.
    store.applyClientsPage([{ ...clients[0]!, name: 'Щщ' }], 'c');
    expect(countClients(statements, input({ search: 'щщ' }))).toBe(1);
    expectCountsExact(temp.db, terms);
  });

  it('a cache upgraded with clients in it gets its counts built when opened', () => {
    temp.close();
    temp = tempDb({ prefix: 'short-up', migrations: MIGRATIONS.filter((m) => m.version < 8) });
    new SyncStore(temp.db).applyClientsPage(makeClients(500, 6), 'a');
    const file = temp.file;
    temp.db.close();
    // The app's own open runs the remaining migration (008) over the populated cache.
    temp = { ...temp, db: openDatabase(file) };
    statements = new StatementCache(temp.db);
    expect(gramsReady(statements)).toBe(false);
    new ClientIndexes(temp.db);
    expect(gramsReady(statements)).toBe(true);
    expectCountsExact(temp.db, shortTerms(makeClients(500, 6)));
  });

  it('a count kept from before is not served after another connection wrote', () => {
    new SyncStore(temp.db).applyClientsPage(makeClients(300, 8), 'a');
    const before = countClients(statements, input({ search: 'ж' }));
    const other = new Database(temp.file);
    try {
      other.prepare("UPDATE clients SET name = 'Жжж', search_text = 'жжж' || char(1) || search_text WHERE rowid IN (SELECT rowid FROM clients WHERE instr(search_text, 'ж') = 0 LIMIT 7)").run();
    } finally {
      other.close();
    }
    expect(countClients(statements, input({ search: 'ж' }))).toBe(before + 7);
    expect(countClients(statements, input({ search: 'ж' }))).toBe(scanCount(temp.db, 'ж'));
  });
});

