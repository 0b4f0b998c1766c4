/**
 * One process per data folder: `<dataDir>/partner-desk.lock`, taken by the desktop app and by
 * browser mode before anything else touches the folder (the built-in demo platform, the core).
 *
 * The lock is a small JSON file written with O_EXCL: { pid, mode, startedAt, procStart }. A
 * second copy that finds it refuses to start (AppError 'data_folder_locked', naming the folder and
 * the other process) unless the holder is gone: no process with that pid, or (Linux) a process
 * whose start time differs from the one recorded, i.e. the pid was reused. A lock left by a
 * process killed with SIGKILL therefore never blocks the next start.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/contract/rpc/errors';
import { ensurePrivateDir, PRIVATE_FILE } from '../core/db/data-folder';

export const LOCK_FILE = 'partner-desk.lock';

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
