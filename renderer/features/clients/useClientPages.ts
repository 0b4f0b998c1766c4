/**
 * The client list, fetched in windows of PAGE rows as the user scrolls. React Query keys:
 * ['clients', filter, sort, page], so `data.changed {tables: ['clients']}` refreshes them all.
 */
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { call } from '../../bridge';
import type { ClientRow } from '../../../shared/contract/rpc/clients';
import type { ClientsView } from '../../state/prefs';

export const PAGE = 100;

export type ListFilter = Omit<ClientsView, 'sort' | 'searchText'>;

export function clientsPageKey(filter: ListFilter, sort: ClientsView['sort'], page: number) {
  return ['clients', filter, sort, page] as const;
}

function fetchPage(filter: ListFilter, sort: ClientsView['sort'], page: number) {
  return call('clients.list', { ...filter, sort, offset: page * PAGE, limit: PAGE });
}

/** Pages covering rows [first, last], plus the first page (which carries the total). */
export function pagesFor(first: number, last: number): number[] {
  if (last < first) return [0];
  const a = Math.floor(Math.max(0, first) / PAGE);
  const b = Math.floor(Math.max(0, last) / PAGE);
  const out = new Set<number>([0]);
  for (let p = a; p <= b; p++) out.add(p);
  return [...out].sort((x, y) => x - y);
}

export interface ClientWindow {
  total: number | null;
  isLoading: boolean;
  error: unknown;
  refetch: () => void;
  /** The loaded row at an index, or undefined while its page loads. */
  rowAt(index: number): ClientRow | undefined;
  /** Ids of the loaded rows in display order (for Shift-click ranges). */
  loadedIds(): string[];
}

export function useClientWindow(filter: ListFilter, sort: ClientsView['sort'], first: number, last: number): ClientWindow {
  const head = useQuery({
    queryKey: clientsPageKey(filter, sort, 0),
    queryFn: () => fetchPage(filter, sort, 0),
    placeholderData: keepPreviousData,
  });
  const total = head.data?.total ?? null;
  const pages = total === null ? [] : pagesFor(first, Math.min(last, total - 1)).filter((p) => p !== 0);
  const rest = useQueries({
    queries: pages.map((page) => ({
      queryKey: clientsPageKey(filter, sort, page),
      queryFn: () => fetchPage(filter, sort, page),
    })),
  });
  const byPage = new Map<number, ClientRow[]>();
  if (head.data) byPage.set(0, head.data.rows);
  pages.forEach((p, i) => {
    const d = rest[i]?.data;
    if (d) byPage.set(p, d.rows);
  });
  return {
    total,
    isLoading: head.isLoading,
    error: head.error ?? rest.find((r) => r.error)?.error ?? null,
    refetch: () => void head.refetch(),
    rowAt(index) {
      return byPage.get(Math.floor(index / PAGE))?.[index % PAGE];
    },
    loadedIds() {
      const ids: string[] = [];
      for (const p of [...byPage.keys()].sort((a, b) => a - b)) for (const r of byPage.get(p) ?? []) ids.push(r.id);
      return ids;
    },
  };
}
