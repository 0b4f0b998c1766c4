/**
 * Alert rules, pure. A client's own rule overrides the rule for all clients; with no
 * rule at all the default applies (a negative balance alerts, nothing else).
 *
 * - below_threshold: the payment balance is under the threshold (and not negative, which is its own alert);
 * - negative: the payment balance is below zero;
 * - freeze_soon: a prepaid client's funds (payment + bonus, still above zero) reach zero within
 *   `freezeDays` at the average daily spend of the last 30 days (the forecast the client card shows).
 */
import type { AlertKind, AlertRule } from '../../../shared/contract/rpc/partner';

export const FORECAST_BASIS_DAYS = 30;
export const DEFAULT_RULE: AlertRule = { clientId: null, thresholdMinor: null, negative: true, freezeDays: null };

export interface ClientFacts {
  paymentMinor: number;
  bonusMinor: number;
  paymentModel: 'prepaid' | 'postpaid';
  /** Debits of the last FORECAST_BASIS_DAYS days. */
  spentMinor: number;
}

export interface Firing {
  kind: AlertKind;
  thresholdMinor: number | null;
  days: number | null;
  limitDays: number | null;
}

/** Whole days until the funds reach zero at the basis' average daily spend; null when nothing was spent. */
export function freezeForecastDays(fundsMinor: number, spentMinor: number, basisDays = FORECAST_BASIS_DAYS): number | null {
  if (spentMinor <= 0) return null;
  if (fundsMinor <= 0) return 0;
  return Math.floor((fundsMinor * basisDays) / spentMinor);
}

export function effectiveRule(clientRule: AlertRule | undefined, allRule: AlertRule | undefined): AlertRule {
  return clientRule ?? allRule ?? DEFAULT_RULE;
}

export function isEmptyRule(r: AlertRule): boolean {
  return r.thresholdMinor === null && !r.negative && r.freezeDays === null;
}

export function evaluateRule(c: ClientFacts, rule: AlertRule): Firing[] {
  const out: Firing[] = [];
  const negative = c.paymentMinor < 0;
  if (rule.negative && negative) out.push({ kind: 'negative', thresholdMinor: null, days: null, limitDays: null });
  if (rule.thresholdMinor !== null && c.paymentMinor < rule.thresholdMinor && !(rule.negative && negative)) {
    out.push({ kind: 'below_threshold', thresholdMinor: rule.thresholdMinor, days: null, limitDays: null });
  }
  // Funds already at or below zero are the negative/threshold alerts' business, not a forecast.
  if (rule.freezeDays !== null && c.paymentModel === 'prepaid' && c.paymentMinor + c.bonusMinor > 0) {
    const days = freezeForecastDays(c.paymentMinor + c.bonusMinor, c.spentMinor);
    if (days !== null && days < rule.freezeDays) out.push({ kind: 'freeze_soon', thresholdMinor: null, days, limitDays: rule.freezeDays });
  }
  return out;
}
