import { afterEach, describe, expect, it } from 'vitest';
import { balanceDb, insertClient, insertTx, seedLedger } from './fixture';
import { rng } from '../../../electron/demo-platform/prng';
import { aggregate, prepareClient } from '../../../electron/core/balance/aggregate';
import { refreshRollups } from '../../../electron/core/balance/rollup';
import { detail, expenses } from '../../../electron/core/balance/service';
import { addDays, bucketStart, localDateOf, type Granularity } from '../../../shared/domain/time';

let t: ReturnType<typeof balanceDb> | null = null;
afterEach(() => {
  t?.close();
  t = null;
});
const NOW = Date.parse('2026-11-22T07:00:00Z');

describe('region-time boundaries', () => {
  it('a charge at 22:30 UTC on the 31st belongs to the 1st in Moscow', () => {
    t = balanceDb();
    insertClient(t.db, 'a');
    insertTx(t.db, { client: 'a', atMs: Date.parse('2026-10-31T22:30:00Z'), amount: 700 });
    insertTx(t.db, { client: 'a', atMs: Date.parse('2026-10-31T20:59:59Z'), amount: 5 });
    const env = { statements: t.statements, zone: 'Europe/Moscow', now: NOW };
    const nov = expenses(env, { clientId: 'a', from: '2026-11-01', to: '2026-11-30', granularity: 'day', groupBy: 'service' });
    expect(nov.totalMinor).toBe(700);
    expect(nov.series).toEqual([{ bucket: '2026-11-01', key: 'compute', amountMinor: 700 }]);
    const oct = expenses(env, { clientId: 'a', from: '2026-10-01', to: '2026-10-31', granularity: 'month', groupBy: 'service' });
    expect(oct.totalMinor).toBe(5);
    expect(oct.series).toEqual([{ bucket: '2026-10-01', key: 'compute', amountMinor: 5 }]);
  });

  it('weeks start on Monday in region time', () => {
    t = balanceDb();
    insertClient(t.db, 'a');
    // Sunday 2026-11-22 23:30 MSK = 20:30 UTC; Monday 2026-11-23 00:30 MSK = 21:30 UTC on the 22nd.
    insertTx(t.db, { client: 'a', atMs: Date.parse('2026-11-22T20:30:00Z'), amount: 1 });
    insertTx(t.db, { client: 'a', atMs: Date.parse('2026-11-22T21:30:00Z'), amount: 10 });
    const env = { statements: t.statements, zone: 'Europe/Moscow', now: NOW };
    const r = expenses(env, { clientId: 'a', from: '2026-11-16', to: '2026-11-29', granularity: 'week', groupBy: 'service' });
    expect(r.buckets).toEqual(['2026-11-16', '2026-11-23']);
    expect(r.series.map((s) => [s.bucket, s.amountMinor])).toEqual([
      ['2026-11-16', 1],
      ['2026-11-23', 10],
    ]);
  });

  it('Astana (+06:00): 18:30 UTC on the 31st is the 1st', () => {
    t = balanceDb();
    insertClient(t.db, 'a');
    insertTx(t.db, { client: 'a', atMs: Date.parse('2026-10-31T18:30:00Z'), amount: 42 });
    const env = { statements: t.statements, zone: '+06:00', now: NOW };
    const d = detail(env, { clientId: 'a', from: '2026-11-01', to: '2026-11-01', kinds: [], services: [], projects: [], granularity: 'day', offset: 0, limit: 10 });
    expect(d.rows).toEqual([{ type: 'bucket', bucket: '2026-11-01', debitsMinor: 42, creditsMinor: 0, netMinor: -42, count: 1 }]);
    // The same instant in Moscow is still the 31st.
    const m = detail({ ...env, zone: 'Europe/Moscow' }, { clientId: 'a', from: '2026-11-01', to: '2026-11-01', kinds: [], services: [], projects: [], granularity: 'day', offset: 0, limit: 10 });
    expect(m.total).toBe(0);
  });
});

