import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/open';
import { StatementCache } from '../../../electron/core/db/statements';
import { SyncStore } from '../../../electron/core/sync/store';
import { listClients } from '../../../electron/core/clients/queries';
import { makeClients } from './fixtures';

const schemaOf = (db: Database.Database) =>
  db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'clients_fts_%' OR type = 'trigger' ORDER BY name").all();

describe('bulk fill', () => {
  it('a fill killed with indexes dropped is repaired on the next open: same schema, search works', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-store-'));
    const f = join(dir, 'cache.sqlite');
    const ref = openDatabase(join(dir, 'ref.sqlite'));
    const want = schemaOf(ref);
    ref.close();

    let db = openDatabase(f);
    const store = new SyncStore(db);
    store.dropClientIndexes();
    store.dropLedgerIndex();
    store.applyClientsPage(makeClients(500, 2), 'c1');
    expect(schemaOf(db)).not.toEqual(want);
    const during = listClients(new StatementCache(db), {
      search: 'ромашка', statuses: [], paymentModels: [], negativeOnly: false,
      sort: { column: 'name', dir: 'asc' }, offset: 0, limit: 500,
    });
    expect(during.total).toBe(makeClients(500, 2).filter((c) => c.name?.includes('Ромашка')).length); // search scans meanwhile
    db.close(); // "killed" here

    db = openDatabase(f);
    new SyncStore(db); // what the engine does on start
    expect(schemaOf(db)).toEqual(want);
    const hits = listClients(new StatementCache(db), {
      search: 'ромашка', statuses: [], paymentModels: [], negativeOnly: false,
      sort: { column: 'name', dir: 'asc' }, offset: 0, limit: 500,
    });
    expect(hits.total).toBeGreaterThan(0);
    expect(hits.total).toBe(makeClients(500, 2).filter((c) => c.name?.includes('Ромашка')).length);
    expect(db.prepare("INSERT INTO clients_fts(clients_fts, rank) VALUES ('integrity-check', 0)").run().changes).toBeGreaterThanOrEqual(0);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
