import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/create-core';
import { testCore } from '../../support/test-core';
import { ledgerWindowStart } from '../../../electron/core/sync/engine';
import { SyncStore } from '../../../electron/core/sync/store';
import type { CoreEvent } from '../../../shared/contract/events';
import type { Transaction } from '../../../shared/contract/platform';
import { startFakePlatform, type FakePlatform } from './fake-platform';
import { makeClients } from './fixtures';

const NOW = Date.parse('2026-03-15T12:00:00Z');
let dir: string;
let fp: FakePlatform;
let core: Core;
let events: CoreEvent[];

function tx(i: number, clientId: string, at: string): Transaction {
  return { id: `t${i}`, client_id: clientId, project_pid: null, at, kind: 'debit', amount_minor: 100 + i, currency: 'RUB', service: 'compute', description: 'x' };
}
const count = (table: string) => (core.ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);

async function open() {
  core = await testCore(dir, fp, 'custom', {
    now: () => NOW,
    apiOptions: { retryBaseMs: 1, retryMaxMs: 5, maxRetries: 1, timeoutMs: 2000 },
    sync: { pageSize: 50, projectsConcurrency: 4 },
  });
  events = [];
  core.onEvent((e) => events.push(e));
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pd-sync-'));
  fp = await startFakePlatform();
  const clients = makeClients(230, 3);
  for (const c of clients) fp.upsert(c);
  // Ledger: Oct 2025 .. Mar 2026; the window (3 months before March, Moscow time) starts 2025-11-30T21:00Z.
  let i = 0;
  for (const at of ['2025-10-10T10:00:00Z', '2025-11-30T20:59:59Z', '2025-11-30T21:00:00Z', '2026-01-05T00:00:00Z', '2026-03-14T23:00:00Z']) {
    for (const c of clients.slice(0, 40)) fp.addTx(tx(i++, c.id, at));
  }
  await open();
});
afterEach(async () => {
  await core.close();
  await fp.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sync engine', () => {
  it('the ledger window starts at 00:00 region time on the 1st, N months back', () => {
    expect(new Date(ledgerWindowStart(NOW, 3, 'Europe/Moscow')).toISOString()).toBe('2025-11-30T21:00:00.000Z');
    expect(new Date(ledgerWindowStart(NOW, 0, '+06:00')).toISOString()).toBe('2026-02-28T18:00:00.000Z');
  });

  it('first sync mirrors the platform: clients, projects, the ledger window; events carry progress', async () => {
    await core.engine.run();
    expect(count('clients')).toBe(230);
    const projects = [...fp.projects.values()].reduce((n, l) => n + l.length, 0);
    expect(count('projects')).toBe(projects);
    expect(count('transactions')).toBe(3 * 40); // the two rows before the window are not kept
    expect(count('sync_projects_todo')).toBe(0);
    const phases = new Set(events.filter((e) => e.event === 'sync.progress').map((e) => (e.payload as { phase: string }).phase));
    expect([...phases]).toEqual(['platform', 'clients', 'projects', 'transactions', 'done']);
    expect(events.some((e) => e.event === 'connectivity' && (e.payload as { state: string }).state === 'online')).toBe(true);
    const st = (await core.call('sync.status', {})) as { lastSyncedAt: string | null; connectivity: string };
    expect(st.connectivity).toBe('online');
    expect(st.lastSyncedAt).not.toBeNull();
    const list = (await core.call('clients.list', { search: '', sort: { column: 'payment', dir: 'desc' }, limit: 5 })) as { total: number };
    expect(list.total).toBe(230);
    const pf = (await core.call('platform.get', {})) as { platform: { time_zone: string } };
    expect(pf.platform.time_zone).toBe('Europe/Moscow');
  });

  it('an incremental sync picks up changes and tombstones, and only refetches changed clients', async () => {
    await core.engine.run();
    const c = fp.clients.get('c000005')!;
    fp.upsert({ ...c, status: 'blocked', balance: { ...c.balance, payment: { amount_minor: -500, currency: 'RUB' } } });
    fp.remove('c000000');
    fp.addTx(tx(9999, 'c000001', '2026-03-15T10:00:00Z'));
    fp.addTx(tx(9998, 'c000000', '2026-03-15T10:00:00Z')); // for the deleted client: not kept
    fp.hits.clear();
    await core.engine.run();
    expect(count('clients')).toBe(229);
    expect(core.ctx.db.prepare("SELECT status, payment_minor FROM clients WHERE id='c000005'").get()).toEqual({ status: 'blocked', payment_minor: -500 });
    expect(core.ctx.db.prepare("SELECT count(*) FROM transactions WHERE client_id='c000000'").pluck().get()).toBe(0);
    expect(core.ctx.db.prepare("SELECT count(*) FROM projects WHERE client_id='c000000'").pluck().get()).toBe(0);
    expect(core.ctx.db.prepare("SELECT count(*) FROM transactions WHERE id='t9999'").pluck().get()).toBe(1);
    expect([...fp.hits.keys()].filter((k) => k.endsWith('/projects')).length).toBeLessThanOrEqual(1);
  });

  it('a failed page keeps the cache; 401 sets token_rejected; offline keeps data and comes back online', async () => {
    await core.engine.run();
    const before = count('clients');
    fp.mode = 'garbage';
    fp.upsert({ ...fp.clients.get('c000002')!, name: 'Changed' });
    await expect(core.engine.run()).rejects.toThrow(/does not match the contract|not JSON/);
    expect(count('clients')).toBe(before);
    fp.mode = '401';
    await expect(core.engine.run()).rejects.toThrow(/401/);
    expect(core.engine.connectivity()).toBe('token_rejected');
    fp.mode = 'ok';
    await fp.close();
    await expect(core.engine.run()).rejects.toThrow();
    expect(core.engine.connectivity()).toBe('offline');
    expect(count('clients')).toBe(before);
    const st = (await core.call('sync.status', {})) as { connectivity: string; lastError: { code: string } | null };
    expect(st.connectivity).toBe('offline');
    expect(st.lastError?.code).toBe('offline');
  });

  it('resumes from the last whole page after a stop mid-feed', async () => {
    // Two whole pages of clients land, then the platform breaks: the cursor says where to resume.
    let served = 0;
    const origMode = fp.mode;
    const api = core.ctx.api();
    const orig = api.clientChanges.bind(api);
    api.clientChanges = async (cursor, limit) => {
      if (++served > 2) throw new Error('killed');
      return orig(cursor, limit);
    };
    await expect(core.engine.run()).rejects.toThrow('killed');
    expect(count('clients')).toBe(100);
    api.clientChanges = orig;
    fp.mode = origMode;
    await core.engine.run();
    expect(count('clients')).toBe(230);
  });

  it('a cache closed while its indexes were still owed builds them when opened, offline too', async () => {
    await core.engine.run();
    const indexes = () => core.ctx.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'clients' AND name LIKE 'clients_%'").pluck().get();
    const listed = async (search: string) => ((await core.call('clients.list', { search, limit: 500 })) as { total: number }).total;
    const full = indexes();
    const found = await listed('ооо');
    expect(found).toBeGreaterThan(0);
    // As a kill after the first fill leaves it: the fill over, no list index, the search index empty.
    const owed = new SyncStore(core.ctx.db).indexes;
    owed.beginFill();
    owed.endFill();
    expect(indexes()).toBe(0);
    await core.close();
    await fp.close();
    await open();
    await core.engine.idle();
    expect(new SyncStore(core.ctx.db).indexes.debt()).toBe(null);
    expect(indexes()).toBe(full);
    expect(await listed('ооо')).toBe(found);
    expect(events.some((e) => e.event === 'data.changed' && (e.payload as { tables: string[] }).tables.includes('clients'))).toBe(true);
  });

  it('never runs two at once', async () => {
    const a = core.engine.run();
    expect(core.engine.syncNow()).toBe(false);
    expect(core.engine.run()).toBe(a);
    await a;
    expect(((await core.call('sync.now', {})) as { started: boolean }).started).toBe(true);
    await core.engine.run();
  });
});

