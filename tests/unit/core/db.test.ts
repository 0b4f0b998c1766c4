import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { openDatabase, migrate, LATEST_VERSION } from '../../../electron/core/db/open';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';
import { AppError } from '../../../shared/contract/rpc/errors';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pd-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('openDatabase', () => {
  it('creates a WAL database at the latest version with foreign keys on', () => {
    const db = openDatabase(join(dir, 'c.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('is idempotent: reopening runs nothing new', () => {
    const f = join(dir, 'c.sqlite');
    openDatabase(f).close();
    const db = openDatabase(f);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses a database from a newer app and leaves it byte-for-byte untouched', () => {
    const f = join(dir, 'newer.sqlite');
    const raw = new Database(f);
    raw.exec('CREATE TABLE future (x INTEGER); INSERT INTO future VALUES (42);');
    raw.pragma(`user_version = ${LATEST_VERSION + 7}`);
    raw.close();
    const before = sha(f);
    let err: unknown;
    try {
      openDatabase(f);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('newer_database');
    expect((err as AppError).message).toMatch(/newer version/);
    expect(sha(f)).toBe(before);
    expect(existsSync(f + '-wal')).toBe(false);
  });

  it('a failing migration rolls back whole and keeps the version', () => {
    const f = join(dir, 'bad.sqlite');
    const migrations = [
      { version: 1, name: 'a', up: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'b', up: 'CREATE TABLE b (x INTEGER); THIS IS NOT SQL;' },
    ];
    expect(() => openDatabase(f, { migrations })).toThrow();
    const db = new Database(f);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(['a']);
    db.close();
  });

  it('empty migrations still bump the version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, [{ version: 1, name: 'a', up: '' }, { version: 2, name: 'b', up: '  ' }])).toBe(2);
    db.close();
  });
});

describe('each migration', () => {
  it('001 core creates the cache tables', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(expect.arrayContaining(['meta', 'clients', 'projects', 'transactions', 'sync_state']));
    db.prepare(
      `INSERT INTO clients (id,email,name,phone,external_id,status,payment_model,invited_at,registered_at,updated_at,
        payment_minor,bonus_minor,currency,balance_as_of,projects_count,search_text)
       VALUES ('c1','a@b.c',NULL,NULL,NULL,'active','prepaid','2026-01-01T00:00:00Z',NULL,'2026-01-01T00:00:00Z',0,0,'RUB','2026-01-01T00:00:00Z',0,'a@b.c')`,
    ).run();
    expect(() => db.prepare("UPDATE clients SET status='gone'").run()).toThrow();
    db.close();
  });

  for (const m of MIGRATIONS.filter((x) => x.version > 1)) {
    it(`${String(m.version).padStart(3, '0')} ${m.name} applies on top of the previous ones`, () => {
      const db = new Database(':memory:');
      migrate(db, MIGRATIONS.filter((x) => x.version < m.version));
      expect(db.pragma('user_version', { simple: true })).toBe(m.version - 1);
      migrate(db, MIGRATIONS.filter((x) => x.version <= m.version));
      expect(db.pragma('user_version', { simple: true })).toBe(m.version);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    });
  }
});
