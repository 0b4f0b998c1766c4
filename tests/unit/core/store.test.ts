import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/open';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';
import { StatementCache } from '../../../electron/core/db/statements';
import { SyncStore } from '../../../electron/core/sync/store';
import { listClients } from '../../../electron/core/clients/queries';
import { makeClients } from './fixtures';

const schemaOf = (db: Database.Database) =>
  db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'clients_fts_%' OR type = 'trigger' ORDER BY name").all();
const search = (db: Database.Database, q: string) =>
  listClients(new StatementCache(db), { search: q, statuses: [], paymentModels: [], negativeOnly: false, sort: { column: 'name', dir: 'asc' }, offset: 0, limit: 10_000 });
/** What a search must find: the rows whose search text holds the query (no index involved). */
const scan = (db: Database.Database, q: string) =>
  db.prepare('SELECT count(*) FROM clients WHERE instr(search_text, ?) > 0').pluck().get(q) as number;
const TERMS = ['ромашка', 'acme', 'ext-7', 'c0012', '@example3', 'ип петрова 2'];

describe('a first fill without indexes, then the indexes a step at a time', () => {
  it('killed during the fill and during the index steps, it resumes to the same schema and search', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-store-'));
    const f = join(dir, 'cache.sqlite');
    const ref = openDatabase(join(dir, 'ref.sqlite'));
    const want = schemaOf(ref);
    ref.close();
    const all = makeClients(7000, 2);

    let db = openDatabase(f);
    let store = new SyncStore(db);
    store.indexes.beginFill();
    store.beginLedgerWindow(0); // an empty ledger: its index is dropped for the fill
    store.applyClientsPage(all.slice(0, 3000), 'c1');
    expect(schemaOf(db)).not.toEqual(want);
    for (const q of TERMS) expect(search(db, q).total).toBe(scan(db, q)); // search scans meanwhile
    db.close(); // killed during the fill

    db = openDatabase(f);
    store = new SyncStore(db);
    expect(store.indexes.debt()).toBe('fill');
    store.applyClientsPage(all.slice(3000, 6000), 'c2');
    store.indexes.endFill();
    expect(store.indexes.debt()).toBe(0);
    expect(store.indexes.payStep()).toBe(true); // one slice of the search index
    const mark = store.indexes.debt();
    expect(mark).toBeGreaterThan(0);
    expect(mark).toBeLessThan(6000);
    db.close(); // killed between steps

    db = openDatabase(f);
    store = new SyncStore(db);
    expect(store.indexes.debt()).toBe(mark);
    // Changes while the search index is partial: the triggers keep them in step.
    store.applyClientsPage(
      [
        { ...all[10]!, name: 'Новое имя десять' }, // indexed already: renamed
        { ...all[5000]!, name: 'Новое имя пять тысяч' }, // not indexed yet: renamed
        { id: all[20]!.id, deleted: true },
        { id: all[5100]!.id, deleted: true },
        ...all.slice(6000), // new rows
      ],
      'c3',
    );
    for (const q of [...TERMS, 'новое имя']) expect(search(db, q).total).toBe(scan(db, q));
    store.indexes.payAll();
    expect(store.indexes.debt()).toBe(null);
    expect(schemaOf(db)).toEqual(want);
    expect(db.prepare("INSERT INTO clients_fts(clients_fts, rank) VALUES ('integrity-check', 0)").run().changes).toBeGreaterThanOrEqual(0);
    expect(db.prepare('SELECT count(*) FROM clients_fts').pluck().get()).toBe(db.prepare('SELECT count(*) FROM clients').pluck().get());
    for (const q of [...TERMS, 'новое имя', 'десять', 'пять тысяч']) {
      expect(scan(db, q)).toBeGreaterThan(0);
      expect(search(db, q).total).toBe(scan(db, q)); // now through the search index
    }
    db.close();

    // A clean open: nothing owed, nothing rebuilt.
    db = openDatabase(f);
    store = new SyncStore(db);
    expect(store.indexes.debt()).toBe(null);
    expect(schemaOf(db)).toEqual(want);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with a time budget, pays only slices of the search index; the list indexes and counts wait for a step without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-store-'));
    const f = join(dir, 'cache.sqlite');
    let db = openDatabase(f);
    let store = new SyncStore(db);
    const ref = schemaOf(openDatabase(':memory:'));
    store.indexes.beginFill();
    store.applyClientsPage(makeClients(6000, 3), 'a');
    store.indexes.endFill();
    // A budget shorter than the smallest slice takes (once its pace is known) pays nothing.
    expect(store.indexes.payStep(0.001)).toBe(true); // (the pace is not known yet: one smallest slice)
    const first = store.indexes.debt() as number;
    expect(first).toBe(400);
    expect(store.indexes.payStep(0.001)).toBe(false);
    expect(store.indexes.debt()).toBe(first);
    const marks: number[] = [first];
    while (store.indexes.payStep(200)) marks.push(store.indexes.debt() as number);
    expect(marks.at(-1)).toBe(db.prepare('SELECT max(rowid) FROM clients').pluck().get());
    for (let i = 1; i < marks.length; i++) {
      const rows = marks[i]! - marks[i - 1]!;
      expect(rows).toBeGreaterThan(0);
      expect(rows).toBeLessThanOrEqual(2500);
    }
    // The search index is whole; the rest is still owed and not done under a budget.
    expect(store.indexes.debt()).not.toBe(null);
    expect(store.indexes.payStep(1000)).toBe(false);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'clients_%' AND sql IS NOT NULL").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM meta WHERE key = 'search.grams'").pluck().get()).toBe(1);
    for (const q of TERMS) expect(search(db, q).total).toBe(scan(db, q));
    expect(store.indexes.payStep()).toBe(true); // one list index
    db.close(); // killed after the sync reported done, while the list indexes were being built

    db = openDatabase(f);
    store = new SyncStore(db);
    expect(store.indexes.payStep(1000)).toBe(false);
    expect(store.indexes.debt()).not.toBe(null);
    store.indexes.payAll();
    expect(store.indexes.debt()).toBe(null);
    expect(schemaOf(db)).toEqual(ref);
    for (const q of TERMS) expect(search(db, q).total).toBe(scan(db, q));
    expect(db.prepare("SELECT count(*) FROM meta WHERE key = 'search.grams'").pluck().get()).toBe(0);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an update rewrites only what changed, and a client seen twice in a fill is one row', () => {
    const db = openDatabase(':memory:');
    const store = new SyncStore(db);
    const cs = makeClients(50, 4);
    store.indexes.beginFill();
    store.applyClientsPage(cs, 'a');
    store.applyClientsPage([{ ...cs[3]!, name: 'Twice' }], 'b');
    store.indexes.payAll();
    expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(50);
    const before = db.prepare('SELECT * FROM clients ORDER BY id').all();
    store.applyClientsPage(cs.slice(0, 10), 'c'); // the same data again (all but client 3, renamed above)
    const after = db.prepare('SELECT * FROM clients ORDER BY id').all() as { id: string; name: string | null }[];
    expect(after.filter((r) => r.id !== cs[3]!.id)).toEqual((before as typeof after).filter((r) => r.id !== cs[3]!.id));
    expect(after.find((r) => r.id === cs[3]!.id)?.name).toBe(cs[3]!.name);
    const c = { ...cs[7]!, email: 'new@mail.ru', balance: { ...cs[7]!.balance, payment: { amount_minor: -5, currency: 'RUB' as const } } };
    store.applyClientsPage([c], 'd');
    const row = db.prepare('SELECT email, payment_minor, search_text FROM clients WHERE id = ?').get(c.id) as Record<string, unknown>;
    expect(row).toEqual({ email: 'new@mail.ru', payment_minor: -5, search_text: expect.stringContaining('new@mail.ru') });
    expect(search(db, 'new@mail').total).toBe(1);
    db.close();
  });
});

