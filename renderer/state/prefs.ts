/**
 * UI preferences and the client list's view (search, filters, sort: kept for the session; columns:
 * kept by the core as a preference, see features/views/savedViews.ts) and the saved view open in it.
 */
import { create } from 'zustand';
import type { Lang } from '../../shared/i18n';
import type { ClientStatus, PaymentModel } from '../../shared/contract/platform';
import type { ClientFilter, SortColumn } from '../../shared/contract/rpc';
import { DEFAULT_COLUMNS, type ColumnsState } from '../../shared/contract/rpc/views';

export interface ClientsView {
  /** What the search box holds; `search` follows it at every keystroke. */
  searchText: string;
  search: string;
  statuses: ClientStatus[];
  paymentModels: PaymentModel[];
  negativeOnly: boolean;
  /** Home's figures: funds run out within N days; invited over N days ago; exactly these clients. */
  runsOutWithinDays: number | null;
  invitedOverDays: number | null;
  ids: string[];
  sort: { column: SortColumn; dir: 'asc' | 'desc' };
}

export const DEFAULT_VIEW: ClientsView = {
  searchText: '',
  search: '',
  statuses: [],
  paymentModels: [],
  negativeOnly: false,
  runsOutWithinDays: null,
  invitedOverDays: null,
  ids: [],
  sort: { column: 'name', dir: 'asc' },
};

/** The view's filter as the core takes it (clients.list, clients.ids). */
export function listFilterOf(v: ClientsView): ClientFilter {
  return {
    search: v.search,
    statuses: v.statuses,
    paymentModels: v.paymentModels,
    negativeOnly: v.negativeOnly,
    ...(v.runsOutWithinDays !== null ? { runsOutWithinDays: v.runsOutWithinDays } : {}),
    ...(v.invitedOverDays !== null ? { invitedOverDays: v.invitedOverDays } : {}),
    ...(v.ids.length > 0 ? { ids: v.ids } : {}),
  };
}

/** Whether any search or filter narrows the list. */
export function isFiltered(v: ClientsView): boolean {
  return (
    v.search !== '' ||
    v.statuses.length > 0 ||
    v.paymentModels.length > 0 ||
    v.negativeOnly ||
    v.runsOutWithinDays !== null ||
    v.invitedOverDays !== null ||
    v.ids.length > 0
  );
}

export interface PrefsState {
  language: Lang;
  clientsView: ClientsView;
  /** The list's columns: which show, their order and widths. */
  columns: ColumnsState;
  /** The saved view last opened in the list (its tab is selected), or null. */
  activeViewId: string | null;
  setColumns(columns: ColumnsState): void;
  /** Shows a saved view: its search, filters, sort and columns replace the list's. */
  applyView(id: string, view: Omit<ClientsView, 'searchText' | 'ids'>, columns: ColumnsState): void;
  setLanguage(l: Lang): void;
  setClientsView(patch: Partial<ClientsView>): void;
  /** Clears search and filters, keeps the sort. */
  resetClientsFilter(): void;
  /** Replaces search and filters with these (a Home figure), keeps the sort. */
  showClients(filter: Partial<Omit<ClientsView, 'sort' | 'searchText'>>): void;
}

export const usePrefs = create<PrefsState>((set) => ({
  language: 'ru',
  clientsView: DEFAULT_VIEW,
  columns: DEFAULT_COLUMNS,
  activeViewId: null,
  setLanguage(language) {
    set({ language });
  },
  setColumns(columns) {
    set({ columns });
  },
  applyView(activeViewId, view, columns) {
    set({ activeViewId, columns, clientsView: { ...DEFAULT_VIEW, ...view, searchText: view.search } });
  },
  setClientsView(patch) {
    set((s) => ({ clientsView: { ...s.clientsView, ...patch } }));
  },
  resetClientsFilter() {
    set((s) => ({ activeViewId: null, clientsView: { ...DEFAULT_VIEW, sort: s.clientsView.sort } }));
  },
  showClients(filter) {
    set((s) => ({ activeViewId: null, clientsView: { ...DEFAULT_VIEW, ...filter, searchText: filter.search ?? '', sort: s.clientsView.sort } }));
  },
}));

/** Clicking a header: a new column sorts ascending, the same column flips. */
export function nextSort(cur: ClientsView['sort'], column: SortColumn): ClientsView['sort'] {
  if (cur.column === column) return { column, dir: cur.dir === 'asc' ? 'desc' : 'asc' };
  return { column, dir: 'asc' };
}
