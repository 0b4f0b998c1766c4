/**
 * Opens the cache: WAL, foreign keys, busy timeout, then the numbered migrations
 * (each in one transaction, tracked by PRAGMA user_version). A file written by a newer app
 * (user_version above the last migration) is refused with AppError('newer_database') and left
 * byte-for-byte untouched: it is opened read-only for the check and closed before anything runs.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/contract/rpc/errors';
import { MIGRATIONS, type Migration } from './migrations/index';

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
