/**
 * Local-only data kept safe: "Export my local data" from one machine's core and import into a new
 * machine's (preferences, alert rules, audit log, unsent actions, deal notes, saved views and the
 * list's columns); the unsent actions
 * then go out once. A bad file (not JSON, another format, an action without its batch, a value over
 * its limit) is refused with invalid_file and writes nothing. The last 7 daily copies are kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../../../electron/demo-platform/index';
import { createCore, type Core } from '../../../electron/core/create-core';
import { dailyBackup, listBackups, KEEP } from '../../../electron/core/local/backups';
import { AppError } from '../../../shared/contract/rpc/errors';
import { LocalDataFile, type Health } from '../../../shared/contract/rpc/local';
import { batchDone, platformChanges } from '../actions/helpers';

let work: string;
let platform: Awaited<ReturnType<typeof start>>;
const conn = () => ({ kind: 'demo' as const, url: platform.url, token: platform.token });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pd-int-local-'));
  platform = await start({ port: 0, seed: 21, clients: 150, dataDir: join(work, 'platform'), allowDemoControls: true });
});
afterAll(async () => {
  await platform?.stop();
  rmSync(work, { recursive: true, force: true });
});

const open = (name: string, connection: ReturnType<typeof conn> | null) =>
  createCore({ dataDir: join(work, name), mode: 'browser', version: 'test', connection, autoSync: false, apiOptions: { retryBaseMs: 5, retryMaxMs: 20 } });

function localRows(core: Core): string {
  const db = core.ctx.db;
  return JSON.stringify([
    db.prepare("SELECT key, value FROM meta WHERE key LIKE 'settings.%' ORDER BY key").all(),
    db.prepare('SELECT * FROM outbox ORDER BY seq').all(),
    db.prepare('SELECT * FROM batches ORDER BY id').all(),
    db.prepare('SELECT * FROM audit_log ORDER BY id').all(),
    db.prepare('SELECT * FROM alert_rules ORDER BY scope').all(),
  ]);
}
const decode = (f: { base64: string }) => Buffer.from(f.base64, 'base64').toString('utf8');

describe('export and import of local data', () => {
  it('moves preferences, rules, audit and unsent actions to a new machine; the actions then go out once', async () => {
    const a = await open('old', conn());
    let text: string;
    let ids: string[];
    let viewsA: unknown;
    try {
      await a.engine.run();
      await a.call('settings.update', { language: 'en', syncIntervalMin: 11, ledgerWindowMonths: 2 });
      await a.call('alerts.saveRule', { clientId: null, thresholdMinor: 500_00, negative: false, freezeDays: null });
      // Saved views: one of the user's own, a renamed default, a deleted default; the list's columns.
      await a.call('views.list', {});
      await a.call('views.create', {
        name: 'Big debtors',
        spec: { filter: { negativeOnly: true, search: 'atlas' }, sort: { column: 'payment', dir: 'asc' }, columns: { order: ['email', 'name'], hidden: ['phone'], widths: { email: 300 } } },
      });
      await a.call('views.update', { id: 'default-inDebt', name: 'Должники' });
      await a.call('views.delete', { id: 'default-blocked' });
      await a.call('views.setColumns', { columns: { order: ['payment', 'name'], hidden: ['email'], widths: { name: 240 } } });
      viewsA = await a.call('views.list', {});
      ids = ((await a.call('clients.ids', { statuses: ['active'] })) as { ids: string[] }).ids.slice(0, 4);
      await a.setConnection(null);
      await a.call('actions.enqueue', { action: 'block', ids });
      text = decode((await a.call('localData.export', {})) as { base64: string });
    } finally {
      await a.close();
    }
    const file = LocalDataFile.parse(JSON.parse(text));
    // Unsent: pending, or claimed by the runner ('sending' with its key) while there is no connection.
    expect(file.outbox.filter((o) => o.state === 'pending' || o.state === 'sending')).toHaveLength(4);
    // The settings change, the alert rule and the queued block are each in the audit log.
    expect(file.auditLog.map((e) => e.action).sort()).toEqual(['alert_rule', 'block', 'settings'].sort());

    const b = await open('new', null);
    try {
      await b.engine.run().catch(() => undefined);
      const r = (await b.call('localData.import', { text })) as { added: Record<string, number> };
      expect(r.added).toMatchObject({ pendingActions: 4, batches: 1, auditEntries: 3, alertRules: 1 });
      expect(r.added.preferences).toBeGreaterThanOrEqual(3);
      expect(await b.call('settings.get', {})).toMatchObject({ language: 'en', syncIntervalMin: 11, ledgerWindowMonths: 2 });
      expect(r.added.savedViews).toBe(4);
      expect(await b.call('views.list', {})).toEqual(viewsA);
      expect(await b.call('views.columns', {})).toEqual({ columns: { order: ['payment', 'name'], hidden: ['email'], widths: { name: 240 } } });
      // Importing the same file again adds nothing.
      const again = (await b.call('localData.import', { text })) as { added: Record<string, number> };
      expect(Object.values(again.added).every((n) => n === 0)).toBe(true);

      // On the new machine, with a connection: the actions go out, each client changed once.
      const seq0 = platformChanges(platform.dbFile, 0).maxSeq;
      await b.setConnection(conn());
      await b.engine.run();
      await batchDone(b, file.batches[0]!.id);
      const changes = platformChanges(platform.dbFile, seq0);
      expect([...changes.changed.keys()].sort()).toEqual([...ids].sort());
      expect(changes.maxSeq - seq0).toBe(4);
    } finally {
      await b.close();
    }
  });

  it('a bad file is refused with invalid_file and nothing is written', async () => {
    const c = await open('bad', null);
    try {
      await c.call('settings.update', { language: 'ru' });
      const good = JSON.parse(decode((await c.call('localData.export', {})) as { base64: string })) as LocalDataFile;
      const before = localRows(c);
      const bad: string[] = [
        'not json {',
        JSON.stringify({ hello: 'world' }),
        JSON.stringify({ ...good, format: 'something-else' }),
        // An unsent action whose batch the file does not hold.
        JSON.stringify({
          ...good,
          alertRules: [{ scope: '*', threshold_minor: 1, negative: 0, freeze_days: null }],
          outbox: [
            { batch_id: 'nope', client_id: 'c1', action: 'block', idempotency_key: 'k1', state: 'pending', chunk_key: null, attempts: 0, error: null, created_at: 1, updated_at: 1 },
          ],
        }),
        // Valid up to a value over its limit: the rules before it must not be written either.
        JSON.stringify({ ...good, alertRules: [{ scope: '*', threshold_minor: 1, negative: 0, freeze_days: 9999 }] }),
      ];
      for (const text of bad) {
        const err = await c.call('localData.import', { text }).catch((e: unknown) => e);
        expect(err, text.slice(0, 40)).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('invalid_file');
        expect(localRows(c)).toBe(before);
      }
    } finally {
      await c.close();
    }
  });
});

describe('daily copies of the local data', () => {
  it('one copy a day at start and on schedule, the last 7 kept, each one a valid export', async () => {
    const core = await open('daily', null);
    try {
      const h = (await core.call('app.health', {})) as Health;
      expect(h.backups.count).toBe(1);
      const day = 86_400_000;
      const t0 = Date.now();
      for (let i = 1; i <= 9; i++) dailyBackup(core.ctx.db, join(work, 'daily'), 'test', t0 + i * day);
      // The same day twice writes once.
      expect(dailyBackup(core.ctx.db, join(work, 'daily'), 'test', t0 + 9 * day)).toBeNull();
      const kept = listBackups(join(work, 'daily'));
      expect(kept).toHaveLength(KEEP);
      const want = Array.from({ length: 7 }, (_, i) => `local-data-${new Date(t0 + (i + 3) * day).toISOString().slice(0, 10)}.json`);
      expect(kept).toEqual(want);
      for (const f of readdirSync(join(work, 'daily', 'backups'))) {
        LocalDataFile.parse(JSON.parse(readFileSync(join(work, 'daily', 'backups', f), 'utf8')));
      }
      expect(((await core.call('app.health', {})) as Health).backups).toMatchObject({ count: 7, latest: want[6], error: null });
    } finally {
      await core.close();
    }
  });
});
