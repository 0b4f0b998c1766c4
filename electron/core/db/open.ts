/**
 * Opens the cache (openCache: the start-up check of health.ts, the rebuild of recover.ts), then
 * WAL, foreign keys, busy timeout, then the numbered migrations
 * (each in one transaction, tracked by PRAGMA user_version). A file written by a newer app
 * (user_version above the last migration) is refused with AppError('newer_database') and left
 * byte-for-byte untouched: it is opened read-only for the check and closed before anything runs.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/rpc/errors';
import { MIGRATIONS, type Migration } from './migrations/index';
import { ensurePrivateDir, ensurePrivateFile } from './data-folder';
import { checkFileBytes, checkOpened, DAMAGED_MARKER, type Damage } from './health';
import { quarantine, recoveryNotice, rescueLocal, RECOVERY_NOTICE_KEY, type RecoveryNotice } from './recover';

export const LATEST_VERSION = MIGRATIONS.reduce((m, x) => Math.max(m, x.version), 0);

export interface OpenOptions {
  /** For tests: a different migration list. */
  migrations?: Migration[];
}

function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Reads the version of an existing file without writing to it (no WAL switch, no journal). */
export function readVersion(file: string): number {
  const ro = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return userVersion(ro);
  } finally {
    ro.close();
  }
}

export function openDatabase(file: string, opts: OpenOptions = {}): Database.Database {
  const migrations = [...(opts.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version);
  const latest = migrations.reduce((m, x) => Math.max(m, x.version), 0);
  if (file !== ':memory:' && existsSync(file)) {
    const v = readVersion(file);
    if (v > latest) {
      throw new AppError(
        'newer_database',
        `The cache ${file} was written by a newer version of Partner Desk (schema ${v}; this version knows up to ${latest}). Update the app or choose another data folder.`,
        { params: { found: v, known: latest } },
      );
    }
  }
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Runs every migration above the current user_version, each in its own transaction. */
export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): number {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const latest = sorted.reduce((m, x) => Math.max(m, x.version), 0);
  const current = userVersion(db);
  if (current > latest) {
    throw new AppError('newer_database', `Schema ${current} is newer than this app knows (${latest}).`, {
      params: { found: current, known: latest },
    });
  }
  for (const m of sorted) {
    if (m.version <= userVersion(db)) continue;
    db.transaction(() => {
      if (m.up.trim() !== '') db.exec(m.up);
      // PRAGMA does not take parameters; the version is an integer from our own list.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    }).immediate();
  }
  return userVersion(db);
}

export const CACHE_FILE = 'cache.sqlite';

export interface OpenedCache {
  db: Database.Database;
  /** Set when the file was found damaged at this start and rebuilt (also kept in meta until dismissed). */
  recovered: RecoveryNotice | null;
}

/** Error codes of SQLite that say the file cannot be trusted (as opposed to busy, full, read-only). */
function damageOf(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  return /^SQLITE_(CORRUPT|NOTADB|IOERR_SHORT_READ|FORMAT|RANGE|SCHEMA)/.test(code) ? code : null;
}

/** The start-up check on a read-only connection: nothing is written to a file that may be damaged. */
function checkCache(file: string, dataDir: string): { damage: Damage; detail: string } | null {
  const marker = join(dataDir, DAMAGED_MARKER);
  if (existsSync(marker)) {
    let detail = '';
    try {
      detail = String((JSON.parse(readFileSync(marker, 'utf8')) as { detail?: unknown }).detail ?? '');
    } catch {
      /* an unreadable marker still marks */
    }
    return { damage: 'marked_damaged', detail };
  }
  if (!existsSync(file)) return null;
  const bytes = checkFileBytes(file);
  if (!bytes.ok) return { damage: bytes.damage ?? 'not_sqlite', detail: bytes.detail ?? '' };
  if (statSync(file).size === 0) return null;
  let ro: Database.Database | null = null;
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true });
    const v = userVersion(ro);
    // A newer app's file is not ours to judge: openDatabase refuses it untouched.
    if (v > LATEST_VERSION) return null;
    if (v === 0) {
      // A fresh file that never finished its first migration holds nothing; one with tables is not ours.
      const n = ro.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() as number;
      return n === 0 ? null : { damage: 'schema_mismatch', detail: `schema version 0 with ${n} tables` };
    }
    const expected = [...new Set(MIGRATIONS.filter((m) => m.version <= v).flatMap((m) => [...m.up.matchAll(/CREATE TABLE (\w+)/g)].map((x) => x[1] as string)))];
    const r = checkOpened(ro, expected);
    return r.ok ? null : { damage: r.damage ?? 'table_damaged', detail: r.detail ?? '' };
  } catch (e) {
    const d = damageOf(e);
    if (d) return { damage: d === 'SQLITE_NOTADB' ? 'not_sqlite' : 'table_damaged', detail: (e as Error).message };
    throw e;
  } finally {
    ro?.close();
  }
}

/**
 * Opens `<dataDir>/cache.sqlite` for the core. A damaged file (health.ts) is moved aside, a fresh
 * cache created, the local-only data rescued into it and a notice recorded; the sync rebuilds the
 * rest. A newer app's file is still refused untouched. Files are created readable by the user only.
 */
export function openCache(dataDir: string, opts: OpenOptions & { now?: () => number } = {}): OpenedCache {
  ensurePrivateDir(dataDir);
  const file = join(dataDir, CACHE_FILE);
  const found = checkCache(file, dataDir);
  if (!found) {
    ensurePrivateFile(file);
    try {
      return { db: openDatabase(file, opts), recovered: null };
    } catch (e) {
      const d = damageOf(e);
      if (!d) throw e;
      return rebuild(dataDir, file, { damage: 'table_damaged', detail: (e as Error).message }, opts);
    }
  }
  return rebuild(dataDir, file, found, opts);
}

function rebuild(dataDir: string, file: string, found: { damage: Damage; detail: string }, opts: OpenOptions & { now?: () => number }): OpenedCache {
  const at = (opts.now ?? Date.now)();
  const movedTo = existsSync(file) ? quarantine(file, at) : '';
  ensurePrivateFile(file);
  const db = openDatabase(file, opts);
  try {
    const { unreadable } = movedTo ? rescueLocal(movedTo, db) : { unreadable: [] as string[] };
    const notice = recoveryNotice(db, { at, damage: found.damage, detail: found.detail, movedTo, unreadable });
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      RECOVERY_NOTICE_KEY,
      JSON.stringify(notice),
    );
    rmSync(join(dataDir, DAMAGED_MARKER), { force: true });
    return { db, recovered: notice };
  } catch (e) {
    db.close();
    throw e;
  }
}
