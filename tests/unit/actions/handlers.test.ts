import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dispatch } from '../../../electron/core/rpc';
import { ApiError } from '../../../electron/core/partner-api/errors';
import { inviteError, checkInvite } from '../../../electron/core/actions/invite';
import { actionsText } from '../../../electron/core/actions/export';
import { ctxOf, seedClients } from './helpers';
import { FakePlatform } from './fake-api';
import { ActionRunner } from '../../../electron/core/actions/runner';
import { tempDb, type TempDb } from '../../support/temp-db';

let t: TempDb | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

describe('actions handlers on a temp database', () => {
  it('enqueue applies block to active clients only, reports the skipped, and marks them pending in clients.list', async () => {
    t = tempDb();
    const ids = seedClients(t.db, 10, (i) => (i < 6 ? 'active' : i < 8 ? 'blocked' : 'invited'));
    const ctx = ctxOf(t.db);
    expect(await dispatch('actions.applicable', { ids }, ctx)).toMatchObject({ block: 6, unblock: 2, delete: 10, selected: 10 });
    const r = (await dispatch('actions.enqueue', { action: 'block', ids }, ctx)) as { batchId: string; count: number; skipped: number };
    expect(r).toMatchObject({ count: 6, skipped: 4 });
    const list = (await dispatch('clients.list', { limit: 20 }, ctx)) as { rows: { id: string; pendingAction: string | null }[] };
    expect(list.rows.filter((x) => x.pendingAction === 'block').map((x) => x.id)).toEqual(ids.slice(0, 6));
    // Already queued clients are not queued twice.
    expect(await dispatch('actions.applicable', { ids }, ctx)).toMatchObject({ block: 0, delete: 4 });
    const c = (await dispatch('actions.cancel', { batchId: r.batchId }, ctx)) as { cancelled: number };
    expect(c.cancelled).toBe(6);
    const list2 = (await dispatch('clients.list', { limit: 20 }, ctx)) as { rows: { pendingAction: string | null }[] };
    expect(list2.rows.every((x) => x.pendingAction === null)).toBe(true);
  });

  it('keeps every client of a big action in the audit log, searchable, and exports it', async () => {
    t = tempDb();
    const ids = seedClients(t.db, 1500);
    const ctx = ctxOf(t.db);
    await dispatch('actions.enqueue', { action: 'delete', ids }, ctx);
    const a = (await dispatch('audit.list', { search: 'c001499' }, ctx)) as { rows: { clientIds: string[]; count: number }[]; total: number };
    expect(a.total).toBe(1);
    expect(a.rows[0]!.clientIds).toHaveLength(1500);
    expect(((await dispatch('audit.list', { search: 'nobody-like-this' }, ctx)) as { total: number }).total).toBe(0);
    const csv = (await dispatch('audit.export', { format: 'csv', lang: 'ru' }, ctx)) as { base64: string; fileName: string };
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('Удаление');
    expect(text).toContain('c001499');
    expect(csv.fileName).toMatch(/\.csv$/);
  });

  it('exports a batch to XLSX with headers in the language and numbers as numbers', async () => {
    t = tempDb();
    const ids = seedClients(t.db, 3);
    const ctx = ctxOf(t.db);
    const r = (await dispatch('actions.enqueue', { action: 'block', ids }, ctx)) as { batchId: string };
    const x = (await dispatch('actions.export', { batchId: r.batchId, format: 'xlsx', lang: 'en' }, ctx)) as { base64: string };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Results');
    expect(ws.getRow(1).getCell(1).value).toBe('Client id');
    expect(ws.getRow(2).getCell(5).value).toBe('Pending');
    expect(typeof ws.getRow(2).getCell(7).value).toBe('number');
    expect(ws.getRow(2).getCell(8).value).toBeInstanceOf(Date);
  });

  it('maps platform refusals of an invite onto the form fields', () => {
    expect(inviteError(new ApiError('http', 'exists', { status: 409, code: 'client_exists' })).fields).toEqual({ email: 'exists' });
    const e = inviteError(new ApiError('http', 'bad', { status: 422, code: 'validation_failed', fields: { external_id: 'too_long' } }));
    expect(e.code).toBe('invalid_input');
    expect(e.fields).toEqual({ externalId: 'too_long' });
    expect(inviteError(new ApiError('network', 'down')).code).toBe('offline');
    expect(checkInvite({ email: 'nope', phone: '12' })).toEqual({ email: 'invalid_email', phone: 'invalid_phone' });
    expect(checkInvite({ email: 'a@b.ru' })).toEqual({});
  });

  it('queues an invite when the platform is unreachable; invitations fall back to the cache and list the queued one', async () => {
    t = tempDb();
    const ctx = ctxOf(t.db);
    expect(await dispatch('clients.invite', { email: 'new@example.com' }, ctx)).toMatchObject({ queued: true, invitation: { email: 'new@example.com', state: 'pending' } });
    expect(await dispatch('invitations.list', {}, ctx)).toMatchObject({ items: [], asOf: null, offline: true, queued: [{ email: 'new@example.com' }] });
  });

  it("a staged enqueue: while its first request is in flight, every reader sees the batch's rows", async () => {
    t = tempDb();
    const ids = seedClients(t.db, 700);
    const platform = new FakePlatform(ids);
    let release!: () => void;
    platform.gate = new Promise<void>((r) => (release = r));
    const ctx = ctxOf(t.db);
    const runner = new ActionRunner({ db: t.db, api: () => platform, emit: () => {}, changed: () => {}, now: () => Date.now() });
    ctx.actionRunner = runner;
    runner.start();
    await runner.whenIdle();
    try {
      const r = (await dispatch('actions.enqueue', { action: 'block', ids }, ctx)) as { batchId: string; count: number };
      expect(r.count).toBe(700);
      expect(platform.calls.map((c) => c.ids.length)).toEqual([500]);
      // Next in this turn, before the runner writes the rows: the readers get them written first.
      const b = (await dispatch('actions.batch', { batchId: r.batchId, limit: 1 }, ctx)) as { batch: { total: number; sending: number; pending: number } };
      expect(b.batch).toMatchObject({ total: 700, sending: 500, pending: 200 });
      expect(await dispatch('actions.applicable', { ids }, ctx)).toMatchObject({ block: 0, delete: 0 });
      expect(await dispatch('audit.list', { search: ids[699]! }, ctx)).toMatchObject({ total: 1, rows: [{ count: 700, batchId: r.batchId }] });
      expect(await dispatch('actions.enqueue', { action: 'delete', ids }, ctx)).toMatchObject({ batchId: null, count: 0 });
      release();
      platform.gate = null;
      await runner.whenIdle();
      expect(platform.calls.map((c) => c.ids.length)).toEqual([500, 200]);
      expect(platform.applied.size).toBe(700);
    } finally {
      release();
      await runner.stop();
    }
  });

  it('speaks Russian plurals', () => {
    expect(actionsText('ru', 'actions:clients', { count: 1 })).toBe('1 клиент');
    expect(actionsText('ru', 'actions:clients', { count: 3 })).toBe('3 клиента');
    expect(actionsText('ru', 'actions:clients', { count: 5 })).toBe('5 клиентов');
    expect(actionsText('ru', 'actions:clients', { count: 21 })).toBe('21 клиент');
    expect(actionsText('en', 'actions:clients', { count: 1 })).toBe('1 client');
    expect(actionsText('en', 'actions:clients', { count: 2 })).toBe('2 clients');
  });
});
