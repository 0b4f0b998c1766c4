import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE, effectiveRule, evaluateRule, freezeForecastDays } from '../../../electron/core/partner/rules';
import type { AlertRule } from '../../../shared/contract/rpc/partner';

const rule = (r: Partial<AlertRule>): AlertRule => ({ clientId: null, thresholdMinor: null, negative: false, freezeDays: null, ...r });
const kinds = (xs: { kind: string }[]) => xs.map((x) => x.kind).sort();

describe('freeze forecast', () => {
  it('is the funds over the average daily spend of 30 days, rounded down', () => {
    expect(freezeForecastDays(30_000, 30_000)).toBe(30);
    expect(freezeForecastDays(29_999, 30_000)).toBe(29);
    expect(freezeForecastDays(1000, 30_000)).toBe(1);
    expect(freezeForecastDays(999, 30_000)).toBe(0);
  });
  it('is 0 with no funds and null with no spend', () => {
    expect(freezeForecastDays(0, 100)).toBe(0);
    expect(freezeForecastDays(-5, 100)).toBe(0);
    expect(freezeForecastDays(100, 0)).toBeNull();
  });
});

describe('alert rules', () => {
  const client = { paymentMinor: 10_000, bonusMinor: 0, paymentModel: 'prepaid' as const, spentMinor: 30_000 };

  it('the default alerts on a negative balance only', () => {
    expect(DEFAULT_RULE.negative).toBe(true);
    expect(evaluateRule({ ...client, paymentMinor: -1 }, DEFAULT_RULE).map((f) => f.kind)).toEqual(['negative']);
    expect(evaluateRule({ ...client, paymentMinor: 0 }, DEFAULT_RULE)).toEqual([]);
  });

  it('fires below the threshold, not at it', () => {
    const r = rule({ thresholdMinor: 10_000 });
    expect(evaluateRule({ ...client, paymentMinor: 10_000 }, r)).toEqual([]);
    expect(kinds(evaluateRule({ ...client, paymentMinor: 9_999 }, r))).toEqual(['below_threshold']);
  });

  it('a negative balance is one alert, not two, when both rules are on', () => {
    const r = rule({ thresholdMinor: 10_000, negative: true });
    expect(kinds(evaluateRule({ ...client, paymentMinor: -100 }, r))).toEqual(['negative']);
    // with the negative rule off the threshold still catches it
    expect(kinds(evaluateRule({ ...client, paymentMinor: -100 }, rule({ thresholdMinor: 10_000 })))).toEqual(['below_threshold']);
  });

  it('freeze_soon only for prepaid clients, under N days, counting the bonus', () => {
    const r = rule({ freezeDays: 14 });
    // 10 000 funds at 1 000 a day: 10 days
    const f = evaluateRule(client, r);
    expect(f).toEqual([{ kind: 'freeze_soon', thresholdMinor: null, days: 10, limitDays: 14 }]);
    expect(evaluateRule({ ...client, paymentModel: 'postpaid' }, r)).toEqual([]);
    expect(evaluateRule({ ...client, bonusMinor: 4_000 }, r)).toEqual([]); // 14 days: not under 14
    expect(evaluateRule({ ...client, spentMinor: 0 }, r)).toEqual([]); // nothing spent: no forecast
    expect(evaluateRule({ ...client, paymentMinor: -5, bonusMinor: 0 }, r)).toEqual([]); // no funds left: not a forecast
  });

  it("a client's rule overrides the rule for all", () => {
    const all = rule({ thresholdMinor: 5 });
    const own = rule({ clientId: 'c1', negative: true });
    expect(effectiveRule(own, all)).toBe(own);
    expect(effectiveRule(undefined, all)).toBe(all);
    expect(effectiveRule(undefined, undefined)).toBe(DEFAULT_RULE);
  });
});
