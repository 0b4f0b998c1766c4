/**
 * Invitations written offline: queued with the key they were first tried with and an audit entry
 * marked pending; sent by the outbox runner on reconnect (client in the cache, entry done), a
 * refusal kept as failed with the platform's code, a queued one discarded; the RPC answers are the
 * contract's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/rpc';
import type { CoreContext } from '../../../electron/core/context';
import { ActionRunner } from '../../../electron/core/actions/runner';
import { listQueuedInvites } from '../../../electron/core/actions/invite-outbox';
import { InviteResult } from '../../../shared/contract/rpc/actions';
import { tempDb, type TempDb } from '../../support/temp-db';
import { FakePlatform } from './fake-api';
import { ctxOf } from './helpers';

let t: TempDb | null = null;
let runner: ActionRunner | null = null;
afterEach(async () => {
  await runner?.stop();
  runner = null;
  t?.close();
  t = null;
});

function setup() {
  t = tempDb();
  const db = t.db;
  const platform = new FakePlatform([]);
  platform.offline = true;
  const changed: string[][] = [];
  const r = new ActionRunner(
    { db, api: () => platform, emit: () => {}, changed: (x) => changed.push(x), now: () => Date.now() },
    { backoffBaseMs: 1, backoffMaxMs: 60_000 },
  );
  runner = r;
  const ctx = ctxOf(db, { api: () => platform as unknown as ReturnType<CoreContext['api']>, actionRunner: r });
  return { db, platform, runner: r, ctx, changed };
}

const audit = (db: TempDb['db']) =>
  db.prepare('SELECT action, client_ids, result, detail FROM audit_log ORDER BY id').all() as { action: string; client_ids: string; result: string; detail: string }[];

describe('invitations queued offline', () => {
  it('queues an invite that met no connection and sends it on reconnect with the same key', async () => {
    const { db, platform, runner, ctx } = setup();
    runner.start();
    const r = InviteResult.parse(await dispatch('clients.invite', { email: 'new@example.com', name: 'New Co', externalId: 'acc-1' }, ctx));
    expect(r).toMatchObject({ queued: true, invitation: { email: 'new@example.com', name: 'New Co', state: 'pending', error: null } });
    const firstKey = platform.calls[0]!.key;
    expect(firstKey).toMatch(/^invite-/);
    expect(listQueuedInvites(db)).toEqual([expect.objectContaining({ email: 'new@example.com' })]);
    expect(JSON.parse(audit(db)[0]!.result)).toMatchObject({ total: 1, pending: 1 });
    // Back online: the runner sends it with the key of the first try.
    while (runner.state !== 'waiting_offline') await new Promise((res) => setImmediate(res));
    platform.offline = false;
    runner.wake();
    await runner.whenIdle();
    const sent = platform.calls.filter((c) => c.kind === 'invite');
    expect(sent.every((c) => c.key === firstKey)).toBe(true);
    expect(platform.applied.get('inv-new@example.com')).toBe(1);
    expect(listQueuedInvites(db)).toEqual([]);
    const c = db.prepare('SELECT email, status, name FROM clients WHERE id = ?').get('inv-new@example.com');
    expect(c).toEqual({ email: 'new@example.com', status: 'invited', name: 'New Co' });
    const a = audit(db)[0]!;
    expect(JSON.parse(a.result)).toMatchObject({ total: 1, ok: 1, pending: 0 });
    expect(JSON.parse(a.client_ids)).toEqual(['inv-new@example.com']);
  });

  it('keeps a refused invite as failed with the code, and lets it be discarded', async () => {
    const { db, platform, runner, ctx } = setup();
    platform.status.set('inv-old@example.com', 'active');
    await dispatch('clients.invite', { email: 'old@example.com' }, ctx);
    await dispatch('clients.invite', { email: 'later@example.com' }, ctx);
    platform.offline = false;
    runner.start();
    await runner.whenIdle();
    const q = listQueuedInvites(db);
    expect(q).toEqual([expect.objectContaining({ email: 'old@example.com', state: 'failed', error: 'client_exists' })]);
    expect(audit(db).map((a) => [a.detail, JSON.parse(a.result).failed])).toEqual([
      ['old@example.com\tclient_exists', 1],
      ['later@example.com', 0],
    ]);
    await dispatch('invitations.discard', { id: q[0]!.id }, ctx);
    expect(listQueuedInvites(db)).toEqual([]);
    await expect(dispatch('invitations.discard', { id: q[0]!.id }, ctx)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('discarding a pending invite means it is never sent, and the audit says cancelled', async () => {
    const { db, platform, ctx } = setup();
    await dispatch('clients.invite', { email: 'never@example.com' }, ctx);
    const [q] = listQueuedInvites(db);
    await dispatch('invitations.discard', { id: q!.id }, ctx);
    platform.offline = false;
    runner!.start();
    await runner!.whenIdle();
    expect(platform.calls.filter((c) => c.kind === 'invite')).toHaveLength(1); // only the first, offline, try
    expect(JSON.parse(audit(db)[0]!.result)).toMatchObject({ cancelled: 1, pending: 0 });
  });
});
