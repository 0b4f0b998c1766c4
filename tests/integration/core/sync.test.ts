/** The core against the demo platform over real HTTP: first sync, incremental sync, faults. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../../../electron/demo-platform/index';
import type { Core } from '../../../electron/core/create-core';
import { testCore } from '../../support/test-core';
import { PartnerApi } from '../../../electron/core/partner-api/client';
import { ledgerWindowStart } from '../../../electron/core/sync/engine';
import type { CoreEvent } from '../../../shared/contract/events';
import { cacheSnapshot, platformSnapshot, strip } from './helpers';
import { normaliseSearch } from '../../../electron/core/clients/queries';
import { demoControls } from '../../support/demo-controls';

let work: string;
let platform: Awaited<ReturnType<typeof start>>;
let api: PartnerApi;
let core: Core;

const faults = (body: Record<string, number>) => demoControls(platform).setFaults(body);
const tick = (days: number) => demoControls(platform).tick({ days });
// The ledger window follows the platform's clock (its Date header), which the ticks move ahead.
const windowStart = () => ledgerWindowStart(core.ctx.now(), 3, core.ctx.timeZone());
const cacheFile = () => join(work, 'app', 'cache.sqlite');
/** Every one- and two-character search drawn from the cached clients: the list's count equals a scan's. */
async function expectShortCountsExact(): Promise<void> {
  const db = core.ctx.db;
  const texts = db.prepare('SELECT search_text FROM clients LIMIT 40').pluck().all() as string[];
  const terms = new Set<string>(['ж', 'q', '@']);
  for (const t of texts) for (let i = 0; i + 1 < t.length; i += 3) terms.add(t.slice(i, i + 1)).add(t.slice(i, i + 2));
  expect(db.prepare("SELECT count(*) FROM meta WHERE key = 'search.grams'").pluck().get()).toBe(0);
  for (const q of terms) {
    if (normaliseSearch(q) === '') continue;
    const scan = db.prepare('SELECT count(*) FROM clients WHERE instr(search_text, ?) > 0').pluck().get(normaliseSearch(q));
    expect(((await core.call('clients.count', { search: q })) as { total: number }).total, JSON.stringify(q)).toBe(scan);
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pd-int-sync-'));
  platform = await start({ port: 0, seed: 5, clients: 300, dataDir: join(work, 'platform'), allowDemoControls: true });
  api = new PartnerApi({ baseUrl: platform.url, token: platform.token, retryBaseMs: 5, retryMaxMs: 50 });
  core = await testCore(join(work, 'app'), platform, 'demo', {
    apiOptions: { retryBaseMs: 5, retryMaxMs: 50, maxRetries: 8, timeoutMs: 10_000 },
    sync: { pageSize: 100, projectsConcurrency: 8, offlineRetryMs: 50 },
  });
});
afterAll(async () => {
  await core?.close();
  await platform?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('sync against the demo platform', () => {
  it('the first sync equals the platform data (counts and hashes), with progress events', async () => {
    const events: CoreEvent[] = [];
    const listIndexes = () => core.ctx.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'clients' AND sql IS NOT NULL").pluck().get();
    let atDone: unknown = null;
    const off = core.onEvent((e) => {
      events.push(e);
      if (e.event === 'sync.progress' && (e.payload as { phase: string }).phase === 'done') atDone = { running: core.engine.status().running, listIndexes: listIndexes() };
    });
    await core.engine.run();
    off();
    // A first fill: the data is in at 'done'; the list indexes are built after it, within the same run.
    expect(atDone).toEqual({ running: true, listIndexes: 0 });
    expect(listIndexes()).toBe(11);
    expect(core.engine.status().running).toBe(false);
    expect(core.ctx.db.prepare("SELECT count(*) FROM meta WHERE key = 'sync.clientIndexDebt'").pluck().get()).toBe(0);
    const mine = cacheSnapshot(cacheFile());
    expect(mine.integrity).toBe('ok');
    expect(mine.clients).toBeGreaterThan(250);
    expect(strip(mine)).toEqual(await platformSnapshot(api, windowStart()));
    const progress = events.filter((e) => e.event === 'sync.progress').map((e) => e.payload as { phase: string; done: number; total: number | null });
    expect(progress.at(-1)?.phase).toBe('done');
    expect(progress.some((p) => p.phase === 'projects' && p.total !== null && p.total > 0)).toBe(true);
    await expectShortCountsExact();
  });

  it('an incremental sync picks up ticks, blocks and deletes (tombstones)', async () => {
    const list = await api.listClients({ status: 'active', limit: 5 });
    const [a, b] = list.items;
    expect(a && b).toBeTruthy();
    await api.block(a!.id);
    await api.deleteClient(b!.id);
    await tick(2);
    await core.engine.run();
    const mine = cacheSnapshot(cacheFile());
    expect(strip(mine)).toEqual(await platformSnapshot(api, windowStart()));
    const got = (await core.call('clients.get', { id: a!.id })) as { client: { status: string } };
    expect(got.client.status).toBe('blocked');
    await expect(core.call('clients.get', { id: b!.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(core.ctx.db.prepare('SELECT count(*) FROM transactions WHERE client_id = ?').pluck().get(b!.id)).toBe(0);
    await expectShortCountsExact();
  });

  it('5xx and 429 are retried and the sync completes', async () => {
    await tick(1);
    await faults({ error_rate: 0.2, rate_limit_rate: 0.2, retry_after_s: 0 });
    try {
      await core.engine.run();
    } finally {
      await faults({});
    }
    expect(strip(cacheSnapshot(cacheFile()))).toEqual(await platformSnapshot(api, windowStart()));
    expect(core.engine.connectivity()).toBe('online');
  });

  it('malformed bodies are a clear error and the cache keeps what it had', async () => {
    const before = cacheSnapshot(cacheFile());
    await tick(1);
    await faults({ malformed_rate: 1 });
    try {
      await expect(core.engine.run()).rejects.toMatchObject({ kind: 'bad_response' });
    } finally {
      await faults({});
    }
    expect(cacheSnapshot(cacheFile())).toEqual(before);
    const st = (await core.call('sync.status', {})) as { lastError: { code: string } | null };
    expect(st.lastError?.code).toBe('bad_response');
    await core.engine.run();
    expect(strip(cacheSnapshot(cacheFile()))).toEqual(await platformSnapshot(api, windowStart()));
  });

  it('a wrong token sets token_rejected; the platform gone sets offline and the cache stays', async () => {
    const before = cacheSnapshot(cacheFile());
    const states: string[] = [];
    const off = core.onEvent((e) => {
      if (e.event === 'connectivity') states.push((e.payload as { state: string }).state);
    });
    await core.setConnection({ kind: 'demo', url: platform.url, token: 'wrong' });
    await core.engine.run().catch(() => undefined);
    expect(core.engine.connectivity()).toBe('token_rejected');
    await core.setConnection({ kind: 'demo', url: 'http://127.0.0.1:9', token: platform.token });
    await core.engine.run().catch(() => undefined);
    expect(core.engine.connectivity()).toBe('offline');
    expect(cacheSnapshot(cacheFile())).toEqual(before);
    expect(((await core.call('clients.list', {})) as { total: number }).total).toBe(before.clients);
    await core.setConnection({ kind: 'demo', url: platform.url, token: platform.token });
    await core.engine.run();
    expect(core.engine.connectivity()).toBe('online');
    off();
    expect(states).toEqual(expect.arrayContaining(['token_rejected', 'offline', 'online']));
  });
});
