/**
 * The saved platform connection: its shape (SavedConnection, which the desktop app's encrypted
 * storage in electron/main/connection.ts writes too) and browser mode's storage of it in
 * `dataDir/connection.json`, readable by the owner only (mode 0600). Browser mode has no OS
 * keychain; the desktop app encrypts the same record with safeStorage.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConnectionKind } from '../../shared/contract/rpc/app';

export const SavedConnection = z.object({
  kind: ConnectionKind,
  url: z.string().nullable(),
  /** Absent for the built-in demo platform (its address and token change with each run). */
  token: z.string().nullable(),
});
export type SavedConnection = z.infer<typeof SavedConnection>;

export function connectionFile(dataDir: string): string {
  return join(dataDir, 'connection.json');
}

export function readSavedConnection(dataDir: string): SavedConnection | null {
  const file = connectionFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    const parsed = SavedConnection.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeSavedConnection(dataDir: string, conn: SavedConnection): void {
  mkdirSync(dataDir, { recursive: true });
  const file = connectionFile(dataDir);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(conn), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

export function clearSavedConnection(dataDir: string): void {
  rmSync(connectionFile(dataDir), { force: true });
}
