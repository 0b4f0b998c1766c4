/** Batches of actions and their live progress (actions.progress events), for the dock and results. */
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { create } from 'zustand';
import { call, onEvent } from '../../bridge';
import type { EventPayload } from '../../../shared/contract/events';

type Progress = EventPayload<'actions.progress'>;

export const useProgress = create<{ byBatch: Record<string, Progress>; dismissed: Record<string, true>; opened: string | null }>(() => ({
  byBatch: {},
  dismissed: {},
  opened: null,
}));

export function dismissBatch(id: string): void {
  useProgress.setState((s) => ({ dismissed: { ...s.dismissed, [id]: true } }));
}
export function openResults(id: string | null): void {
  useProgress.setState({ opened: id });
}

/** Keeps the progress store fed; mount once (ActionsLayer does). */
export function useProgressEvents(): void {
  useEffect(
    () =>
      onEvent((e) => {
        if (e.event !== 'actions.progress') return;
        const p = e.payload as Progress;
        useProgress.setState((s) => ({ byBatch: { ...s.byBatch, [p.batchId]: p } }));
      }),
    [],
  );
}

export function useBatchList(limit = 20) {
  return useQuery({ queryKey: ['actions', 'batches', limit], queryFn: () => call('actions.batches', { limit }) });
}
