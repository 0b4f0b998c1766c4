import { describe, expect, it } from 'vitest';
import { expenses, makeLocalDate } from '../../../electron/demo-platform/routes/ledger';

const at = (iso: string) => Date.parse(iso);
const row = (iso: string, amount: number, service = 'compute', pid = 'p1') => ({ at_ms: at(iso), amount, service, pid });

describe('expenses in region time', () => {
  it('a debit at 22:30 UTC on the 31st belongs to the 1st in Moscow', () => {
    const r = expenses([row('2026-01-31T22:30:00Z', 100)], 'Europe/Moscow', 'day', 'service');
    expect(r.buckets).toEqual([{ bucket: '2026-02-01', key: 'compute', amount_minor: 100 }]);
    const m = expenses([row('2026-01-31T22:30:00Z', 100)], 'Europe/Moscow', 'month', 'service');
    expect(m.buckets[0]?.bucket).toBe('2026-02-01');
  });

  it('20:59:59 UTC is still the same Moscow day; 21:00 is the next', () => {
    const r = expenses([row('2026-03-10T20:59:59Z', 1), row('2026-03-10T21:00:00Z', 2)], 'Europe/Moscow', 'day', 'service');
    expect(r.buckets.map((b) => b.bucket)).toEqual(['2026-03-10', '2026-03-11']);
  });

  it('Kazakhstan (+06:00): 18:00 UTC on 31 December is New Year', () => {
    const r = expenses([row('2025-12-31T17:59:59Z', 1), row('2025-12-31T18:00:00Z', 2)], '+06:00', 'year', 'service');
    expect(r.buckets).toEqual([
      { bucket: '2025-01-01', key: 'compute', amount_minor: 1 },
      { bucket: '2026-01-01', key: 'compute', amount_minor: 2 },
    ]);
  });

  it('weeks start on Monday in region time', () => {
    // Sunday 2026-03-15 21:30 UTC is Monday 00:30 in Moscow.
    const r = expenses([row('2026-03-15T21:30:00Z', 5), row('2026-03-15T20:30:00Z', 7)], 'Europe/Moscow', 'week', 'service');
    expect(r.buckets).toEqual([
      { bucket: '2026-03-09', key: 'compute', amount_minor: 7 },
      { bucket: '2026-03-16', key: 'compute', amount_minor: 5 },
    ]);
  });

  it('groups by project and totals equal the sum of buckets', () => {
    const rows = [row('2026-01-01T10:00:00Z', 10, 'compute', 'a'), row('2026-01-02T10:00:00Z', 20, 'dbaas', 'b'), row('2026-01-03T10:00:00Z', 30, 'network', 'a')];
    const r = expenses(rows, 'Europe/Moscow', 'month', 'project');
    expect(r.totals).toEqual([
      { key: 'a', amount_minor: 40 },
      { key: 'b', amount_minor: 20 },
    ]);
    expect(r.total_minor).toBe(60);
    expect(r.buckets.reduce((s, b) => s + b.amount_minor, 0)).toBe(60);
  });

  it('the cached local date agrees across hours', () => {
    const f = makeLocalDate('Europe/Moscow');
    expect(f(at('2026-06-30T21:00:00Z'))).toBe('2026-07-01');
    expect(f(at('2026-06-30T20:59:59Z'))).toBe('2026-06-30');
  });
});
