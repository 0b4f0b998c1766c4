/**
 * Saved views of the client list, for any screen: `useSavedViews()` lists them in tab order with
 * their names in the current language and their counts (current after each sync), and
 * `openView(id)` shows one in the client list. Keys: ['views'] (data.changed views) and
 * ['clients', 'viewCounts', filters] (data.changed clients: a sync refreshes the counts).
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { call } from '../../bridge';
import { queryClient } from '../../app/queryClient';
import { useNav } from '../../state/nav';
import { listFilterOf, usePrefs, type ClientsView } from '../../state/prefs';
import type { ClientFilter } from '../../../shared/contract/rpc/clients';
import type { DefaultViewKey, SavedView, ViewSpec } from '../../../shared/contract/rpc/views';

export const viewsKey = ['views'] as const;
const ALL_FILTER: ClientFilter = { search: '', statuses: [], paymentModels: [], negativeOnly: false };

export interface ListedView extends SavedView {
  /** The user's name, or the default view's name in the current language. */
  label: string;
  /** How many clients the view shows now; null while counting. */
  count: number | null;
}

const DEFAULT_NAME_KEY: Record<DefaultViewKey, string> = {
  inDebt: 'clients:views.default.inDebt',
  runsOut: 'clients:views.default.runsOut',
  invitedStale: 'clients:views.default.invitedStale',
  blocked: 'clients:views.default.blocked',
};

/** The view's name as shown: the user's text, or the default's name in the current language. */
export function viewLabel(t: TFunction, v: Pick<SavedView, 'name' | 'defaultKey'>): string {
  if (v.name !== null) return v.name;
  return v.defaultKey ? t(DEFAULT_NAME_KEY[v.defaultKey]) : '';
}

export function fetchViews(): Promise<SavedView[]> {
  return queryClient.fetchQuery({ queryKey: viewsKey, queryFn: async () => (await call('views.list', {})).views });
}

/** Saved views in tab order, named and counted. */
export function useSavedViews(): { views: ListedView[]; allCount: number | null; isLoading: boolean; error: unknown; activeId: string | null } {
  const { t } = useTranslation();
  const activeId = usePrefs((s) => s.activeViewId);
  const list = useQuery({ queryKey: viewsKey, queryFn: async () => (await call('views.list', {})).views });
  const views = list.data ?? [];
  // Every client first (the "All clients" tab), then each view's filter: one pass in the core.
  const filters: ClientFilter[] = [ALL_FILTER, ...views.map((v) => v.spec.filter as ClientFilter)];
  const counts = useQuery({
    queryKey: ['clients', 'viewCounts', filters] as const,
    queryFn: async () => (await call('clients.countMany', { filters })).totals,
    enabled: list.data !== undefined,
  });
  return {
    views: views.map((v, i) => ({ ...v, label: viewLabel(t, v), count: counts.data?.[i + 1] ?? null })),
    allCount: counts.data?.[0] ?? null,
    isLoading: list.isLoading,
    error: list.error,
    activeId,
  };
}

/** The list's view as a saved view holds it. */
export function viewOfSpec(spec: ViewSpec): Omit<ClientsView, 'searchText' | 'ids'> {
  const f = spec.filter;
  return {
    search: f.search,
    statuses: f.statuses,
    paymentModels: f.paymentModels,
    negativeOnly: f.negativeOnly,
    runsOutWithinDays: f.runsOutWithinDays ?? null,
    invitedOverDays: f.invitedOverDays ?? null,
    sort: spec.sort,
  };
}

/** What the list shows now, as a view would hold it (an id set from Home is not kept). */
export function currentSpec(): ViewSpec {
  const { clientsView: v, columns } = usePrefs.getState();
  const { ids: _ids, ...filter } = listFilterOf(v);
  return {
    filter,
    sort: v.sort,
    columns,
  };
}

/** Whether the list differs from the view it was opened from. */
export function isModified(spec: ViewSpec): boolean {
  return JSON.stringify(normal(currentSpec())) !== JSON.stringify(normal(spec));
}
function normal(s: ViewSpec): unknown {
  const f = s.filter;
  return [f.search, [...f.statuses].sort(), [...f.paymentModels].sort(), f.negativeOnly, f.runsOutWithinDays ?? null, f.invitedOverDays ?? null, s.sort, s.columns.order, [...s.columns.hidden].sort(), Object.entries(s.columns.widths).sort()];
}

/** Shows a saved view in the client list (and goes there). False when no view has this id. */
export async function openView(id: string): Promise<boolean> {
  const view = (await fetchViews()).find((v) => v.id === id);
  if (!view) return false;
  usePrefs.getState().applyView(view.id, viewOfSpec(view.spec), view.spec.columns);
  useNav.getState().go('clients');
  return true;
}
