/**
 * Daily copies of the local-only data (the export file of transfer.ts) in
 * `<dataDir>/backups/local-data-YYYY-MM-DD.json`, the last KEEP days kept. Written at start when
 * today's copy is missing, then checked hourly. Each copy is written to a temporary file and
 * renamed, so a full disk leaves the previous copies whole (and no partial file behind).
 */
import type Database from 'better-sqlite3';
import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from '../db/data-folder';
import { exportLocalData } from './transfer';

export const KEEP = 7;
const NAME = /^local-data-(\d{4}-\d{2}-\d{2})\.json$/;

export function backupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

export function listBackups(dataDir: string): string[] {
  try {
    return readdirSync(backupDir(dataDir)).filter((n) => NAME.test(n)).sort();
  } catch {
    return [];
  }
}

/** Writes today's copy unless there is one; drops all but the newest KEEP. Returns the file written, if any. */
export function dailyBackup(db: Database.Database, dataDir: string, appVersion: string, nowMs: number): string | null {
  const dir = backupDir(dataDir);
  ensurePrivateDir(dir);
  const day = new Date(nowMs).toISOString().slice(0, 10);
  const name = `local-data-${day}.json`;
  let written: string | null = null;
  if (!listBackups(dataDir).includes(name)) {
    const text = JSON.stringify(exportLocalData(db, appVersion, nowMs));
    const tmp = join(dir, `.${name}.tmp`);
    try {
      writeFileSync(tmp, text, { mode: 0o600 });
      renameSync(tmp, join(dir, name));
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
    written = join(dir, name);
  }
  const all = listBackups(dataDir);
  for (const old of all.slice(0, Math.max(0, all.length - KEEP))) rmSync(join(dir, old), { force: true });
  return written;
}
