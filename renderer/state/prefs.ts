/** UI preferences and the client list's view (search, filters, sort), kept for the session. */
import { create } from 'zustand';
import type { Lang } from '../../shared/i18n';
import type { ClientStatus, PaymentModel } from '../../shared/contract/platform';
import type { SortColumn } from '../../shared/contract/rpc';

export interface ClientsView {
  /** What the search box holds; `search` follows it at every keystroke. */
  searchText: string;
  search: string;
  statuses: ClientStatus[];
  paymentModels: PaymentModel[];
  negativeOnly: boolean;
  sort: { column: SortColumn; dir: 'asc' | 'desc' };
}

export const DEFAULT_VIEW: ClientsView = {
  searchText: '',
  search: '',
  statuses: [],
  paymentModels: [],
  negativeOnly: false,
  sort: { column: 'name', dir: 'asc' },
};

export interface PrefsState {
  language: Lang;
  clientsView: ClientsView;
  setLanguage(l: Lang): void;
  setClientsView(patch: Partial<ClientsView>): void;
  /** Clears search and filters, keeps the sort. */
  resetClientsFilter(): void;
}

export const usePrefs = create<PrefsState>((set) => ({
  language: 'ru',
  clientsView: DEFAULT_VIEW,
  setLanguage(language) {
    set({ language });
  },
  setClientsView(patch) {
    set((s) => ({ clientsView: { ...s.clientsView, ...patch } }));
  },
  resetClientsFilter() {
    set((s) => ({ clientsView: { ...DEFAULT_VIEW, sort: s.clientsView.sort } }));
  },
}));

/** Clicking a header: a new column sorts ascending, the same column flips. */
export function nextSort(cur: ClientsView['sort'], column: SortColumn): ClientsView['sort'] {
  if (cur.column === column) return { column, dir: cur.dir === 'asc' ? 'desc' : 'asc' };
  return { column, dir: 'asc' };
}
