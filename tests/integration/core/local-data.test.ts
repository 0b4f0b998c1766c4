/**
 * Local-only data kept safe: "Export my local data" from one machine's core and import into a new
 * machine's (preferences, alert rules, audit log, unsent actions, invitations queued offline, deal
 * notes, saved views and the list's columns); the unsent actions and invitations then go out once,
 * and a file written before invitations could be queued still imports. A bad file (not JSON, another format, an action without its batch, a value over
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
import { PartnerApi } from '../../../electron/core/partner-api/client';
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
    db.prepare('SELECT * FROM invite_outbox ORDER BY seq').all(),
  ]);
}
const platformApi = () => new PartnerApi({ baseUrl: platform.url, token: platform.token });
const INVITED = 'moved.invite@example.com';
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
      const q = (await a.call('clients.invite', { email: INVITED, name: 'ООО «Переезд»', externalId: 'ext-move-1' })) as { queued: boolean };
      expect(q.queued).toBe(true);
      text = decode((await a.call('localData.export', {})) as { base64: string });
    } finally {
      await a.close();
    }
    const file = LocalDataFile.parse(JSON.parse(text));
    // Unsent: pending, or claimed by the runner ('sending' with its key) while there is no connection.
    expect(file.outbox.filter((o) => o.state === 'pending' || o.state === 'sending')).toHaveLength(4);
    // The queued invitation, with the audit entry it refers to.
    expect(file.inviteOutbox).toHaveLength(1);
    expect(file.inviteOutbox[0]).toMatchObject({ email: INVITED, name: 'ООО «Переезд»', external_id: 'ext-move-1', state: 'pending' });
    expect(file.auditLog.find((e) => e.id === file.inviteOutbox[0]!.audit_id)?.action).toBe('invite');
    // The settings change, the alert rule, the queued block and the queued invite are each in the audit log.
    expect(file.auditLog.map((e) => e.action).sort()).toEqual(['alert_rule', 'block', 'invite', 'settings'].sort());

    const b = await open('new', null);
    try {
      await b.engine.run().catch(() => undefined);
      const r = (await b.call('localData.import', { text })) as { added: Record<string, number> };
      expect(r.added).toMatchObject({ pendingActions: 4, pendingInvitations: 1, batches: 1, auditEntries: 4, alertRules: 1 });
      const queued = (await b.call('invitations.list', {})) as { queued: { email: string; state: string }[] };
      expect(queued.queued.map((i) => [i.email, i.state === 'failed'])).toEqual([[INVITED, false]]);
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
      await b.ctx.actionRunner!.whenIdle();
      const changes = platformChanges(platform.dbFile, seq0);
      // The invitation went out once: one new client with that email, the queue empty, its audit entry settled.
      const invited = (await platformApi().listClients({ search: INVITED })).items;
      expect(invited.map((c) => c.email)).toEqual([INVITED]);
      expect([...changes.changed.keys()].sort()).toEqual([...ids, invited[0]!.id].sort());
      expect(changes.maxSeq - seq0).toBe(5);
      expect(b.ctx.db.prepare('SELECT count(*) FROM invite_outbox').pluck().get()).toBe(0);
      const audit = (await b.call('audit.list', { search: INVITED })) as { rows: { action: string; clientIds: string[]; result: { ok: number; pending: number } | null }[] };
      expect(audit.rows.filter((e) => e.action === 'invite')).toEqual([expect.objectContaining({ clientIds: [invited[0]!.id], result: expect.objectContaining({ ok: 1, pending: 0 }) })]);
    } finally {
      await b.close();
    }
  });

  it('a file written before invitations could be queued (no inviteOutbox) still imports', async () => {
    const c = await open('older', null);
    try {
      const old = {
        format: 'partner-desk-local-data', version: 1, exportedAt: '2026-10-01T10:00:00.000Z', appVersion: 'old',
        preferences: [{ key: 'settings.syncIntervalMin', value: '13' }], batches: [], outbox: [], dealFeedback: [],
        auditLog: [{ id: 7, at: 1_760_000_000_000, user: 'manager', action: 'block', batch_id: null, client_ids: '["cl000001"]', client_count: 1, result: null, detail: 'old-file', search_text: 'old-file' }],
        alertRules: [],
      };
      const r = (await c.call('localData.import', { text: JSON.stringify(old) })) as { added: Record<string, number> };
      expect(r.added).toMatchObject({ preferences: 1, auditEntries: 1, pendingInvitations: 0, savedViews: 0 });
      expect(c.ctx.db.prepare('SELECT count(*) FROM invite_outbox').pluck().get()).toBe(0);
    } finally {
      await c.close();
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
        // A queued invitation in a state the outbox does not know.
        JSON.stringify({
          ...good,
          alertRules: [{ scope: '*', threshold_minor: 1, negative: 0, freeze_days: null }],
          inviteOutbox: [{ email: 'a@b.ru', name: null, phone: null, external_id: null, idempotency_key: 'k2', state: 'ok', attempts: 0, error: null, audit_id: null, created_at: 1, updated_at: 1 }],
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
      // An invitation queued offline is in every copy written after it.
      await core.call('clients.invite', { email: 'daily.invite@example.com' });
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
        const copy = LocalDataFile.parse(JSON.parse(readFileSync(join(work, 'daily', 'backups', f), 'utf8')));
        expect(copy.inviteOutbox.map((i) => i.email), f).toEqual(['daily.invite@example.com']);
      }
      expect(((await core.call('app.health', {})) as Health).backups).toMatchObject({ count: 7, latest: want[6], error: null });
    } finally {
      await core.close();
    }
  });
});
