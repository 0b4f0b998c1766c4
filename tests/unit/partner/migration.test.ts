import { afterEach, describe, expect, it } from 'vitest';
import { makeCtx, type TestCtx } from './helpers';

let ctx: TestCtx;
afterEach(() => ctx?.cleanup());

describe('migration 004 (partner program)', () => {
  it('creates deals, deal_feedback, alert_rules and alerts with their checks', () => {
    ctx = makeCtx();
    expect(ctx.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    const tables = ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    expect(tables).toEqual(expect.arrayContaining(['deals', 'deal_feedback', 'alert_rules', 'alerts']));
    const deal = (quarter: number, status: string) =>
      ctx.db
        .prepare(
          `INSERT INTO deals (id, customer_name, inn, decision_maker, pids_json, amount_minor, currency, year, quarter, description, status, created_at, updated_at)
           VALUES (?, 'c', '7707083893', 'd', '[]', 1, 'RUB', 2026, ?, '', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
        )
        .run(`d${quarter}${status}`, quarter, status);
    expect(() => deal(1, 'registered')).not.toThrow();
    expect(() => deal(5, 'registered')).toThrow(/CHECK/);
    expect(() => deal(2, 'maybe')).toThrow(/CHECK/);
    expect(() => ctx.db.prepare("INSERT INTO alert_rules (scope, negative, freeze_days) VALUES ('*', 2, NULL)").run()).toThrow(/CHECK/);
    expect(() => ctx.db.prepare("INSERT INTO alert_rules (scope, negative, freeze_days) VALUES ('*', 1, 0)").run()).toThrow(/CHECK/);
    expect(() =>
      ctx.db.prepare("INSERT INTO alerts (client_id, kind, balance_minor, currency, since) VALUES ('c', 'other', 0, 'RUB', 'x')").run(),
    ).toThrow(/CHECK/);
  });
});
