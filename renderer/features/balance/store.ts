/** What the balance tabs show: the tab, the period and the filters (kept while moving between clients). */
import { create } from 'zustand';
import type { ServiceCode, TxKind } from '../../../shared/contract/platform';
import type { DetailGranularity, ExpensesGranularity, GroupBy } from '../../../shared/contract/rpc/balance';
import { presetRange, type Preset } from './period';

export interface BalanceView {
  tab: 'detail' | 'expenses';
  preset: Preset;
  from: string;
  to: string;
  kind: TxKind | '';
  project: string;
  service: ServiceCode | '';
  granularity: DetailGranularity;
  groupBy: GroupBy;
  chartGranularity: ExpensesGranularity;
  set(patch: Partial<Omit<BalanceView, 'set' | 'applyPreset' | 'drill'>>): void;
  applyPreset(p: Preset, today: string): void;
  /** Drill-down from Expenses: the Detail tab filtered to a service or a project. */
  drill(by: { service?: ServiceCode; project?: string }): void;
}

export const useBalanceView = create<BalanceView>((set) => ({
  tab: 'detail',
  preset: 'thisMonth',
  from: '',
  to: '',
  kind: '',
  project: '',
  service: '',
  granularity: 'operation',
  groupBy: 'service',
  chartGranularity: 'day',
  set: (patch) => set(patch),
  applyPreset: (p, today) => {
    const r = presetRange(p, today);
    set(r ? { preset: p, ...r } : { preset: p });
  },
  drill: (by) =>
    set({
      tab: 'detail',
      granularity: 'operation',
      kind: 'debit',
      service: by.service ?? '',
      project: by.project ?? '',
    }),
}));
