/**
 * After a ledger sync from the demo platform, the app's balance answers (from the cache, via the
 * rollups) equal the platform's own /clients/{id}/expenses and /transactions for random periods,
 * granularities and groupings, in Moscow and in Kazakhstan (+06:00) region time. A period before
 * the cached window is flagged, fetched on demand, and then equal too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../../../electron/demo-platform/index';
import type { Core } from '../../../electron/core/create-core';
import { testCore } from '../../support/test-core';
import { PartnerApi } from '../../../electron/core/partner-api/client';
import type { DetailOutput, ExpensesOutput } from '../../../shared/contract/rpc/balance';
import { addDays, addMonths, isoUtc, localDateOf, localMidnightUtc } from '../../../shared/domain/time';

interface Rig {
  core: Core;
  api: PartnerApi;
  zone: string;
  stop(): Promise<void>;
}

async function rig(region: 'moscow' | 'kazakhstan', windowMonths: number): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'bal-int-'));
  const platform = await start({ port: 0, seed: 11, clients: 60, dataDir: join(dir, 'platform'), region });
  const core = await testCore(join(dir, 'app'), platform, 'demo');
  await core.call('settings.update', { ledgerWindowMonths: windowMonths });
  await core.engine.run();
  const api = new PartnerApi({ baseUrl: platform.url, token: platform.token });
  const info = await api.platform();
  return {
    core,
    api,
    zone: info.time_zone,
    async stop() {
      await core.close();
      await platform.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let seed = 2024;
const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;

async function clientsBySize(r: Rig): Promise<string[]> {
  const rows = r.core.ctx.db.prepare('SELECT client_id, count(*) AS n FROM transactions GROUP BY client_id ORDER BY n DESC').all() as { client_id: string }[];
  return rows.map((x) => x.client_id);
}

async function compareExpenses(r: Rig, clientId: string, from: string, to: string, granularity: 'day' | 'week' | 'month', groupBy: 'service' | 'project') {
  const mine = (await r.core.call('balance.expenses', { clientId, from, to, granularity, groupBy })) as ExpensesOutput;
  const theirs = await r.api.expenses(clientId, { from, to, granularity, group_by: groupBy });
  const label = `${clientId} ${from}..${to} ${granularity} ${groupBy}`;
  const k = (key: string) => key || 'none';
  expect(mine.totalMinor, label).toBe(theirs.total_minor);
  expect(
    Object.fromEntries(mine.totals.filter((t) => t.amountMinor !== 0).map((t) => [k(t.key), t.amountMinor])),
    label,
  ).toEqual(Object.fromEntries(theirs.totals.map((t) => [t.key, t.amount_minor])));
  expect(
    mine.series.map((s) => [s.bucket, k(s.key), s.amountMinor]).sort(),
    label,
  ).toEqual(theirs.buckets.map((b) => [b.bucket, b.key, b.amount_minor]).sort());
  return mine;
}

describe('balance totals equal the platform (Moscow)', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig('moscow', 13);
  });
  afterAll(async () => {
    await r?.stop();
  });

  it('random periods, granularities and groupings', async () => {
    const ids = await clientsBySize(r);
    expect(ids.length).toBeGreaterThan(10);
    const today = localDateOf(Date.now(), r.zone);
    const start = addMonths(today, -12);
    for (let i = 0; i < 30; i++) {
      const clientId = i < 8 ? (ids[i % 3] as string) : pick(ids);
      const from = addDays(start, Math.floor(rnd() * 330));
      const to = addDays(from, Math.floor(rnd() * 120));
      await compareExpenses(r, clientId, from, to > today ? today : to, pick(['day', 'week', 'month'] as const), pick(['service', 'project'] as const));
    }
  });

  it('Detail totals equal the sums of the platform\'s transactions', async () => {
    const ids = await clientsBySize(r);
    const today = localDateOf(Date.now(), r.zone);
    for (let i = 0; i < 6; i++) {
      const clientId = i === 0 ? (ids[0] as string) : pick(ids);
      const from = addDays(addMonths(today, -12), Math.floor(rnd() * 200));
      const to = addDays(from, 30 + Math.floor(rnd() * 150));
      const d = (await r.core.call('balance.detail', { clientId, from, to, granularity: pick(['operation', 'week', 'month'] as const), limit: 10 })) as DetailOutput;
      let debits = 0;
      let credits = 0;
      let n = 0;
      let cursor: string | undefined;
      do {
        const page = await r.api.transactions(clientId, {
          from: isoUtc(localMidnightUtc(from, r.zone)),
          to: isoUtc(localMidnightUtc(addDays(to, 1), r.zone)),
          limit: 1000,
          ...(cursor ? { cursor } : {}),
        });
        for (const t of page.items) {
          if (t.kind === 'debit') debits += t.amount_minor;
          else credits += t.amount_minor;
          n++;
        }
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      expect(d.totals, `${clientId} ${from}..${to}`).toEqual({ debitsMinor: debits, creditsMinor: credits, netMinor: credits - debits, count: n });
    }
  });
});

describe('Kazakhstan (+06:00) and a period outside the cached window', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig('kazakhstan', 1);
  });
  afterAll(async () => {
    await r?.stop();
  });

  it('region-time buckets equal the platform in Astana time', async () => {
    expect(r.zone).toBe('+06:00');
    const ids = await clientsBySize(r);
    const today = localDateOf(Date.now(), r.zone);
    const from = addMonths(today, -1);
    for (let i = 0; i < 8; i++) await compareExpenses(r, pick(ids), from, today, pick(['day', 'week'] as const), 'service');
  });

  it('flags a period before the window, fetches it on demand, then equals the platform', async () => {
    const ids = await clientsBySize(r);
    const clientId = ids[0] as string;
    const today = localDateOf(Date.now(), r.zone);
    const from = addMonths(today, -6);
    const to = addDays(addMonths(today, -4), -1);
    const before = (await r.core.call('balance.expenses', { clientId, from, to, granularity: 'month', groupBy: 'service' })) as ExpensesOutput;
    expect(before.outsideWindow).toBe(true);
    expect(before.totalMinor).toBe(0);
    const f = (await r.core.call('balance.fetchRange', { clientId, from, to })) as { fetched: number };
    expect(f.fetched).toBeGreaterThan(0);
    const after = await compareExpenses(r, clientId, from, to, 'month', 'service');
    expect(after.outsideWindow).toBe(false);
    expect(after.totalMinor).toBeGreaterThan(0);
    // The next sync prunes outside its window but keeps what was fetched on demand.
    await r.core.engine.run();
    const later = (await r.core.call('balance.expenses', { clientId, from, to, granularity: 'month', groupBy: 'service' })) as ExpensesOutput;
    expect(later.outsideWindow).toBe(false);
    expect(later.totalMinor).toBe(after.totalMinor);
  });
});
