import { describe, expect, it } from 'vitest';
import { bucketLabel, presetRange, zoneNameKey, zoneOffset } from '../../../renderer/features/balance/period';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';
import { insertClient, insertTx } from './fixture';
import { tempDb } from '../../support/temp-db';

describe('period presets in region time', () => {
  // 2026-11-22 is a Sunday.
  const today = '2026-11-22';
  it('weeks start on Monday; months, quarters and years on the 1st', () => {
    expect(presetRange('today', today)).toEqual({ from: today, to: today });
    expect(presetRange('thisWeek', today)).toEqual({ from: '2026-11-16', to: today });
    expect(presetRange('lastWeek', today)).toEqual({ from: '2026-11-09', to: '2026-11-15' });
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-11-01', to: today });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetRange('quarter', today)).toEqual({ from: '2026-10-01', to: today });
    expect(presetRange('year', today)).toEqual({ from: '2026-01-01', to: today });
    expect(presetRange('lastMonth', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('thisWeek', '2026-11-16')).toEqual({ from: '2026-11-16', to: '2026-11-16' });
    expect(presetRange('custom', today)).toBeNull();
  });
  it('names the zone: MSK, UTC+3 and Astana, UTC+6', () => {
    const now = Date.parse('2026-11-22T07:00:00Z');
    expect(zoneNameKey('Europe/Moscow', now)).toBe('balance:zone.moscow');
    expect(zoneOffset('Europe/Moscow', now)).toBe('UTC+3');
    expect(zoneNameKey('+06:00', now)).toBe('balance:zone.astana');
    expect(zoneOffset('+06:00', now)).toBe('UTC+6');
    expect(zoneNameKey('+05:00', now)).toBeNull();
  });
  it('labels buckets in both languages', () => {
    expect(bucketLabel('2026-11-01', 'month', 'ru')).toMatch(/ноябрь 2026/);
    expect(bucketLabel('2026-11-01', 'month', 'en')).toBe('November 2026');
    expect(bucketLabel('2026-01-01', 'year', 'en')).toBe('2026');
    expect(bucketLabel('2026-11-16', 'week', 'en').replace(/\s/g, ' ')).toBe('Nov 16 – 22, 2026');
  });
});

describe('migration 003', () => {
  it('applies after 001 and 002, and its triggers mark written clients dirty', () => {
    expect(MIGRATIONS.map((m) => m.version)).toContain(3);
    const t = tempDb();
    try {
      expect(t.db.pragma('user_version', { simple: true })).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
      const tables = (t.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).sort();
      expect(tables).toEqual(expect.arrayContaining(['ledger_daily', 'ledger_monthly', 'ledger_dirty', 'ledger_fetched', 'ledger_rollup_meta']));
      insertClient(t.db, 'a');
      insertTx(t.db, { client: 'a', atMs: Date.parse('2026-11-01T00:00:00Z'), amount: 1 });
      expect(t.db.prepare('SELECT client_id FROM ledger_dirty').pluck().all()).toEqual(['a']);
      expect(t.db.prepare('SELECT offset_min FROM ledger_rollup_meta').pluck().get()).toBe(180);
      // A fetched period forgets itself when a row inside it is deleted (window pruning).
      const at = Date.parse('2026-11-01T00:00:00Z');
      t.db.prepare('INSERT INTO ledger_fetched (client_id, from_ms, to_ms, fetched_at) VALUES (?, ?, ?, 0)').run('a', at - 1000, at + 1000);
      t.db.prepare('INSERT INTO ledger_fetched (client_id, from_ms, to_ms, fetched_at) VALUES (?, ?, ?, 0)').run('a', at + 5000, at + 9000);
      t.db.prepare('DELETE FROM transactions WHERE at_ms < ?').run(at + 1);
      expect(t.db.prepare('SELECT from_ms FROM ledger_fetched').pluck().all()).toEqual([at + 5000]);
    } finally {
      t.close();
    }
  });
});
