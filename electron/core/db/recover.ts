/**
 * A damaged cache: moved aside with a timestamp into `<dataDir>/damaged/`, the data only this app
 * holds copied from it into the fresh cache where SQLite can still read it, and a notice kept in
 * the fresh cache's meta for the renderer's banner until the user dismisses it.
 *
 * Rescued: preferences and the chosen connection (meta settings.* and connection.*), batches and
 * their outbox rows (actions not yet sent and the results of sent ones), invitations queued offline,
 * the audit log (ids kept, so the entries of queued actions and invitations still match), alert
 * rules, deal feedback and the saved views of the client list (if they cannot be read, the defaults
 * come back instead of an empty tab bar). Rows are read forwards and then backwards by rowid, so a damaged page in the
 * middle of a table loses only the rows on it. Everything else comes back with the next sync.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Damage } from './health';

export const RECOVERY_NOTICE_KEY = 'notice.cacheRebuilt';

export const RecoveryNotice = z.object({
  at: z.string(),
  damage: z.string(),
  detail: z.string(),
  /** Where the damaged file now is. */
  movedTo: z.string(),
  kept: z.object({
    pendingActions: z.number().int(),
    /** Absent in a notice written before invitations could be queued. */
    pendingInvitations: z.number().int().default(0),
    auditEntries: z.number().int(),
    alertRules: z.number().int(),
    dealNotes: z.number().int(),
    preferences: z.number().int(),
    /** Absent in a notice written before saved views were rescued. */
    savedViews: z.number().int().default(0),
  }),
  /** Tables of local data nothing could be read from. */
  unreadable: z.array(z.string()),
});
export type RecoveryNotice = z.infer<typeof RecoveryNotice>;