describe('the name and e-mail list indexes carry the search text (migration 009)', () => {
  const before009 = MIGRATIONS.filter((m) => m.version < 9);
  const indexSql = (db: Database.Database, name: string) => db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(name) as string | undefined;

  it('a cache from before is upgraded in place: same rows, same pages, nothing owed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-store-'));
    const f = join(dir, 'cache.sqlite');
    let db = openDatabase(f, { migrations: before009 });
    let store = new SyncStore(db);
    store.indexes.beginFill();
    store.applyClientsPage(makeClients(3000, 5), 'a');
    store.indexes.payAll();
    // As the app before 009 built them.
    db.exec('DROP INDEX clients_name; DROP INDEX clients_email; CREATE INDEX clients_name ON clients (name COLLATE NOCASE, id); CREATE INDEX clients_email ON clients (email, id);');
    const pages = ['ооо', 'ex', 'а', '@example3'].map((q) => search(db, q).rows.map((r) => r.id));
    db.close();

    db = openDatabase(f);
    store = new SyncStore(db);
    expect(indexSql(db, 'clients_name')).toContain('search_text');
    expect(indexSql(db, 'clients_email')).toContain('search_text');
    expect(store.indexes.debt()).toBe(null);
    expect(schemaOf(db)).toEqual(schemaOf(openDatabase(':memory:')));
    expect(['ооо', 'ex', 'а', '@example3'].map((q) => search(db, q).rows.map((r) => r.id))).toEqual(pages);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a cache upgraded in the middle of a first fill goes on filling without list indexes, then builds the new ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-store-'));
    const f = join(dir, 'cache.sqlite');
    const all = makeClients(4000, 6);
    let db = openDatabase(f, { migrations: before009 });
    let store = new SyncStore(db);
    store.indexes.beginFill();
    store.applyClientsPage(all.slice(0, 2000), 'a');
    db.close(); // killed during the fill, then the app is upgraded

    db = openDatabase(f);
    store = new SyncStore(db);
    expect(store.indexes.debt()).toBe('fill');
    expect(indexSql(db, 'clients_name')).toBeUndefined();
    expect(indexSql(db, 'clients_email')).toBeUndefined();
    store.applyClientsPage(all.slice(2000), 'b');
    store.indexes.endFill();
    store.indexes.payAll();
    expect(indexSql(db, 'clients_name')).toContain('search_text');
    expect(schemaOf(db)).toEqual(schemaOf(openDatabase(':memory:')));
    for (const q of TERMS) expect(search(db, q).total).toBe(scan(db, q));
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
