import { afterEach, describe, expect, it } from 'vitest';
import { alertsSummary, evaluateAlerts, listAlerts, listRules, markNotified, markSeen, saveRule } from '../../../electron/core/partner/alerts';
import { makeCtx, putClient, putTx, type TestCtx } from './helpers';

let ctx: TestCtx;
afterEach(() => ctx?.cleanup());

const DAY = 86_400_000;

describe('alerts over the cache', () => {
  it('migration 004 holds the default rule until one is saved', () => {
    ctx = makeCtx();
    expect(listRules(ctx.db)).toEqual([{ clientId: null, thresholdMinor: null, negative: true, freezeDays: null }]);
    saveRule(ctx.db, { clientId: null, thresholdMinor: 100_00, negative: true, freezeDays: 7 });
    saveRule(ctx.db, { clientId: 'c2', thresholdMinor: null, negative: false, freezeDays: null }); // nothing on: no client rule
    saveRule(ctx.db, { clientId: 'c3', thresholdMinor: 5_00, negative: false, freezeDays: null });
    expect(listRules(ctx.db).map((r) => r.clientId)).toEqual([null, 'c3']);
  });

  it('a balance crossing the threshold alerts, crossing back clears, crossing again is new', () => {
    ctx = makeCtx();
    saveRule(ctx.db, { clientId: null, thresholdMinor: 1000_00, negative: true, freezeDays: null });
    putClient(ctx.db, { id: 'c1', payment: 5000_00 });
    putClient(ctx.db, { id: 'c2', payment: -10_00 });
    expect(evaluateAlerts(ctx)).toEqual({ added: 1, cleared: 0 });
    let list = listAlerts(ctx);
    expect(list.items.map((a) => [a.clientId, a.kind])).toEqual([['c2', 'negative']]);
    expect(list.unseen).toBe(1);

    putClient(ctx.db, { id: 'c1', payment: 999_99 });
    expect(evaluateAlerts(ctx).added).toBe(1);
    list = listAlerts(ctx);
    expect(list.items.find((a) => a.clientId === 'c1')).toMatchObject({ kind: 'below_threshold', balanceMinor: 999_99, thresholdMinor: 1000_00 });
    // nothing changed: the evaluation is skipped
    expect(evaluateAlerts(ctx)).toEqual({ added: 0, cleared: 0 });

    markNotified(ctx.db, ['c1|below_threshold']);
    markSeen(ctx.db);
    expect(listAlerts(ctx).unseen).toBe(0);
    expect(listAlerts(ctx).items.every((a) => a.notified && a.seen)).toBe(true);

    putClient(ctx.db, { id: 'c1', payment: 2000_00 });
    expect(evaluateAlerts(ctx)).toEqual({ added: 0, cleared: 1 });
    putClient(ctx.db, { id: 'c1', payment: 10_00 });
    evaluateAlerts(ctx);
    const again = listAlerts(ctx).items.find((a) => a.clientId === 'c1');
    expect(again).toMatchObject({ notified: false, seen: false });
    expect(ctx.changes.some((t) => t.includes('alerts'))).toBe(true);
  });

  it('keeps since while the condition holds and the balance changes', () => {
    ctx = makeCtx({ now: Date.parse('2026-03-01T00:00:00Z') });
    putClient(ctx.db, { id: 'c1', payment: -5 });
    evaluateAlerts(ctx);
    const first = listAlerts(ctx).items[0]!;
    ctx.setNow(Date.parse('2026-03-03T00:00:00Z'));
    putClient(ctx.db, { id: 'c1', payment: -500 });
    // A read reads what the last evaluation stored; the next evaluation (after a sync) updates it.
    expect(listAlerts(ctx).items[0]!.balanceMinor).toBe(-5);
    evaluateAlerts(ctx);
    const later = listAlerts(ctx).items[0]!;
    expect(later.since).toBe(first.since);
    expect(later.balanceMinor).toBe(-500);
  });

  it('forecasts freezing from the last 30 days of debits for prepaid clients', () => {
    const now = Date.parse('2026-03-31T12:00:00Z');
    ctx = makeCtx({ now });
    saveRule(ctx.db, { clientId: null, thresholdMinor: null, negative: true, freezeDays: 10 });
    putClient(ctx.db, { id: 'p1', payment: 9000, model: 'prepaid' }); // 9 days at 1000/day
    putClient(ctx.db, { id: 'p2', payment: 50_000, model: 'prepaid' }); // 50 days
    putClient(ctx.db, { id: 'q1', payment: 9000, model: 'postpaid' });
    for (const id of ['p1', 'p2', 'q1']) {
      for (let d = 1; d <= 30; d++) putTx(ctx.db, { clientId: id, at: now - d * DAY + 1000, amount: 1000 });
      putTx(ctx.db, { clientId: id, at: now - 40 * DAY, amount: 1_000_000 }); // outside the basis
      putTx(ctx.db, { clientId: id, at: now - 2 * DAY, amount: 1_000_000, kind: 'credit' }); // credits are not spend
    }
    const list = listAlerts(ctx);
    expect(list.items.map((a) => [a.clientId, a.kind, a.days, a.limitDays])).toEqual([['p1', 'freeze_soon', 9, 10]]);
  });

  it("a client's own rule silences or tightens the rule for all", () => {
    ctx = makeCtx();
    putClient(ctx.db, { id: 'c1', payment: -1 });
    putClient(ctx.db, { id: 'c2', payment: 50_00 });
    saveRule(ctx.db, { clientId: 'c1', thresholdMinor: null, negative: false, freezeDays: 1 });
    saveRule(ctx.db, { clientId: 'c2', thresholdMinor: 100_00, negative: false, freezeDays: null });
    expect(listAlerts(ctx).items.map((a) => [a.clientId, a.kind])).toEqual([['c2', 'below_threshold']]);
  });

  it('the summary counts unseen and not yet notified alerts and carries the first three; allFresh marks every one', () => {
    ctx = makeCtx();
    for (let i = 1; i <= 5; i++) putClient(ctx.db, { id: `c${i}`, payment: -i * 100 });
    evaluateAlerts(ctx);
    let s = alertsSummary(ctx);
    expect(s).toMatchObject({ unseen: 5, freshCount: 5 });
    expect(s.fresh.map((a) => a.clientId)).toEqual(['c5', 'c4', 'c3']);
    markNotified(ctx.db, ['c5|negative']);
    s = alertsSummary(ctx);
    expect(s).toMatchObject({ unseen: 5, freshCount: 4 });
    markNotified(ctx.db, [], true);
    expect(alertsSummary(ctx)).toMatchObject({ unseen: 5, freshCount: 0, fresh: [] });
    markSeen(ctx.db);
    expect(alertsSummary(ctx).unseen).toBe(0);
  });
});
