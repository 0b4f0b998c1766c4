/**
 * A migrated temporary cache for tests: a fresh folder under the OS temp dir with `cache.sqlite`
 * opened by the app's own `openDatabase` (WAL, foreign keys, every migration, or the list given).
 * `close()` closes the database and removes the folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../electron/core/db/open';
import type { Migration } from '../../electron/core/db/migrations/index';

export interface TempDb {
  db: Database.Database;
  /** The folder that holds the file (a test may put more files in it). */
  dir: string;
  file: string;
  close(): void;
}

export function tempDb(opts: { prefix?: string; migrations?: Migration[] } = {}): TempDb {
  const dir = mkdtempSync(join(tmpdir(), `pd-${opts.prefix ?? 'db'}-`));
  const file = join(dir, 'cache.sqlite');
  let db: Database.Database;
  try {
    db = openDatabase(file, opts.migrations ? { migrations: opts.migrations } : {});
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    db,
    dir,
    file,
    close() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
