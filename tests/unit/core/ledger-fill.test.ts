/**
 * An empty ledger is filled without its index and without the trigger that marks each new row's
 * client dirty for the rollups (sync/store.ts); both come back at the end, or at the next start after
 * a kill, with every client that has rows marked once, so each client's rollups equal its rows.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/open';
import { StatementCache } from '../../../electron/core/db/statements';
import { SyncStore } from '../../../electron/core/sync/store';
import { ensureClient } from '../../../electron/core/balance/rollup';
import type { Transaction } from '../../../shared/contract/platform';
import { makeClients } from './fixtures';

const schemaOf = (db: Database.Database) => db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
const dirty = (db: Database.Database) => db.prepare('SELECT client_id FROM ledger_dirty ORDER BY client_id').pluck().all() as string[];
const withRows = (db: Database.Database) => db.prepare('SELECT DISTINCT client_id FROM transactions ORDER BY client_id').pluck().all() as string[];
const hasTrigger = (db: Database.Database) => db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'ledger_dirty_ins'").pluck().get() === 1;

const clients = makeClients(40, 3);
/** Ledger rows for the first `of` clients, `from` on. */
function rows(from: number, n: number, of = 30): Transaction[] {
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    return {
      id: `tx${String(k).padStart(6, '0')}`,
      client_id: clients[(k * 7) % of]!.id,
      project_pid: null,
      at: new Date(Date.UTC(2026, 0, 1) + k * 3_600_000).toISOString(),
      kind: k % 4 ? 'debit' : 'credit',
      amount_minor: 100 + k,
      currency: 'RUB',
      service: k % 4 ? 'compute' : null,
      description: 'row',
    } as Transaction;
  });
}

/** Each client's monthly rollups (rebuilt first where dirty) against the sums of its rows. */
function rollupsMatch(db: Database.Database): void {
  const statements = new StatementCache(db);
  for (const c of clients) {
    ensureClient(statements, c.id);
    const rolled = db.prepare('SELECT coalesce(sum(amount_minor), 0) AS s, coalesce(sum(n), 0) AS n FROM ledger_monthly WHERE client_id = ?').get(c.id);
    const raw = db.prepare('SELECT coalesce(sum(amount_minor), 0) AS s, count(*) AS n FROM transactions WHERE client_id = ?').get(c.id);
    expect(rolled, c.id).toEqual(raw);
  }
}

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('an empty ledger filled without its index and dirty-marking trigger', () => {
  it('gets both back at the end of the fill, every client with rows marked once; later rows mark theirs again', () => {
    dir = mkdtempSync(join(tmpdir(), 'pd-lfill-'));
    const want = schemaOf(openDatabase(':memory:'));
    const db = openDatabase(join(dir, 'cache.sqlite'));
    const store = new SyncStore(db);
    store.applyClientsPage(clients, 'c');
    store.beginLedgerWindow(0);
    expect(hasTrigger(db)).toBe(false);
    store.applyTransactionsPage(rows(0, 200), 't1', 0);
    store.applyTransactionsPage(rows(200, 200), 't2', 0);
    expect(dirty(db)).toEqual([]);
    store.ensureLedgerIndex();
    expect(schemaOf(db)).toEqual(want);
    expect(dirty(db)).toEqual(withRows(db));
    expect(withRows(db)).toHaveLength(30);
    rollupsMatch(db);
    expect(dirty(db)).toEqual([]);
    // The next sync adds rows with the trigger in place: only their clients are marked.
    expect(store.beginLedgerWindow(0)).toBe(0);
    expect(hasTrigger(db)).toBe(true);
    store.applyTransactionsPage(rows(400, 3, 40), 't3', 0);
    expect(dirty(db)).toEqual([...new Set(rows(400, 3, 40).map((t) => t.client_id))].sort());
    rollupsMatch(db);
    db.close();
  });

  it('killed during the fill, the next start puts them back and marks every client with rows', () => {
    dir = mkdtempSync(join(tmpdir(), 'pd-lfill-'));
    const f = join(dir, 'cache.sqlite');
    let db = openDatabase(f);
    let store = new SyncStore(db);
    store.applyClientsPage(clients, 'c');
    store.beginLedgerWindow(0);
    store.applyTransactionsPage(rows(0, 150), 't1', 0);
    db.close(); // killed

    db = openDatabase(f);
    store = new SyncStore(db);
    expect(schemaOf(db)).toEqual(schemaOf(openDatabase(':memory:')));
    expect(dirty(db)).toEqual(withRows(db));
    // The feed goes on from its cursor, each new row marking its client.
    expect(store.cursor('transactions')).toBe('t1');
    store.applyTransactionsPage(rows(150, 250), 't2', 0);
    rollupsMatch(db);
    db.close();
  });
});
