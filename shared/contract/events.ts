/** Events the core emits to the renderer. Tests wait on these, never on sleeps. */
import { z } from 'zod';

export const Table = z.enum([
  'clients',
  'projects',
  'transactions',
  'platform',
  'settings',
  'sync',
  'actions',
  'audit',
  'invitations',
  'deals',
  'alerts',
  'views',
]);
export type Table = z.infer<typeof Table>;

export const Connectivity = z.enum(['unknown', 'online', 'offline', 'token_rejected', 'not_configured']);
export type Connectivity = z.infer<typeof Connectivity>;

export const SyncPhase = z.enum(['platform', 'clients', 'projects', 'transactions', 'done']);

export const Events = {
  'data.changed': z.object({ tables: z.array(Table) }),
  'sync.progress': z.object({
    phase: SyncPhase,
    done: z.number().int().nonnegative(),
    /** Null while the total is not known yet. */
    total: z.number().int().nonnegative().nullable(),
  }),
  connectivity: z.object({ state: Connectivity, since: z.string(), message: z.string().nullable() }),
  'actions.progress': z.object({
    batchId: z.string(),
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    pending: z.number().int(),
  }),
  /** The monthly consumption report being built (issue 7): clients written so far. */
  'report.progress': z.object({
    jobId: z.string(),
    state: z.enum(['running', 'done', 'failed']),
    done: z.number().int(),
    total: z.number().int(),
  }),
} as const;
export type EventName = keyof typeof Events;
export type EventPayload<E extends EventName> = z.infer<(typeof Events)[E]>;
export interface CoreEvent<E extends EventName = EventName> {
  event: E;
  payload: EventPayload<E>;
}
