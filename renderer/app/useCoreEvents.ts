/**
 * Subscribes to the core's events: `data.changed` invalidates every React Query key whose first
 * element is a named table; sync progress and connectivity go to the live store.
 */
import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { onEvent } from '../bridge';
import { useLive } from '../state/live';
import type { CoreEvent } from '../../shared/contract/events';

export function handleCoreEvent(qc: QueryClient, e: CoreEvent): void {
  switch (e.event) {
    case 'data.changed': {
      const { tables } = e.payload as CoreEvent<'data.changed'>['payload'];
      for (const table of tables) void qc.invalidateQueries({ queryKey: [table] });
      break;
    }
    case 'sync.progress': {
      const p = e.payload as CoreEvent<'sync.progress'>['payload'];
      const started = useLive.getState().progress === null && p.phase !== 'done';
      useLive.setState({ progress: p.phase === 'done' ? null : p, progressAt: Date.now() });
      if (p.phase === 'done' || started) void qc.invalidateQueries({ queryKey: ['sync'] });
      break;
    }
    case 'connectivity': {
      useLive.setState({ connectivity: e.payload as CoreEvent<'connectivity'>['payload'] });
      void qc.invalidateQueries({ queryKey: ['sync'] });
      break;
    }
    default:
      break;
  }
}

export function useCoreEvents(): void {
  const qc = useQueryClient();
  useEffect(() => onEvent((e) => handleCoreEvent(qc, e)), [qc]);
}
