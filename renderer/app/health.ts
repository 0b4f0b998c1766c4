/**
 * The data folder's health (app.health): a cache rebuilt at start, a damaged or full disk, the
 * local clock against the platform's, the daily copies. Its key starts with 'sync', so every
 * finished sync (data.changed sync) refreshes it; it is also asked for every minute.
 */
import { useQuery } from '@tanstack/react-query';
import { call } from '../bridge';
import { useNow } from '../ui/useNow';

export const healthKey = ['sync', 'health'] as const;
/** Under this the measured offset is noise of the Date header (whole seconds, network delay). */
const APPLY_MS = 5_000;

export function useHealth() {
  return useQuery({ queryKey: healthKey, queryFn: () => call('app.health', {}), refetchInterval: 60_000 });
}

/** Now by the platform's clock: the local clock corrected by the offset the core measured. */
export function usePlatformNow(): number {
  const now = useNow();
  const offset = useHealth().data?.clock.offsetMs ?? null;
  return offset !== null && Math.abs(offset) >= APPLY_MS ? now + offset : now;
}
