/**
 * A full disk, for real: the cache made full with SQLite's max_page_count during a sync and a bulk
 * action, and a small tmpfs volume filled to the last byte during a sync and while the daily copy of
 * the local data is written (skipped, and said so, where this process may not mount). Each time: a
 * clear error (disk_full, translated in the renderer), the cache as it was before the failing page,
 * the outbox intact, and the same operation succeeds once there is room again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../../../electron/demo-platform/index';
import { createCore, type Core } from '../../../electron/core/create-core';
import { PartnerApi } from '../../../electron/core/partner-api/client';
import { ledgerWindowStart } from '../../../electron/core/sync/engine';
import { dailyBackup, listBackups } from '../../../electron/core/local/backups';
import { toAppError } from '../../../electron/core/partner-api/errors';
import { AppError } from '../../../shared/contract/rpc/errors';
import type { Health } from '../../../shared/contract/rpc/local';
import type { CoreEvent } from '../../../shared/contract/events';
import { cacheSnapshot, platformSnapshot, strip } from './helpers';
import { batchDone, platformChanges } from '../actions/helpers';

let work: string;
let platform: Awaited<ReturnType<typeof start>>;
let api: PartnerApi;
const conn = () => ({ kind: 'demo' as const, url: platform.url, token: platform.token });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pd-int-full-'));
  platform = await start({ port: 0, seed: 9, clients: 300, dataDir: join(work, 'platform'), allowDemoControls: true });
  api = new PartnerApi({ baseUrl: platform.url, token: platform.token, retryBaseMs: 5, retryMaxMs: 50 });
});
afterAll(async () => {
  await platform?.stop();
  rmSync(work, { recursive: true, force: true });
});

const tick = async (days: number) => {
  const res = await fetch(platform.url + '/__demo/tick', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-access-token': platform.token },
    body: JSON.stringify({ days }),
  });
  expect(res.ok).toBe(true);
};

const open = (dir: string) =>
  createCore({
    dataDir: dir,
    mode: 'browser',
    version: 'test',
    connection: conn(),
    autoSync: false,
    sync: { pageSize: 50 },
    apiOptions: { retryBaseMs: 5, retryMaxMs: 20 },
    actions: { backoffBaseMs: 5, backoffMaxMs: 50 },
  });

/** The local-only rows, to compare before and after. */
function localRows(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.stringify([
      db.prepare('SELECT * FROM outbox ORDER BY seq').all(),
      db.prepare('SELECT * FROM batches ORDER BY id').all(),
      db.prepare('SELECT * FROM audit_log ORDER BY id').all(),
    ]);
  } finally {
    db.close();
  }
}

const health = async (core: Core) => (await core.call('app.health', {})) as Health;
const fillUp = (core: Core, spare = 0) => {
  const pages = core.ctx.db.pragma('page_count', { simple: true }) as number;
  core.ctx.db.pragma(`max_page_count = ${pages + spare}`);
};
const roomAgain = (core: Core) => core.ctx.db.pragma('max_page_count = 1073741823');

async function expectSameAsPlatform(core: Core, file: string): Promise<void> {
  const got = cacheSnapshot(file);
  expect(got.integrity).toBe('ok');
  const want = await platformSnapshot(api, ledgerWindowStart(core.ctx.now(), 3, core.ctx.timeZone()));
  expect(strip(got)).toEqual(want);
}

