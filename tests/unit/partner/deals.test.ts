import { afterEach, describe, expect, it } from 'vitest';
import { cachedDeals, checkDeal, giveFeedback, isFeedbackDue, storeDeals } from '../../../electron/core/partner/deals';
import type { Deal } from '../../../shared/contract/platform';
import { makeCtx, type TestCtx } from './helpers';

let ctx: TestCtx;
afterEach(() => ctx?.cleanup());

const deal = (id: string, status: Deal['status'], created: string): Deal => ({
  id,
  customer_name: 'ООО «Ромашка»',
  inn: '7707083893',
  decision_maker: 'Иванов',
  pids: ['p1'],
  amount: { amount_minor: 100_00, currency: 'RUB' },
  year: 2026,
  quarter: 1,
  description: '',
  status,
  created_at: created,
  updated_at: created,
});

describe('deal form checks', () => {
  const ok = { customerName: 'A', inn: '7707083893', decisionMaker: 'B', amountMinor: 1, description: '' };
  it('accepts a valid deal and names each bad field', () => {
    expect(checkDeal(ok)).toBeNull();
    expect(checkDeal({ ...ok, inn: '500100732259' })).toBeNull();
    expect(checkDeal({ ...ok, inn: '7707083894' })).toEqual({ inn: 'invalid_inn' });
    expect(checkDeal({ ...ok, inn: ' ' })).toEqual({ inn: 'required' });
    expect(checkDeal({ customerName: '', inn: 'abc', decisionMaker: ' ', amountMinor: 0, description: '' })).toEqual({
      customerName: 'required',
      inn: 'invalid_inn',
      decisionMaker: 'required',
      amountMinor: 'invalid_amount',
    });
  });
});

describe('monthly feedback reminder', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  it('is due for an open deal from an earlier region month without feedback this month', () => {
    expect(isFeedbackDue({ status: 'in_review', created_at: '2026-02-20T10:00:00Z', last_month: null }, now, 'Europe/Moscow')).toBe(true);
    expect(isFeedbackDue({ status: 'approved', created_at: '2026-01-20T10:00:00Z', last_month: '2026-02' }, now, 'Europe/Moscow')).toBe(true);
    expect(isFeedbackDue({ status: 'approved', created_at: '2026-01-20T10:00:00Z', last_month: '2026-03' }, now, 'Europe/Moscow')).toBe(false);
    expect(isFeedbackDue({ status: 'registered', created_at: '2026-03-01T10:00:00Z', last_month: null }, now, 'Europe/Moscow')).toBe(false);
    expect(isFeedbackDue({ status: 'won', created_at: '2026-01-01T10:00:00Z', last_month: null }, now, 'Europe/Moscow')).toBe(false);
    expect(isFeedbackDue({ status: 'rejected', created_at: '2026-01-01T10:00:00Z', last_month: null }, now, 'Europe/Moscow')).toBe(false);
    // 28 Feb 21:30 UTC is already March in Moscow: created this month, not due yet
    expect(isFeedbackDue({ status: 'registered', created_at: '2026-02-28T21:30:00Z', last_month: null }, now, 'Europe/Moscow')).toBe(false);
  });

  it('giving feedback ends the reminder until the next month', () => {
    ctx = makeCtx({ now });
    storeDeals(ctx.db, [deal('d1', 'in_review', '2026-02-01T10:00:00Z'), deal('d2', 'won', '2026-01-01T10:00:00Z')], true, '2026-03-10T12:00:00Z');
    expect(cachedDeals(ctx.db, now, 'Europe/Moscow').map((d) => [d.id, d.feedbackDue])).toEqual([
      ['d1', true],
      ['d2', false],
    ]);
    const after = giveFeedback(ctx, 'd1', 'Пилот идёт');
    expect(after).toMatchObject({ feedbackDue: false, lastFeedbackMonth: '2026-03' });
    expect(ctx.changes.at(-1)).toEqual(['deals', 'alerts']);
    const april = Date.parse('2026-04-02T12:00:00Z');
    expect(cachedDeals(ctx.db, april, 'Europe/Moscow')[0]?.feedbackDue).toBe(true);
    // a refresh replaces the cache but keeps the local feedback
    storeDeals(ctx.db, [deal('d1', 'approved', '2026-02-01T10:00:00Z')], true, null);
    expect(cachedDeals(ctx.db, now, 'Europe/Moscow')).toMatchObject([{ id: 'd1', status: 'approved', feedbackDue: false }]);
  });
});
