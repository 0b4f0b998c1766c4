/** What the core's events say right now: sync progress and connectivity. */
import { create } from 'zustand';
import type { EventPayload } from '../../shared/contract/events';

export interface LiveState {
  progress: EventPayload<'sync.progress'> | null;
  /** When the last progress event arrived (ms), to tell it from a newer sync.status answer. */
  progressAt: number;
  connectivity: EventPayload<'connectivity'> | null;
}

export const useLive = create<LiveState>(() => ({ progress: null, progressAt: 0, connectivity: null }));
