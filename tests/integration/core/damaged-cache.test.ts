/**
 * A damaged cache file, made for real on disk between two runs of the core: bytes overwritten
 * (the header page, a big table's root page), truncated, a -wal from another database, a file
 * that is not SQLite at all. Each start detects it, moves the file aside with a timestamp, keeps
 * the local-only data SQLite can still read (preferences, pending actions, a batch staged when the
 * app stopped, invitations queued
 * offline, audit log, alert rules),
 * tells the renderer (app.health) what happened and what was kept, and the sync rebuilds the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../../../electron/demo-platform/index';
import { createCore, type Core } from '../../../electron/core/create-core';
import { stagedJson } from '../../../electron/core/actions/staged';
import type { Health } from '../../../shared/contract/rpc/local';

let work: string;
let platform: Awaited<ReturnType<typeof start>>;
const conn = () => ({ kind: 'demo' as const, url: platform.url, token: platform.token });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pd-int-damaged-'));
  platform = await start({ port: 0, seed: 5, clients: 200, dataDir: join(work, 'platform'), allowDemoControls: true });
});
afterAll(async () => {
  await platform?.stop();
  rmSync(work, { recursive: true, force: true });
});

const open = (dir: string, connection: ReturnType<typeof conn> | null = conn()) =>
  createCore({ dataDir: dir, mode: 'browser', version: 'test', connection, autoSync: false, apiOptions: { retryBaseMs: 5, retryMaxMs: 20 } });

/** A synced cache with local-only data: a preference, an alert rule, 5 pending block actions, a queued invitation (and their audit entries). */
async function prepared(name: string): Promise<string> {
  const dir = join(work, name);
  const core = await open(dir);
  await core.engine.run();
  await core.call('settings.update', { language: 'en', syncIntervalMin: 7 });
  await core.call('alerts.saveRule', { clientId: null, thresholdMinor: 123_00, negative: true, freezeDays: 5 });
  // The default tabs, one deleted, and a view of the user's own.
  const views = (await core.call('views.list', {})) as { views: { id: string; defaultKey: string | null }[] };
  await core.call('views.delete', { id: views.views.find((v) => v.defaultKey === 'blocked')!.id });
  const spec = (views.views[0] as unknown as { spec: unknown }).spec;
  await core.call('views.create', { name: 'Мои должники', spec });
  const ids = ((await core.call('clients.ids', { statuses: ['active'] })) as { ids: string[] }).ids.slice(0, 5);
  // No connection: the actions wait in the outbox.
  await core.setConnection(null);
  const r = (await core.call('actions.enqueue', { action: 'block', ids })) as { count: number };
  expect(r.count).toBe(5);
  const q = (await core.call('clients.invite', { email: 'rescued.invite@example.com', name: 'Rescued' })) as { queued: boolean };
  expect(q.queued).toBe(true);
  await core.close();
  return dir;
}

async function health(core: Core): Promise<Health> {
  return (await core.call('app.health', {})) as Health;
}

/** The start after the damage: rebuilt, local data kept, the cache filled again by a sync. */
async function expectRebuilt(dir: string, damage: RegExp, keepsLocal = true): Promise<void> {
  const core = await open(dir, null);
  try {
    const h = await health(core);
    expect(h.cacheRebuilt, 'the start noticed the damage').not.toBeNull();
    expect(h.cacheRebuilt!.damage).toMatch(damage);
    const moved = readdirSync(join(dir, 'damaged'));
    expect(moved.some((f) => /^cache\.sqlite\.\d{8}T\d{6}Z$/.test(f)), moved.join(',')).toBe(true);
    if (keepsLocal) {
      // The block, the invite, the settings change, the alert rule.
      expect(h.cacheRebuilt!.kept).toMatchObject({ pendingActions: 5, pendingInvitations: 1, alertRules: 1, auditEntries: 4 });
      expect(h.cacheRebuilt!.kept.preferences).toBeGreaterThanOrEqual(2);
      const s = (await core.call('settings.get', {})) as { language: string; syncIntervalMin: number };
      expect(s).toMatchObject({ language: 'en', syncIntervalMin: 7 });
      // The tabs as the user left them: the deleted default stays deleted, the own view is there.
      const tabs = (await core.call('views.list', {})) as { views: { name: string | null; defaultKey: string | null }[] };
      expect(tabs.views.map((v) => v.name ?? v.defaultKey)).toEqual(['inDebt', 'runsOut', 'invitedStale', 'Мои должники']);
      expect(h.cacheRebuilt!.kept.savedViews).toBe(4);
      const rules = (await core.call('alerts.rules', {})) as { rules: { thresholdMinor: number | null }[] };
      expect(rules.rules.map((r) => r.thresholdMinor)).toEqual([123_00]);
      // Still to send (the runner may have claimed them already: 'sending' until the platform answers).
      const b = (await core.call('actions.batches', {})) as { batches: { pending: number; sending: number }[] };
      expect(b.batches.map((x) => x.pending + x.sending)).toEqual([5]);
      const audit = (await core.call('audit.list', {})) as { total: number; rows: { id: number; action: string }[] };
      expect(audit.total).toBe(4);
      // The queued invitation, still pointing at its own audit entry.
      // (The runner may have claimed it: 'sending' until it finds no connection.)
      const inv = (await core.call('invitations.list', {})) as { queued: { email: string; state: string }[] };
      expect(inv.queued.map((i) => [i.email, i.state === 'failed'])).toEqual([['rescued.invite@example.com', false]]);
      const auditId = core.ctx.db.prepare('SELECT audit_id FROM invite_outbox').pluck().get() as number;
      expect(audit.rows.find((e) => e.id === auditId)?.action).toBe('invite');
      // Not sent here (the platform of the other tests keeps its 200 clients).
      await core.call('invitations.discard', { id: (core.ctx.db.prepare('SELECT seq FROM invite_outbox').pluck().get() as number) });
    }
    // The platform's data comes back with a sync.
    await core.setConnection(conn());
    await core.engine.run();
    const list = (await core.call('clients.list', { limit: 1 })) as { total: number };
    expect(list.total).toBe(200);
    await core.call('app.dismissNotice', { notice: 'cacheRebuilt' });
    expect((await health(core)).cacheRebuilt).toBeNull();
  } finally {
    await core.close();
  }
  // The next start is a normal one.
  const again = await open(dir, null);
  try {
    expect((await health(again)).cacheRebuilt).toBeNull();
    expect(readdirSync(join(dir, 'damaged')).filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))).toHaveLength(1);
  } finally {
    await again.close();
  }
}

