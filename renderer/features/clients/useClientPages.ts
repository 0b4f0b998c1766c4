/**
 * The client list, fetched in windows of PAGE rows as the user scrolls. React Query keys:
 * ['clients', filter, sort, page] and ['clients', 'count', filter], so `data.changed {tables:
 * ['clients']}` refreshes them all. The first page comes from clients.rows, which does not wait
 * for the count (clients.count, asked beside it): the screen paints as soon as the rows are in.
 * A new search or filter keeps showing the previous rows and count until the new ones arrive
 * (each keystroke is its own query; only the latest one's answer is shown).
 * Scrolling asks for the page ahead before it is on screen (ClientsPage widens the range), and a
 * page reached by a jump (a fling, a drag of the scrollbar) is asked for only once the list stands
 * still: flying over thousands of rows does not ask for, nor render, every page on the way.
 */
import { useEffect, useState } from 'react';
import { keepPreviousData, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../../bridge';
import type { ClientFilter, ClientRow } from '../../../shared/contract/rpc/clients';
import { listFilterOf, type ClientsView } from '../../state/prefs';

export const PAGE = 100;
/** Pages of the list kept after they leave the screen (for scrolling back); older ones are dropped. */
const KEEP_HIDDEN_PAGES = 20;
/** The count waits until the filter has stood this long, so typing never queues counts before rows. */
const COUNT_SETTLE_MS = 200;
/** A page reached by a jump is asked for once the pages on screen have stood this long. */
const JUMP_SETTLE_MS = 80;

export type ListFilter = ClientFilter;

export function clientsPageKey(filter: ListFilter, sort: ClientsView['sort'], page: number) {
  return ['clients', filter, sort, page] as const;
}

function fetchPage(filter: ListFilter, sort: ClientsView['sort'], page: number) {
  return call('clients.rows', { ...filter, sort, offset: page * PAGE, limit: PAGE });
}

/**
 * Asks for the first page of the list as the app starts on it, before anything renders: the
 * screen's own query (same key) then finds it on its way or already in.
 */
export function prefetchFirstPage(qc: QueryClient, view: ClientsView): void {
  const filter = listFilterOf(view);
  void qc.prefetchQuery({ queryKey: clientsPageKey(filter, view.sort, 0), queryFn: () => fetchPage(filter, view.sort, 0) });
}

/**
 * Drops the pages of the list no screen shows any more, all but the KEEP_HIDDEN_PAGES most recently
 * fetched: scrolling through the whole list would otherwise keep every row of it in memory.
 */
export function trimHiddenPages(qc: QueryClient, keep = KEEP_HIDDEN_PAGES): void {
  const hidden = qc
    .getQueryCache()
    .findAll({ queryKey: ['clients'], type: 'inactive' })
    .filter((q) => q.queryKey.length === 4 && typeof q.queryKey[1] === 'object' && typeof q.queryKey[3] === 'number');
  if (hidden.length <= keep) return;
  hidden.sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt);
  for (const q of hidden.slice(keep)) qc.getQueryCache().remove(q);
}

export function clientsCountKey(filter: ListFilter) {
  return ['clients', 'count', filter] as const;
}
export async function fetchCount(filter: ListFilter): Promise<number> {
  return (await call('clients.count', filter)).total;
}

/** Pages covering rows [first, last], plus the first page. */
export function pagesFor(first: number, last: number): number[] {
  if (last < first) return [0];
  const a = Math.floor(Math.max(0, first) / PAGE);
  const b = Math.floor(Math.max(0, last) / PAGE);
  const out = new Set<number>([0]);
  for (let p = a; p <= b; p++) out.add(p);
  return [...out].sort((x, y) => x - y);
}

/**
 * Whether to ask for a page now: when the pages on screen have stood still, or when the page or a
 * neighbour of it is already loaded (reading on: the next page, the one prefetched ahead).
 */
export function askNow(page: number, loaded: (page: number) => boolean, still: boolean): boolean {
  return still || loaded(page) || loaded(page - 1) || loaded(page + 1);
}

export interface ClientWindow {
  total: number | null;
  /** The current filter's count is still being asked for: `total` is only a lower bound until then. */
  counting: boolean;
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
  // The count of a filter that has stood still (each keystroke's rows are asked at once; its count,
  // slower for short searches, would otherwise queue in the core ahead of the next keystroke's rows).
  const [settled, setSettled] = useState(filter);
  useEffect(() => {
    const id = setTimeout(() => setSettled(filter), COUNT_SETTLE_MS);
    return () => clearTimeout(id);
  }, [filter]);
  const count = useQuery({
    queryKey: clientsCountKey(settled),
    queryFn: () => fetchCount(settled),
    placeholderData: keepPreviousData,
  });
  // Until the count is in: a short first page is the whole list; a full one means at least a page.
  const headRows = head.data?.rows;
  const counted = settled === filter && !count.isPlaceholderData ? count.data : undefined;
  const total =
    headRows === undefined
      ? null
      : headRows.length < PAGE
        ? headRows.length
        : (counted ?? Math.max(count.data ?? 0, PAGE));
  const pages = total === null ? [] : pagesFor(first, Math.min(last, total - 1)).filter((p) => p !== 0);
  const qc = useQueryClient();
  const shown = pages.join(',');
  const [stillAt, setStillAt] = useState(shown);
  useEffect(() => {
    const id = setTimeout(() => setStillAt(shown), JUMP_SETTLE_MS);
    return () => clearTimeout(id);
  }, [shown]);
  const loaded = (page: number) => page === 0 || qc.getQueryData(clientsPageKey(filter, sort, page)) !== undefined;
  const rest = useQueries({
    queries: pages.map((page) => ({
      queryKey: clientsPageKey(filter, sort, page),
      queryFn: () => fetchPage(filter, sort, page),
      enabled: askNow(page, loaded, stillAt === shown),
    })),
  });
  useEffect(() => trimHiddenPages(qc), [qc, shown]);
  const byPage = new Map<number, ClientRow[]>();
  if (head.data) byPage.set(0, head.data.rows);
  pages.forEach((p, i) => {
    const d = rest[i]?.data;
    if (d) byPage.set(p, d.rows);
  });
  const counting = headRows !== undefined && headRows.length >= PAGE && counted === undefined;
  return {
    total,
    counting,
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
