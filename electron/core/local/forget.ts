/**
 * "Forget this partner": every row of the cache goes — the platform's data, the audit log, alert
 * rules, unsent actions, saved views and preferences (the interface language excepted, it is the
 * person's, not the partner's) — the freed pages are overwritten (VACUUM), and the files that
 * hold copies of that data go too: the daily copies and the damaged caches moved aside. The host
 * removes the platform token before calling this (electron/host/connections.ts).
 */
import type Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupDir } from './backups';

/** Kept across a forget: the person's language, not the partner's data. */
const KEPT_META = ['settings.language'];
/** Tables of the schema's own that hold no data: the positions 1..N the search triggers read (migration 008). */
const KEPT_TABLES = ['search_seq'];

/** Every table that holds rows: the schema's own tables, without FTS5's shadow tables (emptied through their virtual table). */
function dataTables(db: Database.Database): { name: string; virtual: boolean }[] {
  const rows = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    .all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .filter((r) => !KEPT_TABLES.includes(r.name) && !virtual.some((v) => r.name !== v && r.name.startsWith(`${v}_`)))
    .map((r) => ({ name: r.name, virtual: virtual.includes(r.name) }));
}

export function forgetPartner(db: Database.Database, dataDir: string): void {
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  db.transaction(() => {
    for (const t of dataTables(db)) {
      if (t.name === 'meta') {
        db.prepare(`DELETE FROM meta WHERE key NOT IN (${KEPT_META.map(() => '?').join(', ')})`).run(...KEPT_META);
      } else {
        db.prepare(`DELETE FROM ${q(t.name)}`).run();
      }
    }
  })();
  // The deleted rows' pages are rewritten, so the partner's data is not left in the file.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
  rmSync(backupDir(dataDir), { recursive: true, force: true });
  rmSync(join(dataDir, 'damaged'), { recursive: true, force: true });
}
