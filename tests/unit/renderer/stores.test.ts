import { beforeEach, describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { useSelection, selectedCount } from '../../../renderer/state/selection';
import { parseHash, toHash } from '../../../renderer/state/nav';
import { nextSort, usePrefs, DEFAULT_VIEW } from '../../../renderer/state/prefs';
import { askNow, pagesFor, clientsPageKey, PAGE, trimHiddenPages } from '../../../renderer/features/clients/useClientPages';
import { handleCoreEvent } from '../../../renderer/app/useCoreEvents';
import { useLive } from '../../../renderer/state/live';

describe('selection store', () => {
  beforeEach(() => useSelection.getState().clear());

  it('toggles ids and moves the anchor', () => {
    const s = useSelection.getState();
    s.toggle('a');
    s.toggle('b');
    expect([...useSelection.getState().ids]).toEqual(['a', 'b']);
    expect(useSelection.getState().anchor).toBe('b');
    useSelection.getState().toggle('a');
    expect([...useSelection.getState().ids]).toEqual(['b']);
  });

  it('selects a range from the anchor in display order, both ways', () => {
    const order = ['a', 'b', 'c', 'd', 'e'];
    useSelection.getState().toggle('b');
    useSelection.getState().range(order, 'd');
    expect([...useSelection.getState().ids].sort()).toEqual(['b', 'c', 'd']);
    useSelection.getState().clear();
    useSelection.getState().toggle('e');
    useSelection.getState().range(order, 'c');
    expect([...useSelection.getState().ids].sort()).toEqual(['c', 'd', 'e']);
  });

  it('range without an anchor selects the one row', () => {
    useSelection.getState().range(['a', 'b'], 'b');
    expect([...useSelection.getState().ids]).toEqual(['b']);
    expect(useSelection.getState().anchor).toBe('b');
  });

  it('selectAll means every matching client; toggling leaves that mode', () => {
    useSelection.getState().selectAll();
    expect(selectedCount(useSelection.getState(), 1234)).toBe(1234);
    useSelection.getState().toggle('x');
    expect(useSelection.getState().allMatching).toBe(false);
    expect(selectedCount(useSelection.getState(), 1234)).toBe(1);
  });
});

describe('navigation hash', () => {
  it('round-trips routes and client ids', () => {
    expect(parseHash(toHash('client', 'c 1/2'))).toEqual({ route: 'client', clientId: 'c 1/2' });
    expect(parseHash('#/settings')).toEqual({ route: 'settings', clientId: null });
    expect(parseHash('')).toEqual({ route: 'home', clientId: null });
    expect(parseHash('#/nowhere')).toEqual({ route: 'clients', clientId: null });
    expect(parseHash('#/client/')).toEqual({ route: 'clients', clientId: null });
  });
});

describe('client list view', () => {
  it('a new column sorts ascending, the same column flips', () => {
    expect(nextSort({ column: 'name', dir: 'asc' }, 'name')).toEqual({ column: 'name', dir: 'desc' });
    expect(nextSort({ column: 'name', dir: 'desc' }, 'payment')).toEqual({ column: 'payment', dir: 'asc' });
  });

  it('reset clears search and filters but keeps the sort', () => {
    const p = usePrefs.getState();
    p.setClientsView({ searchText: 'ab', search: 'ab', statuses: ['active'], negativeOnly: true, sort: { column: 'bonus', dir: 'desc' } });
    usePrefs.getState().resetClientsFilter();
    expect(usePrefs.getState().clientsView).toEqual({ ...DEFAULT_VIEW, sort: { column: 'bonus', dir: 'desc' } });
  });

  it('asks for the pages covering the visible rows, and always the first', () => {
    expect(pagesFor(0, 30)).toEqual([0]);
    expect(pagesFor(95, 130)).toEqual([0, 1]);
    expect(pagesFor(PAGE * 500 + 3, PAGE * 501 + 1)).toEqual([0, 500, 501]);
    expect(pagesFor(5, 2)).toEqual([0]);
  });

  it('asks for a page next to a loaded one at once, and for a page reached by a jump once the list stands still', () => {
    const loaded = (p: number) => p === 0 || p === 7;
    expect(askNow(1, loaded, false)).toBe(true);
    expect(askNow(8, loaded, false)).toBe(true);
    expect(askNow(6, loaded, false)).toBe(true);
    expect(askNow(7, loaded, false)).toBe(true);
    expect(askNow(500, loaded, false)).toBe(false);
    expect(askNow(500, loaded, true)).toBe(true);
  });

  it("keys start with the table name so data.changed finds them", () => {
    const key = clientsPageKey({ search: '', statuses: [], paymentModels: [], negativeOnly: false }, { column: 'name', dir: 'asc' }, 3);
    expect(key[0]).toBe('clients');
    expect(key[3]).toBe(3);
  });
});

describe('core events', () => {
  it('data.changed invalidates the named tables only', () => {
    const qc = new QueryClient();
    qc.setQueryData(['clients', {}, {}, 0], { rows: [], total: 0 });
    qc.setQueryData(['transactions', 'x'], 1);
    handleCoreEvent(qc, { event: 'data.changed', payload: { tables: ['clients'] } });
    expect(qc.getQueryState(['clients', {}, {}, 0])?.isInvalidated).toBe(true);
    expect(qc.getQueryState(['transactions', 'x'])?.isInvalidated).toBe(false);
  });

  it('the first progress event of a sync refreshes the sync status (its polling starts)', () => {
    const qc = new QueryClient();
    useLive.setState({ progress: null });
    qc.setQueryData(['sync', 'status'], { running: false });
    handleCoreEvent(qc, { event: 'sync.progress', payload: { phase: 'platform', done: 0, total: null } });
    expect(qc.getQueryState(['sync', 'status'])?.isInvalidated).toBe(true);
    qc.setQueryData(['sync', 'status'], { running: true });
    handleCoreEvent(qc, { event: 'sync.progress', payload: { phase: 'clients', done: 10, total: 20 } });
    expect(qc.getQueryState(['sync', 'status'])?.isInvalidated).toBe(false);
  });

  it('sync.progress and connectivity go to the live store', () => {
    const qc = new QueryClient();
    handleCoreEvent(qc, { event: 'sync.progress', payload: { phase: 'clients', done: 200, total: 1000 } });
    expect(useLive.getState().progress).toEqual({ phase: 'clients', done: 200, total: 1000 });
    handleCoreEvent(qc, { event: 'sync.progress', payload: { phase: 'done', done: 1000, total: 1000 } });
    expect(useLive.getState().progress).toBeNull();
    handleCoreEvent(qc, { event: 'connectivity', payload: { state: 'offline', since: '2026-11-22T07:00:00Z', message: null } });
    expect(useLive.getState().connectivity?.state).toBe('offline');
  });
});

describe('hidden pages of the client list', () => {
  it('keeps the most recently fetched hidden pages and drops the rest; counts and other reads stay', () => {
    const qc = new QueryClient();
    const filter = { search: '', statuses: [], paymentModels: [], negativeOnly: false };
    const sort = { column: 'name', dir: 'asc' } as const;
    for (let p = 0; p < 30; p++) qc.setQueryData(clientsPageKey(filter, sort, p), { rows: [] }, { updatedAt: 1000 + p });
    qc.setQueryData(['clients', 'count', filter], 5);
    qc.setQueryData(['clients', 'get', 'c1'], {});
    trimHiddenPages(qc, 20);
    const pages = qc
      .getQueryCache()
      .findAll({ queryKey: ['clients'] })
      .filter((q) => typeof q.queryKey[3] === 'number')
      .map((q) => q.queryKey[3] as number)
      .sort((a, b) => a - b);
    expect(pages).toEqual(Array.from({ length: 20 }, (_, i) => i + 10));
    expect(qc.getQueryData(['clients', 'count', filter])).toBe(5);
    expect(qc.getQueryData(['clients', 'get', 'c1'])).toEqual({});
  });
});