describe('a full disk (max_page_count)', () => {
  it('during a sync: disk_full, the cache whole at the last page, the outbox intact; the next sync completes', async () => {
    const dir = join(work, 'sync');
    const core = await open(dir);
    try {
      await core.engine.run();
      // A finished batch in the outbox and the audit log.
      const ids = ((await core.call('clients.ids', { statuses: ['active'] })) as { ids: string[] }).ids.slice(0, 3);
      const { batchId } = (await core.call('actions.enqueue', { action: 'block', ids })) as { batchId: string };
      await batchDone(core, batchId);
      const file = join(dir, 'cache.sqlite');
      const local = localRows(file);

      await tick(3);
      fillUp(core, 2);
      let pages = 0;
      const off = core.onEvent((e: CoreEvent) => {
        if (e.event === 'sync.progress') pages++;
      });
      const err = await core.engine.run().then(
        () => null,
        (e: unknown) => e,
      );
      off();
      expect(err, 'the sync ran out of room').not.toBeNull();
      expect(toAppError(err).code).toBe('disk_full');
      expect(pages, 'some pages were stored before the disk filled').toBeGreaterThan(1);
      const status = (await core.call('sync.status', {})) as { lastError: { code: string } | null };
      expect(status.lastError?.code).toBe('disk_full');
      expect((await health(core)).diskFullSince).not.toBeNull();
      expect(cacheSnapshot(file).integrity).toBe('ok');
      expect(localRows(file)).toBe(local);

      roomAgain(core);
      await core.engine.run();
      await expectSameAsPlatform(core, file);
      expect(localRows(file)).toBe(local);
      expect((await health(core)).diskFullSince).toBeNull();
    } finally {
      await core.close();
    }
  });

  it('during a bulk action: disk_full, nothing queued or half-written; the same action then goes through once', async () => {
    const dir = join(work, 'bulk');
    const core = await open(dir);
    try {
      await core.engine.run();
      const ids = ((await core.call('clients.ids', { statuses: ['active'] })) as { ids: string[] }).ids.slice(0, 120);
      const file = join(dir, 'cache.sqlite');
      const local = localRows(file);
      const seq0 = platformChanges(platform.dbFile, 0).maxSeq;
      fillUp(core);
      const err = await core.call('actions.enqueue', { action: 'block', ids }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('disk_full');
      expect(localRows(file)).toBe(local);
      const still = (await core.call('clients.ids', { statuses: ['active'] })) as { ids: string[] };
      expect(ids.every((id) => still.ids.includes(id))).toBe(true);
      expect(platformChanges(platform.dbFile, seq0).changed.size).toBe(0);

      roomAgain(core);
      const { batchId } = (await core.call('actions.enqueue', { action: 'block', ids })) as { batchId: string };
      await batchDone(core, batchId);
      const changes = platformChanges(platform.dbFile, seq0);
      expect(changes.changed.size).toBe(120);
      expect(changes.maxSeq - seq0, 'each client changed once').toBe(120);
    } finally {
      await core.close();
    }
  });
});

/** A tmpfs volume of `mb` megabytes at `dir`, or null when this process may not mount one. */
function mountTmpfs(dir: string, mb: number): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mb}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
/** Writes zeros into `file` until the volume has no byte left. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
  // The last partial chunk.
  const fd2 = openSync(file, 'a');
  try {
    for (;;) writeSync(fd2, Buffer.alloc(512));
  } catch {
    /* full */
  } finally {
    closeSync(fd2);
  }
}

describe('a full volume (tmpfs)', () => {
  const vol = () => join(work, 'vol');
  let mounted = false;
  beforeAll(() => {
    mounted = mountTmpfs(vol(), 48);
    if (!mounted) console.warn('disk-full: mounting a tmpfs is not permitted here; the max_page_count cases above stand alone');
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', ['-l', vol()]);
  });

  it('a sync and the daily copy of local data on a volume with no byte left; both succeed once space is back', async (t) => {
    if (!mounted) return t.skip();
    const dir = join(vol(), 'data');
    const core = await open(dir);
    const filler = join(vol(), 'filler');
    try {
      await core.engine.run();
      const file = join(dir, 'cache.sqlite');
      const local = localRows(file);
      await tick(4);
      // As after a restart: the write-ahead log emptied into the file, so new pages need new bytes.
      core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      fill(filler);
      const err = await core.engine.run().then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, 'the sync failed on the full volume').not.toBeNull();
      expect(toAppError(err).code).toBe('disk_full');

      // The daily copy: today's is written at start; a new day's copy cannot be written.
      const before = listBackups(dir);
      expect(before).toHaveLength(1);
      const copyErr = (() => {
        try {
          dailyBackup(core.ctx.db, dir, 'test', core.ctx.now() + 86_400_000);
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(toAppError(copyErr).code).toBe('disk_full');
      expect(listBackups(dir)).toEqual(before);
      expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.tmp'))).toEqual([]);

      rmSync(filler);
      await core.engine.run();
      await expectSameAsPlatform(core, file);
      expect(localRows(file)).toBe(local);
      expect(dailyBackup(core.ctx.db, dir, 'test', core.ctx.now() + 86_400_000)).not.toBeNull();
      expect(listBackups(dir)).toHaveLength(2);
    } finally {
      if (existsSync(filler)) rmSync(filler);
      await core.close();
    }
  });
});
