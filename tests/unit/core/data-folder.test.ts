/**
 * The data folder and its files are readable by the user only (macOS, Linux): the folder 0700,
 * the cache and its -wal/-shm 0600, the daily copies 0600; a folder or cache left wider by an older
 * version is tightened at start.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCache } from '../../../electron/core/db/open';
import { dailyBackup } from '../../../electron/core/local/backups';

const mode = (f: string) => statSync(f).mode & 0o777;
const posix = process.platform !== 'win32';

describe.skipIf(!posix)('private data folder', () => {
  it('a new folder: 0700, the cache, its -wal and -shm and the daily copy 0600', () => {
    const root = mkdtempSync(join(tmpdir(), 'pd-perm-'));
    try {
      const dir = join(root, 'a', 'data');
      const { db } = openCache(dir);
      db.prepare("INSERT INTO meta (key, value) VALUES ('settings.language', 'ru')").run();
      expect(mode(dir)).toBe(0o700);
      for (const f of ['cache.sqlite', 'cache.sqlite-wal', 'cache.sqlite-shm']) expect(mode(join(dir, f)), f).toBe(0o600);
      dailyBackup(db, dir, 't', Date.now());
      expect(mode(join(dir, 'backups'))).toBe(0o700);
      for (const f of readdirSync(join(dir, 'backups'))) expect(mode(join(dir, 'backups', f)), f).toBe(0o600);
      db.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a folder and cache made readable by others are tightened at start', () => {
    const root = mkdtempSync(join(tmpdir(), 'pd-perm-'));
    try {
      const dir = join(root, 'data');
      mkdirSync(dir, { mode: 0o755 });
      chmodSync(dir, 0o755);
      const raw = new Database(join(dir, 'cache.sqlite'));
      raw.close();
      chmodSync(join(dir, 'cache.sqlite'), 0o644);
      const { db } = openCache(dir);
      expect(mode(dir)).toBe(0o700);
      expect(mode(join(dir, 'cache.sqlite'))).toBe(0o600);
      db.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
