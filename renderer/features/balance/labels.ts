/** Balance enum values -> literal catalogue keys (findable by the i18n scan). */
import type { ServiceCode, TxKind } from '../../../shared/contract/platform';
import type { DetailGranularity, ExpensesGranularity } from '../../../shared/contract/rpc/balance';
import type { Preset } from './period';
import { SERVICE_KEY } from '../../../shared/i18n/keys/balance';
export { SERVICE_KEY };

export function serviceKey(code: string | null): string {
  return SERVICE_KEY[(code || 'none') as ServiceCode | 'none'] ?? 'balance:service.none';
}

export const KIND_KEY: Record<TxKind, string> = { debit: 'balance:kind.debit', credit: 'balance:kind.credit' };

export const GRANULARITY_KEY: Record<DetailGranularity, string> = {
  operation: 'balance:granularity.operation',
  day: 'balance:granularity.day',
  week: 'balance:granularity.week',
  month: 'balance:granularity.month',
  year: 'balance:granularity.year',
};

export const CHART_KEY: Record<ExpensesGranularity, string> = {
  day: 'balance:expenses.chart.day',
  week: 'balance:expenses.chart.week',
  month: 'balance:expenses.chart.month',
};

export const PRESET_KEY: Record<Preset, string> = {
  today: 'balance:period.today',
  thisWeek: 'balance:period.thisWeek',
  lastWeek: 'balance:period.lastWeek',
  thisMonth: 'balance:period.thisMonth',
  lastMonth: 'balance:period.lastMonth',
  quarter: 'balance:period.quarter',
  year: 'balance:period.year',
  custom: 'balance:period.custom',
};

export const STATUS_KEY = {
  invited: 'balance:status.invited',
  active: 'balance:status.active',
  blocked: 'balance:status.blocked',
} as const;
export const MODEL_KEY = { prepaid: 'balance:model.prepaid', postpaid: 'balance:model.postpaid' } as const;
export const PROJECT_STATUS_KEY = { active: 'balance:projectStatus.active', frozen: 'balance:projectStatus.frozen' } as const;
