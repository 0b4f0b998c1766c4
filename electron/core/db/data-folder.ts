/**
 * The data folder and its files are readable by the user only: folders 0700, files 0600 on macOS
 * and Linux (SQLite creates the -wal and -shm with the mode of the database file).
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;
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

