/**
 * The desktop app keeps its platform connection in userData/connection.bin, encrypted with
 * Electron safeStorage (Keychain on macOS, DPAPI on Windows). Where the OS offers no encryption
 * the token is kept in memory for this session only and never written in clear.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { SavedConnection } from '../host/connection-store';
import type { ConnectionStorage } from '../host/connections';
import { log } from './log';

export function safeConnectionStorage(userData: string): ConnectionStorage {
  const file = join(userData, 'connection.bin');
  let memory: SavedConnection | null = null;
  return {
    read() {
      if (memory) return memory;
      if (!existsSync(file) || !safeStorage.isEncryptionAvailable()) return null;
      try {
        const parsed = SavedConnection.safeParse(JSON.parse(safeStorage.decryptString(readFileSync(file))));
        return parsed.success ? parsed.data : null;
      } catch (err) {
        log.error('connection.bin could not be decrypted; starting without it:', err);
        return null;
      }
    },
    write(conn) {
      memory = conn;
      if (!safeStorage.isEncryptionAvailable()) {
        rmSync(file, { force: true });
        return;
      }
      writeFileSync(file, safeStorage.encryptString(JSON.stringify(conn)), { mode: 0o600 });
    },
    clear() {
      memory = null;
      rmSync(file, { force: true });
    },
  };
}
