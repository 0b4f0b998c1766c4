/**
 * While the sync waits for a page, it builds a slice of the search index owed after a first fill,
 * sized to how long those waits last (sync/pull.ts): over a slow network the index is built in the
 * waits; a slice never outlasts what the waits allow (the payStep budget test in store.test.ts).
 */
import { describe, it, expect, afterEach, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../../electron/core/create-core';
import { ClientIndexes } from '../../../electron/core/sync/indexes';
import { testCore } from '../../support/test-core';
import { startFakePlatform, type FakePlatform } from './fake-platform';
import { makeClients } from './fixtures';

let dir = '';
let fp: FakePlatform;
let core: Core;
afterEach(async () => {
  vi.restoreAllMocks();
  await core.close();
  await fp.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the search index built while the sync waits for pages', () => {
  it('over a slow ledger feed: slices sized to the waits, the index whole before the feed ends', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pd-waits-'));
    fp = await startFakePlatform();
    const clients = makeClients(3000, 9);
    for (const c of clients) fp.upsert(c);
    for (let i = 0; i < 600; i++) {
      fp.addTx({ id: `t${i}`, client_id: clients[i % 50]!.id, project_pid: null, at: new Date(Date.parse('2026-02-01T00:00:00Z') + i * 60_000).toISOString(), kind: 'debit', amount_minor: 100, currency: 'RUB', service: 'compute', description: 'x' });
    }
    core = await testCore(dir, fp, 'custom', {
      now: () => Date.parse('2026-03-15T12:00:00Z'),
      apiOptions: { retryBaseMs: 1, retryMaxMs: 5, maxRetries: 1, timeoutMs: 5000 },
      sync: { pageSize: 50, projectsConcurrency: 4 },
    });
    const budgets: { budget: number; paid: boolean }[] = [];
    const payStep = ClientIndexes.prototype.payStep;
    vi.spyOn(ClientIndexes.prototype, 'payStep').mockImplementation(function (this: ClientIndexes, budgetMs?: number) {
      const paid = payStep.call(this, budgetMs);
      if (budgetMs !== undefined) budgets.push({ budget: budgetMs, paid });
      return paid;
    });
    // Each ledger page takes 40 ms to come (the watermark of the search index is read as each is asked for).
    const debt = () => core.ctx.db.prepare("SELECT value FROM meta WHERE key = 'sync.clientIndexDebt'").pluck().get() as string | undefined;
    const maxRowid = () => core.ctx.db.prepare('SELECT max(rowid) FROM clients').pluck().get() as number;
    const marks: (string | undefined)[] = [];
    const api = core.ctx.api();
    const orig = api.transactionChanges.bind(api);
    api.transactionChanges = async (...args: Parameters<typeof orig>) => {
      marks.push(debt());
      const page = await orig(...args);
      await new Promise((r) => setTimeout(r, 40));
      return page;
    };
    await core.engine.run();
    expect(marks.length).toBeGreaterThanOrEqual(12);
    // The waits were measured and the slices sized to them: some budget well over the first guess (6 ms).
    expect(budgets.some((b) => b.paid && b.budget > 15), JSON.stringify(budgets.slice(-5))).toBe(true);
    // The search index was whole while the ledger feed still had pages to come.
    expect(marks.slice(0, -1).some((m) => m !== undefined && m !== 'fill' && Number(m) >= maxRowid()), JSON.stringify(marks)).toBe(true);
    expect(((await core.call('clients.list', { search: 'ооо', limit: 5 })) as { total: number }).total).toBe(
      core.ctx.db.prepare("SELECT count(*) FROM clients WHERE instr(search_text, 'ооо') > 0").pluck().get(),
    );
  });
});
