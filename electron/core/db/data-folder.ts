/**
 * The data folder: created readable by the user only (0700, files 0600 on macOS and Linux), and
 * held by one process at a time through `<dataDir>/partner-desk.lock`.
 *
 * The lock is a small JSON file written with O_EXCL: { pid, mode, startedAt, procStart }. A
 * second copy that finds it refuses to start (AppError 'data_folder_locked', naming the folder and
 * the other process) unless the holder is gone: no process with that pid, or (Linux) a process
 * whose start time differs from the one recorded, i.e. the pid was reused. A lock left by a
 * process killed with SIGKILL therefore never blocks the next start.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/rpc/errors';

export const LOCK_FILE = 'partner-desk.lock';
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;
const posix = process.platform !== 'win32';

/** Creates the folder (and parents) private to the user; tightens an existing one. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (posix && (statSync(dir).mode & 0o777) !== PRIVATE_DIR) chmodSync(dir, PRIVATE_DIR);
}

/** Makes an existing file readable by the user only, or creates it empty with that mode. */
export function ensurePrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE));
  if (posix && (statSync(file).mode & 0o777) !== PRIVATE_FILE) chmodSync(file, PRIVATE_FILE);
}

export interface LockInfo {
  pid: number;
  mode: string;
  startedAt: string;
  /** Linux: the process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat). */
  procStart: string | null;
}

function procStartOf(pid: number): string | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19] ?? null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, it is someone else's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof v.pid !== 'number' || !Number.isInteger(v.pid) || v.pid <= 0) return null;
    return { pid: v.pid, mode: String(v.mode ?? ''), startedAt: String(v.startedAt ?? ''), procStart: v.procStart ?? null };
  } catch {
    return null;
  }
}

/** Whether the process that wrote this lock is still running. */
export function holderAlive(info: LockInfo): boolean {
  if (!alive(info.pid)) return false;
  if (info.procStart !== null) {
    const now = procStartOf(info.pid);
    if (now !== null && now !== info.procStart) return false;
  }
  return true;
}

export interface DataFolderLock {
  file: string;
  release(): void;
}

/**
 * Takes the data folder for this process, or throws AppError('data_folder_locked') naming the
 * folder and the process that holds it. A lock whose holder is gone (or unreadable) is replaced.
 */
export function lockDataFolder(dataDir: string, mode: string): DataFolderLock {
  ensurePrivateDir(dataDir);
  const file = join(dataDir, LOCK_FILE);
  const me: LockInfo = { pid: process.pid, mode, startedAt: new Date().toISOString(), procStart: procStartOf(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', PRIVATE_FILE);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const other = readLock(file);
      if (other && holderAlive(other)) {
        throw new AppError(
          'data_folder_locked',
          `The data folder ${dataDir} is in use by another copy of Partner Desk (${other.mode || 'unknown mode'}, process ${other.pid}, started ${other.startedAt}). Close it first, or choose another data folder.`,
          { params: { folder: dataDir, pid: other.pid, mode: other.mode || '?', since: other.startedAt } },
        );
      }
      // Stale (its process is gone) or half-written by a process that died while writing it.
      // A half-written lock younger than a few seconds may belong to a copy starting right now.
      if (!other && Date.now() - statSync(file).mtimeMs < 3000 && attempt < 2) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        continue;
      }
      rmSync(file, { force: true });
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(me));
    } finally {
      closeSync(fd);
    }
    let released = false;
    return {
      file,
      release() {
        if (released) return;
        released = true;
        const cur = readLock(file);
        if (cur && cur.pid === me.pid && cur.startedAt === me.startedAt) rmSync(file, { force: true });
      },
    };
  }
  throw new AppError('data_folder_locked', `The data folder ${dataDir} is in use by another copy of Partner Desk.`, {
    params: { folder: dataDir, pid: 0, mode: '?', since: '' },
  });
}

/** Who holds the folder now, if anyone alive (for messages and tests). */
export function lockHolder(dataDir: string): LockInfo | null {
  const info = readLock(join(dataDir, LOCK_FILE));
  return info && holderAlive(info) ? info : null;
}