function overwrite(file: string, offset: number, length: number): void {
  const fd = openSync(file, 'r+');
  try {
    const junk = Buffer.alloc(length);
    for (let i = 0; i < length; i++) junk[i] = (i * 131 + 7) & 0xff;
    writeSync(fd, junk, 0, length, offset);
  } finally {
    closeSync(fd);
  }
}

describe('a damaged cache file at start', () => {
  it('header page overwritten: rebuilt (local data unreadable there, told so), never a crash', async () => {
    const dir = await prepared('header');
    overwrite(join(dir, 'cache.sqlite'), 0, 4096);
    const core = await open(dir, null);
    try {
      const h = await health(core);
      expect(h.cacheRebuilt?.damage).toBe('not_sqlite');
      expect(h.cacheRebuilt?.unreadable).toContain('outbox');
    } finally {
      await core.close();
    }
  });

  it("a big table's root page overwritten: rebuilt, local data kept", async () => {
    const dir = await prepared('root');
    const f = join(dir, 'cache.sqlite');
    const ro = new Database(f, { readonly: true });
    const root = ro.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'transactions'").pluck().get() as number;
    const pageSize = ro.pragma('page_size', { simple: true }) as number;
    ro.close();
    overwrite(f, (root - 1) * pageSize, pageSize);
    await expectRebuilt(dir, /table_damaged/);
  });

  it("a batch staged when the app stopped (its outbox rows not yet written): rebuilt, its actions counted as kept and still sent", async () => {
    const dir = await prepared('staged');
    const f = join(dir, 'cache.sqlite');
    // As enqueue leaves a batch whose first request has left when the app stops before its audit
    // entry and outbox rows are written (actions/staged.ts).
    const db = new Database(f);
    const ids = db.prepare("SELECT id FROM clients WHERE status = 'active' AND id NOT IN (SELECT client_id FROM outbox) ORDER BY id LIMIT 3").pluck().all() as string[];
    expect(ids).toHaveLength(3);
    const user = db.prepare('SELECT user FROM batches').pluck().get() as string;
    db.prepare('INSERT INTO batches (id, action, created_at, total, skipped, parent_id, user, staged) VALUES (?, ?, ?, ?, 0, NULL, ?, ?)').run(
      'batch-staged',
      'block',
      Date.now(),
      ids.length,
      user,
      stagedJson(JSON.stringify(ids), 2, 'key-staged'),
    );
    const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'transactions'").pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    overwrite(f, (root - 1) * pageSize, pageSize);
    const core = await open(dir, null);
    try {
      const h = await health(core);
      expect(h.cacheRebuilt?.damage).toMatch(/table_damaged/);
      // The 5 queued in the outbox and the 3 of the staged batch.
      expect(h.cacheRebuilt!.kept.pendingActions).toBe(8);
      // And they are there to send: the staged batch's rows are written at this start.
      const b = (await core.call('actions.batches', {})) as { batches: { id: string; pending: number; sending: number }[] };
      expect(b.batches.map((x) => [x.id === 'batch-staged', x.pending + x.sending]).sort()).toEqual([[false, 5], [true, 3]]);
    } finally {
      await core.close();
    }
  });

  it('truncated to half: rebuilt, local data read where it still is', async () => {
    const dir = await prepared('truncated');
    const f = join(dir, 'cache.sqlite');
    truncateSync(f, Math.floor(statSync(f).size / 2) + 100);
    const core = await open(dir, null);
    try {
      const h = await health(core);
      expect(h.cacheRebuilt?.damage).toBe('truncated');
      const list = (await core.call('clients.list', { limit: 1 })) as { total: number };
      expect(list.total).toBe(0);
    } finally {
      await core.close();
    }
  });

  it('a -wal file from another database: rebuilt, local data kept from the main file', async () => {
    const dir = await prepared('wal');
    const other = join(work, 'other.sqlite');
    const o = new Database(other);
    o.pragma('journal_mode = WAL');
    o.pragma('wal_autocheckpoint = 0');
    o.exec("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('not the cache');");
    copyFileSync(other + '-wal', join(dir, 'cache.sqlite-wal'));
    o.close();
    await expectRebuilt(dir, /schema_mismatch|table_damaged|bad_wal/);
  });

  it('a file that is not SQLite at all: rebuilt', async () => {
    const dir = join(work, 'text');
    await (await open(dir)).close();
    writeFileSync(join(dir, 'cache.sqlite'), 'This is a text file, not a database.\n'.repeat(200));
    const core = await open(dir);
    try {
      const h = await health(core);
      expect(h.cacheRebuilt?.damage).toBe('not_sqlite');
      await core.engine.run();
      expect(((await core.call('clients.list', { limit: 1 })) as { total: number }).total).toBe(200);
    } finally {
      await core.close();
    }
  });
});
