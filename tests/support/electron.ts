/**
 * Where the Electron binary is, without fetching it: `require('electron')` would try to download
 * it on first use, which these machines cannot do. Null when it is not installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

export function installedElectron(): string | null {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  const exe = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, exe ?? 'electron');
    return existsSync(p) ? p : null;
  }
  if (!exe) return null;
  const p = join(dir, 'dist', exe);
  return existsSync(p) ? p : null;
}

export const projectRoot = root;