/** Brute force over the raw rows: the reference the rollups must equal. */
function rawSums(db: ReturnType<typeof balanceDb>['db'], clientId: string, zone: string, from: string, to: string, g: Granularity | null) {
  const rows = db.prepare('SELECT at_ms, kind, service, project_pid, amount_minor FROM transactions WHERE client_id = ?').all(clientId) as {
    at_ms: number;
    kind: string;
    service: string | null;
    project_pid: string | null;
    amount_minor: number;
  }[];
  const m = new Map<string, number>();
  for (const r of rows) {
    const d = localDateOf(r.at_ms, zone);
    if (d < from || d > to) continue;
    const k = `${g ? bucketStart(d, g) : ''}|${r.kind}|${r.service ?? ''}`;
    m.set(k, (m.get(k) ?? 0) + r.amount_minor);
  }
  return m;
}

describe('rollups equal the raw sums', () => {
  for (const zone of ['Europe/Moscow', '+06:00', 'Europe/Berlin']) {
    it(`random periods and granularities (${zone})`, () => {
      t = balanceDb();
      const { clientIds } = seedLedger(t.db, {
        clients: 30,
        perClient: 60,
        fromMs: Date.parse('2025-09-01T00:00:00Z'),
        toMs: Date.parse('2026-11-22T00:00:00Z'),
        heavyProjects: 2,
      });
      const r = rng(99).next;
      for (let i = 0; i < 60; i++) {
        const id = clientIds[Math.floor(r() * clientIds.length)] ?? 'heavy';
        prepareClient(t.statements, id, zone, NOW);
        const from = addDays('2025-09-01', Math.floor(r() * 400));
        const to = addDays(from, Math.floor(r() * 200));
        const g = ([null, 'day', 'week', 'month', 'year'] as const)[Math.floor(r() * 5)] ?? null;
        const got = new Map<string, number>();
        for (const a of aggregate(t.statements, id, zone, from, to, g, ['kind', 'service'], {})) {
          const k = `${a.bucket}|${a.kind}|${a.service}`;
          got.set(k, (got.get(k) ?? 0) + a.amount);
        }
        expect(got, `${id} ${from}..${to} ${g}`).toEqual(rawSums(t.db, id, zone, from, to, g));
      }
    });
  }

  it('stays equal after inserts, deletes and updates (dirty clients are rebuilt)', () => {
    t = balanceDb();
    const { clientIds } = seedLedger(t.db, { clients: 5, perClient: 50, fromMs: Date.parse('2026-01-01T00:00:00Z'), toMs: Date.parse('2026-11-01T00:00:00Z') });
    expect(refreshRollups(t.statements)).toBe(clientIds.length);
    const zone = 'Europe/Moscow';
    t.db.exec("DELETE FROM transactions WHERE rowid % 3 = 0; UPDATE transactions SET amount_minor = amount_minor + 1 WHERE rowid % 5 = 0");
    insertTx(t.db, { client: 'c1', atMs: Date.parse('2026-05-31T21:00:00Z'), amount: 123 });
    for (const id of clientIds) {
      prepareClient(t.statements, id, zone, NOW);
      const got = new Map<string, number>();
      for (const a of aggregate(t.statements, id, zone, '2026-01-01', '2026-10-31', 'month', ['kind', 'service'], {})) got.set(`${a.bucket}|${a.kind}|${a.service}`, a.amount);
      expect(got).toEqual(rawSums(t.db, id, zone, '2026-01-01', '2026-10-31', 'month'));
    }
    const n = t.db.prepare('SELECT count(*) AS n FROM ledger_dirty').get() as { n: number };
    expect(n.n).toBe(0);
  });

  it('re-buckets everything when the zone offset changes', () => {
    t = balanceDb();
    insertClient(t.db, 'a');
    insertTx(t.db, { client: 'a', atMs: Date.parse('2026-10-31T19:00:00Z'), amount: 9 });
    const e1 = expenses({ statements: t.statements, zone: 'Europe/Moscow', now: NOW }, { clientId: 'a', from: '2026-10-31', to: '2026-10-31', granularity: 'day', groupBy: 'service' });
    expect(e1.totalMinor).toBe(9);
    const e2 = expenses({ statements: t.statements, zone: '+06:00', now: NOW }, { clientId: 'a', from: '2026-10-31', to: '2026-10-31', granularity: 'day', groupBy: 'service' });
    expect(e2.totalMinor).toBe(0);
  });
});
