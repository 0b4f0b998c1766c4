/** What the core's events say right now: sync progress and connectivity. */
import { create } from 'zustand';
import type { EventPayload } from '../../shared/contract/events';

export interface LiveState {
  progress: EventPayload<'sync.progress'> | null;
  connectivity: EventPayload<'connectivity'> | null;
}

export const useLive = create<LiveState>(() => ({ progress: null, connectivity: null }));