describe('settings', () => {
  it('defaults, updates, connection without the token', async () => {
    const s = (await core.call('settings.get', {})) as Record<string, unknown>;
    expect(s).toMatchObject({ language: null, syncIntervalMin: 5, ledgerWindowMonths: 3, connection: { kind: 'custom', url: fp.url, hasToken: true } });
    const u = await core.call('settings.update', { language: 'ru', syncIntervalMin: 15 });
    expect(u).toMatchObject({ language: 'ru', syncIntervalMin: 15, ledgerWindowMonths: 3 });
    await expect(core.call('settings.update', { syncIntervalMin: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    const c = await core.call('connection.set', { kind: 'vk' });
    expect(c).toMatchObject({ connection: { kind: 'vk', url: 'https://cloud.vk.com' } });
    const meta = core.ctx.db.prepare('SELECT group_concat(value) FROM meta').pluck().get() as string;
    expect(meta).not.toContain(fp.token);
  });
});

describe('scheduler', () => {
  it('with autoSync it syncs at start and schedules the next run at the interval', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'pd-sched-'));
    const auto = await createCore({
      dataDir: dir2,
      mode: 'browser',
      version: 'test',
      connection: { kind: 'custom', url: fp.url, token: fp.token },
      apiOptions: { retryBaseMs: 1, maxRetries: 1 },
    });
    // What a listener of "the sync changed" reads at that moment (the app's header does).
    const seen: { running: boolean; nextSyncAt: string | null }[] = [];
    auto.onEvent((e) => {
      if (e.event === 'data.changed' && (e.payload as { tables: string[] }).tables.includes('sync')) seen.push(auto.engine.status());
    });
    try {
      await new Promise<void>((resolve) => {
        auto.onEvent((e) => {
          if (e.event === 'sync.progress' && (e.payload as { phase: string }).phase === 'done') resolve();
        });
      });
      // A first sync's run lasts past 'done' while it builds the indexes its fill left owed.
      await auto.engine.idle();
      // Once the run is over, the next one is already scheduled when the listeners hear of it.
      const over = seen.filter((s) => !s.running);
      expect(over.length).toBeGreaterThan(0);
      for (const s of over) expect(s.nextSyncAt).not.toBeNull();
      const st = (await auto.call('sync.status', {})) as { nextSyncAt: string | null; running: boolean };
      expect(st.running).toBe(false);
      const delta = Date.parse(st.nextSyncAt!) - Date.now();
      expect(delta).toBeGreaterThan(4 * 60_000);
      expect(delta).toBeLessThanOrEqual(5 * 60_000);
      await auto.call('settings.update', { syncIntervalMin: 30 });
      const st2 = (await auto.call('sync.status', {})) as { nextSyncAt: string | null };
      expect(Date.parse(st2.nextSyncAt!) - Date.now()).toBeGreaterThan(29 * 60_000);
    } finally {
      await auto.close();
      rmSync(dir2, { recursive: true, force: true });
    }
  });
});
