import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/core/db/open';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('migration 002 (outbox, batches, audit log, invitations)', () => {
  it('upgrades a version-1 cache and enforces the outbox rules', () => {
    dir = mkdtempSync(join(tmpdir(), 'pd-m002-'));
    const file = join(dir, 'cache.sqlite');
    // A cache written by the version that knew only migration 001.
    openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version === 1) }).close();
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(2);
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
      expect(tables).toEqual(expect.arrayContaining(['outbox', 'batches', 'audit_log', 'invitations']));
      db.prepare(`INSERT INTO batches (id, action, created_at, total, user) VALUES ('b1', 'block', 0, 1, 'u')`).run();
      const row = db.prepare(
        `INSERT INTO outbox (batch_id, client_id, action, idempotency_key, state, created_at, updated_at) VALUES ('b1', ?, 'block', ?, ?, 0, 0)`,
      );
      row.run('c1', 'k1', 'pending');
      expect(() => row.run('c2', 'k1', 'pending')).toThrow(/UNIQUE/);
      expect(() => row.run('c3', 'k3', 'lost')).toThrow(/CHECK/);
      expect(() => row.run('c4', 'k4', 'pending') && db.prepare(`INSERT INTO outbox (batch_id, client_id, action, idempotency_key, state, created_at, updated_at) VALUES ('nope', 'c5', 'block', 'k5', 'pending', 0, 0)`).run()).toThrow(/FOREIGN KEY/);
      expect(() => db.prepare(`INSERT INTO batches (id, action, created_at, total, user) VALUES ('b2', 'archive', 0, 1, 'u')`).run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