/** The local-only tables in the order they are copied (batches before the outbox that refers to them). */
const RESCUE: { table: string; where?: string; rowid: boolean }[] = [
  { table: 'meta', where: "key LIKE 'settings.%' OR key LIKE 'connection.%'", rowid: true },
  { table: 'batches', rowid: true },
  { table: 'outbox', rowid: true },
  { table: 'invite_outbox', rowid: true },
  { table: 'audit_log', rowid: true },
  { table: 'alert_rules', rowid: true },
  { table: 'deal_feedback', rowid: false },
  { table: 'saved_views', rowid: true },
];
/** The preference saying the default views were put in once (electron/core/views/store.ts). */
const VIEWS_SEEDED = 'settings.viewsSeeded';

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** Moves the file and its -wal/-shm into <dir>/damaged/ under a timestamped name; returns the new path. */
export function quarantine(file: string, nowMs: number): string {
  const dir = join(file, '..', 'damaged');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let target = join(dir, `${basename(file)}.${stamp(nowMs)}`);
  for (let i = 1; existsSync(target); i++) target = join(dir, `${basename(file)}.${stamp(nowMs)}-${i}`);
  renameSync(file, target);
  for (const s of ['-wal', '-shm']) if (existsSync(file + s)) renameSync(file + s, target + s);
  return target;
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

/** Reads what it can of one table: forwards until an error, then backwards from the end. */
function readRows(src: Database.Database, table: string, cols: string[], where: string | undefined, rowid: boolean): { rows: unknown[][]; readable: boolean } {
  const list = cols.map((c) => `"${c}"`).join(', ');
  const cond = where ? `WHERE ${where}` : '';
  const out = new Map<number | string, unknown[]>();
  let readable = false;
  const key = (r: unknown[], rid: unknown) => (rowid ? Number(rid) : JSON.stringify(r));
  const scan = (order: string) => {
    try {
      const sel = rowid ? `SELECT rowid AS __rid, ${list} FROM ${table} ${cond} ORDER BY rowid ${order}` : `SELECT ${list} FROM ${table} ${cond}`;
      for (const r of src.prepare(sel).raw().iterate() as IterableIterator<unknown[]>) {
        readable = true;
        const vals = rowid ? r.slice(1) : r;
        out.set(key(vals, r[0]), vals);
      }
      readable = true;
    } catch {
      /* a damaged page: keep what came before it */
    }
  };
  scan('ASC');
  if (rowid) scan('DESC');
  return { rows: [...out.values()], readable };
}

/** Copies the local-only tables from a damaged file into `dest`; returns the counts kept per table. */
export function rescueLocal(damagedFile: string, dest: Database.Database): { counts: Record<string, number>; unreadable: string[] } {
  const counts: Record<string, number> = {};
  const unreadable: string[] = [];
  const opened: Database.Database[] = [];
  const tryOpen = (f: string) => {
    try {
      const d = new Database(f, { readonly: true, fileMustExist: true });
      opened.push(d);
      return d;
    } catch {
      return null;
    }
  };
  // The file as SQLite sees it (with its -wal), then the main file alone: the log may be what is
  // broken, or another database's.
  const sources: (() => Database.Database | null)[] = [() => tryOpen(damagedFile)];
  let alone: string | null = null;
  if (existsSync(damagedFile + '-wal')) {
    sources.push(() => {
      alone = `${damagedFile}.alone`;
      copyFileSync(damagedFile, alone);
      return tryOpen(alone);
    });
  }
  const cache = new Map<number, Database.Database | null>();
  const source = (i: number) => {
    if (!cache.has(i)) cache.set(i, sources[i]?.() ?? null);
    return cache.get(i) ?? null;
  };
  try {
    for (const r of RESCUE) {
      counts[r.table] = 0;
      const want = columnsOf(dest, r.table);
      let got: { rows: unknown[][]; cols: string[] } | null = null;
      for (let i = 0; i < sources.length && !got; i++) {
        const src = source(i);
        if (!src) continue;
        let have: string[] = [];
        try {
          have = columnsOf(src, r.table);
        } catch {
          /* the schema cannot be read through this source */
        }
        const cols = want.filter((c) => have.includes(c));
        if (cols.length === 0) continue;
        const res = readRows(src, r.table, cols, r.where, r.rowid);
        if (res.readable) got = { rows: res.rows, cols };
      }
      if (!got) {
        unreadable.push(r.table);
        // No views to show: the defaults are put in again on the first read, not an empty tab bar.
        if (r.table === 'saved_views') dest.prepare('DELETE FROM meta WHERE key = ?').run(VIEWS_SEEDED);
        continue;
      }
      const { rows, cols } = got;
      const ins = dest.prepare(`INSERT OR IGNORE INTO ${r.table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      dest.transaction(() => {
        for (const row of rows) {
          try {
            counts[r.table]! += ins.run(...row).changes;
          } catch {
            /* a row that breaks a rule of the fresh schema (an outbox row whose batch was lost) */
          }
        }
      })();
    }
  } finally {
    for (const d of opened) d.close();
    if (alone) {
      for (const s of ['', '-wal', '-shm']) rmSync(alone + s, { force: true });
    }
  }
  return { counts, unreadable };
}

/** The notice the banner shows: what happened and what was kept. */
export function recoveryNotice(
  dest: Database.Database,
  info: { at: number; damage: Damage; detail: string; movedTo: string; unreadable: string[] },
): RecoveryNotice {
  const count = (sql: string) => dest.prepare(sql).pluck().get() as number;
  return {
    at: new Date(info.at).toISOString(),
    damage: info.damage,
    detail: info.detail,
    movedTo: info.movedTo,
    kept: {
      // The actions in the outbox still to send, and those of a batch staged when the app stopped
      // (its outbox rows are written at the next start: actions/staged.ts).
      pendingActions:
        count("SELECT count(*) FROM outbox WHERE state IN ('pending','sending')") + count('SELECT coalesce(sum(total), 0) FROM batches WHERE staged IS NOT NULL'),
      pendingInvitations: count("SELECT count(*) FROM invite_outbox WHERE state IN ('pending','sending')"),
      auditEntries: count('SELECT count(*) FROM audit_log'),
      alertRules: count('SELECT count(*) FROM alert_rules'),
      dealNotes: count('SELECT count(*) FROM deal_feedback'),
      preferences: count("SELECT count(*) FROM meta WHERE key LIKE 'settings.%'"),
      savedViews: count('SELECT count(*) FROM saved_views'),
    },
    unreadable: info.unreadable,
  };
}
