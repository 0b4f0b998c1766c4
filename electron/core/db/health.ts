/**
 * The start-up check of the cache file: cheap at any size (it reads a few pages, never the big
 * tables whole).
 *
 * 1. The file itself: the 100-byte header ("SQLite format 3", a power-of-two page size), its size
 *    a whole number of pages and not below the page count the header declares (a truncated copy).
 * 2. The -wal beside it: a valid WAL header (magic, header checksum) for the same page size, and
 *    a first frame whose salts match the header's (a WAL from another database fails here or in 3).
 * 3. Through SQLite: the schema can be read and holds every table this version expects, the
 *    app's own small tables pass `PRAGMA quick_check(<table>)` (the outbox, queued invitations, audit log, alert rules,
 *    settings and sync state: the data that cannot be fetched again), and each big table answers a
 *    read of its first and last rows through every index, which walks each b-tree's root-to-leaf path.
 *
 * A full `PRAGMA quick_check` is left out: it reads every page (about 3–5 s at 1M ledger rows on
 * the build machine). Damage deeper inside a big table surfaces as SQLITE_CORRUPT when it is read;
 * the core then marks the cache damaged (markDamaged) and the next start rebuilds it.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';

export type Damage =
  | 'not_sqlite'
  | 'truncated'
  | 'bad_wal'
  | 'schema_unreadable'
  | 'schema_mismatch'
  | 'table_damaged'
  | 'marked_damaged';

export interface HealthResult {
  ok: boolean;
  damage?: Damage;
  detail?: string;
}

/** The tables only this app holds: lost for good if the cache is lost. */
export const LOCAL_TABLES = ['meta', 'batches', 'outbox', 'invite_outbox', 'audit_log', 'alert_rules', 'deal_feedback'] as const;
/** The platform's data: rebuilt by a sync. */
const BIG_TABLES = ['clients', 'projects', 'transactions'] as const;

export const DAMAGED_MARKER = 'cache.damaged';

function readHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function pageSizeOf(head: Buffer): number | null {
  const raw = head.readUInt16BE(16);
  const size = raw === 1 ? 65536 : raw;
  return size >= 512 && size <= 65536 && (size & (size - 1)) === 0 ? size : null;
}

/** WAL header checksum (SQLite's wal checksum over 24 bytes, big- or little-endian words). */
function walChecksum(buf: Buffer, bigEndian: boolean): [number, number] {
  let s0 = 0;
  let s1 = 0;
  for (let i = 0; i < 24; i += 8) {
    const a = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const b = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s0 = (s0 + a + s1) >>> 0;
    s1 = (s1 + b + s0) >>> 0;
  }
  return [s0, s1];
}

/** Checks the bytes of the file and its -wal without SQLite (so nothing is written or replayed). */
export function checkFileBytes(file: string): HealthResult {
  const size = statSync(file).size;
  if (size === 0) return { ok: true };
  if (size < 100) return { ok: false, damage: 'truncated', detail: `${size} bytes` };
  const head = readHead(file, 100);
  if (head.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') return { ok: false, damage: 'not_sqlite' };
  const pageSize = pageSizeOf(head);
  if (pageSize === null) return { ok: false, damage: 'not_sqlite', detail: 'page size' };
  if (size % pageSize !== 0) return { ok: false, damage: 'truncated', detail: `${size} bytes is not a whole number of ${pageSize}-byte pages` };
  const wal = `${file}-wal`;
  const walSize = existsSync(wal) ? statSync(wal).size : 0;
  // The header's page count is valid when its version-valid-for equals the change counter.
  const pages = head.readUInt32BE(28);
  if (walSize === 0 && head.readUInt32BE(92) === head.readUInt32BE(24) && pages * pageSize > size) {
    return { ok: false, damage: 'truncated', detail: `${size} bytes, the header declares ${pages} pages` };
  }
  if (walSize > 0) {
    if (walSize < 32) return { ok: false, damage: 'bad_wal', detail: 'short header' };
    const w = readHead(wal, Math.min(walSize, 32 + 24));
    const magic = w.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return { ok: false, damage: 'bad_wal', detail: 'magic' };
    const [c0, c1] = walChecksum(w.subarray(0, 24), magic === 0x377f0683);
    if (c0 !== w.readUInt32BE(24) || c1 !== w.readUInt32BE(28)) return { ok: false, damage: 'bad_wal', detail: 'header checksum' };
    if (w.readUInt32BE(8) !== pageSize) return { ok: false, damage: 'bad_wal', detail: 'page size differs from the database' };
  }
  return { ok: true };
}

/** Checks an opened database: schema, the local tables in full, the big tables' b-tree edges. */
export function checkOpened(db: Database.Database, expectTables: readonly string[]): HealthResult {
  let names: Set<string>;
  try {
    names = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]));
  } catch (e) {
    return { ok: false, damage: 'schema_unreadable', detail: (e as Error).message };
  }
  const missing = expectTables.filter((t) => !names.has(t));
  if (missing.length > 0) return { ok: false, damage: 'schema_mismatch', detail: `missing ${missing.join(', ')}` };
  try {
    for (const t of [...LOCAL_TABLES, 'sync_state']) {
      if (!names.has(t)) continue;
      const r = db.pragma(`quick_check(${t})`, { simple: true });
      if (r !== 'ok') return { ok: false, damage: 'table_damaged', detail: `${t}: ${String(r)}` };
    }
    for (const t of BIG_TABLES) {
      if (!names.has(t)) continue;
      db.prepare(`SELECT * FROM ${t} ORDER BY rowid LIMIT 1`).all();
      db.prepare(`SELECT * FROM ${t} ORDER BY rowid DESC LIMIT 1`).all();
      const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").pluck().all(t) as string[];
      for (const ix of indexes) {
        const cols = (db.prepare(`PRAGMA index_xinfo(${ix})`).all() as { name: string | null; key: number; coll: string; desc: number }[])
          .filter((c) => c.key === 1 && c.name !== null);
        if (cols.length === 0) continue;
        const list = cols.map((c) => `"${c.name}"`).join(', ');
        const order = (flip: boolean) => cols.map((c) => `"${c.name}" COLLATE ${c.coll} ${(c.desc === 1) !== flip ? 'DESC' : 'ASC'}`).join(', ');
        db.prepare(`SELECT ${list} FROM ${t} INDEXED BY ${ix} ORDER BY ${order(false)} LIMIT 1`).all();
        db.prepare(`SELECT ${list} FROM ${t} INDEXED BY ${ix} ORDER BY ${order(true)} LIMIT 1`).all();
      }
    }
  } catch (e) {
    return { ok: false, damage: 'table_damaged', detail: (e as Error).message };
  }
  return { ok: true };
}

/** Whether an error from SQLite says the file is damaged (not merely busy, full or read-only). */
export function isCorruption(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/** Records that the cache was found damaged while running: the next start rebuilds it. */
export function markDamaged(dataDir: string, detail: string): void {
  try {
    writeFileSync(`${dataDir}/${DAMAGED_MARKER}`, JSON.stringify({ at: new Date().toISOString(), detail }), { mode: 0o600 });
  } catch {
    /* the disk may be the problem; the next corrupt read marks it again */
  }
}
