/** Shared reads: settings, sync status, the platform's region. Keys start with the table name. */
import { useQuery } from '@tanstack/react-query';
import { call } from '../bridge';
import type { Currency } from '../../shared/contract/platform';
import { useLive } from '../state/live';

export const settingsKey = ['settings'] as const;
export const syncStatusKey = ['sync', 'status'] as const;
export const platformKey = ['platform'] as const;

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => call('settings.get', {}) });
}

export function useSyncStatus() {
  return useQuery({
    queryKey: syncStatusKey,
    queryFn: () => call('sync.status', {}),
    // While a sync runs, ask now and then too, so a sync that ends without a 'done' event is noticed.
    refetchInterval: (q) => (q.state.data?.running || useLive.getState().progress ? 3000 : false),
  });
}

export function usePlatform() {
  return useQuery({ queryKey: platformKey, queryFn: () => call('platform.get', {}) });
}

export const DEFAULT_ZONE = 'Europe/Moscow';

/** The platform's region time zone and currency (Moscow and RUB until the platform is known). */
export function useRegion(): { zone: string; currency: Currency; known: boolean } {
  const { data } = usePlatform();
  const p = data?.platform;
  return p ? { zone: p.time_zone, currency: p.currency, known: true } : { zone: DEFAULT_ZONE, currency: 'RUB', known: false };
}

/** The connection's state now: the live event when one came, else the last sync status. */
export function useConnectivityState(): string {
  const live = useLive((s) => s.connectivity);
  const status = useSyncStatus();
  return live?.state ?? status.data?.connectivity ?? 'unknown';
}
