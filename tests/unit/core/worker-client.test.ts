import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startCoreWorker, workerEntryPath } from '../../../electron/core/worker-client';
import { AppError } from '../../../shared/contract/rpc/errors';
import type { CoreEvent } from '../../../shared/contract/events';
import { startFakePlatform } from './fake-platform';
import { makeClients } from './fixtures';

describe('startCoreWorker', () => {
  it('picks the source entry when running from source', () => {
    expect(workerEntryPath()).toMatch(/electron[/\\]core[/\\]worker\.ts$/);
  });

  it('runs the core in a worker: RPC, events, errors as AppError, connection changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-worker-client-'));
    const fp = await startFakePlatform();
    for (const c of makeClients(120, 9)) fp.upsert(c);
    const core = await startCoreWorker({ dataDir: dir, mode: 'browser', version: '1.2.3', connection: null, autoSync: false });
    try {
      const events: CoreEvent[] = [];
      core.onEvent((e) => events.push(e));
      expect(await core.call('app.info', {})).toMatchObject({ version: '1.2.3', mode: 'browser' });
      const err = await core.call('clients.get', { id: 'nope' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('not_found');
      expect(await core.call('no.such', {}).catch((e: AppError) => e.code)).toBe('unknown_method');
      expect(await core.call('sync.now', {})).toEqual({ started: false });
      const done = new Promise<void>((resolve) =>
        core.onEvent((e) => {
          if (e.event === 'sync.progress' && (e.payload as { phase: string }).phase === 'done') resolve();
        }),
      );
      await core.setConnection({ kind: 'custom', url: fp.url, token: fp.token });
      expect(await core.call('sync.now', {})).toEqual({ started: true });
      await done;
      expect(((await core.call('clients.list', {})) as { total: number }).total).toBe(120);
      expect(events.some((e) => e.event === 'data.changed')).toBe(true);
    } finally {
      await core.close();
      await fp.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000); // starting a worker under tsx takes seconds on a loaded machine

  it('a newer database is refused with newer_database through the worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-worker-client-'));
    const f = join(dir, 'cache.sqlite');
    const raw = new Database(f);
    raw.pragma('user_version = 999');
    raw.close();
    writeFileSync(join(dir, 'marker'), '');
    const err = await startCoreWorker({ dataDir: dir, mode: 'browser', version: 't', connection: null, autoSync: false }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('newer_database');
    rmSync(dir, { recursive: true, force: true });
  }, 30_000); // starting a worker under tsx takes seconds on a loaded machine
});
