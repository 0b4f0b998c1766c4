/**
 * RPC methods of what only this app holds and of the machine's own faults: the health of the
 * data folder (a rebuilt cache, a damaged one, the local clock against the platform's, the daily
 * copies), and "Export my local data" / import of that file on another machine.
 */
import { z } from 'zod';
import { LIMITS } from '../platform';
import { method, NoInput } from './define';

const Iso = z.string().max(40);
const Id = z.string().min(1).max(100);
const Int = z.number().int();
const Action = z.enum(['block', 'unblock', 'delete']);

/** One file with every local-only table: what "Export my local data" writes and import reads. */
export const LocalDataFile = z.strictObject({
  format: z.literal('partner-desk-local-data'),
  version: z.literal(1),
  exportedAt: Iso,
  appVersion: z.string().max(50),
  preferences: z
    .array(z.strictObject({ key: z.string().regex(/^(settings|connection)\.[A-Za-z.]+$/).max(100), value: z.string().max(2000) }))
    .max(100),
  batches: z.array(
    z.strictObject({
      id: Id,
      action: Action,
      created_at: Int,
      total: Int.nonnegative(),
      skipped: Int.nonnegative(),
      parent_id: Id.nullable(),
      user: z.string().max(200),
      audit_id: Int.nullable(),
    }),
  ),
  outbox: z.array(
    z.strictObject({
      batch_id: Id,
      client_id: Id,
      action: Action,
      idempotency_key: Id,
      state: z.enum(['pending', 'sending', 'ok', 'failed', 'cancelled']),
      chunk_key: Id.nullable(),
      attempts: Int.nonnegative(),
      error: z.string().max(2000).nullable(),
      created_at: Int,
      updated_at: Int,
    }),
  ),
  auditLog: z.array(
    z.strictObject({
      id: Int,
      at: Int,
      user: z.string().max(200),
      action: z.string().max(50),
      batch_id: Id.nullable(),
      client_ids: z.string().max(20_000_000),
      client_count: Int.nonnegative(),
      result: z.string().max(10_000).nullable(),
      detail: z.string().max(10_000).nullable(),
      search_text: z.string().max(20_000_000),
    }),
  ),
  alertRules: z
    .array(
      z.strictObject({
        scope: Id,
        threshold_minor: Int.nullable(),
        negative: z.union([z.literal(0), z.literal(1)]),
        freeze_days: Int.min(1).max(365).nullable(),
      }),
    )
    .max(1_000_000),
  dealFeedback: z.array(
    z.strictObject({ deal_id: Id, month: z.string().regex(/^\d{4}-\d{2}$/), note: z.string().max(10_000), at: Iso }),
  ),
  /** Saved views of the client list (absent in files written before views existed). */
  savedViews: z
    .array(
      z.strictObject({
        id: Id,
        position: Int,
        name: z.string().max(200).nullable(),
        default_key: z.string().max(40).nullable(),
        spec: z.string().max(20_000),
        created_at: Int,
        updated_at: Int,
      }),
    )
    .max(1000)
    .default([]),
  /**
   * Invitations queued while offline, not yet sent or refused by the platform (absent in files
   * written before invitations could be queued). The body is checked again by the contract when sent.
   */
  inviteOutbox: z
    .array(
      z.strictObject({
        email: z.string().min(1).max(LIMITS.email),
        name: z.string().max(LIMITS.name).nullable(),
        phone: z.string().max(LIMITS.phone).nullable(),
        external_id: z.string().max(LIMITS.externalId).nullable(),
        idempotency_key: Id,
        state: z.enum(['pending', 'sending', 'failed']),
        attempts: Int.nonnegative(),
        error: z.string().max(2000).nullable(),
        audit_id: Int.nullable(),
        created_at: Int,
        updated_at: Int,
      }),
    )
    .max(100_000)
    .default([]),
});
export type LocalDataFile = z.infer<typeof LocalDataFile>;

export const LocalDataCounts = z.object({
  preferences: Int,
  pendingActions: Int,
  batches: Int,
  auditEntries: Int,
  alertRules: Int,
  dealNotes: Int,
  savedViews: Int.default(0),
  pendingInvitations: Int.default(0),
});
export type LocalDataCounts = z.infer<typeof LocalDataCounts>;

export const CacheRebuilt = z.object({
  at: Iso,
  damage: z.string(),
  detail: z.string(),
  movedTo: z.string(),
  kept: z.object({ pendingActions: Int, pendingInvitations: Int.default(0), auditEntries: Int, alertRules: Int, dealNotes: Int, preferences: Int, savedViews: Int.default(0) }),
  unreadable: z.array(z.string()),
});

export const Health = z.object({
  /** The cache was found damaged at start and rebuilt (until the user dismisses the notice). */
  cacheRebuilt: CacheRebuilt.nullable(),
  /** A damaged page was met while running: the next start rebuilds the cache. */
  cacheDamaged: z.boolean(),
  /** A write failed for want of disk space (ISO time of the first), until a write goes through again. */
  diskFullSince: Iso.nullable(),
  clock: z.object({
    /** The platform's clock minus the local one, ms (null before the first answer). */
    offsetMs: Int.nullable(),
    measuredAt: Iso.nullable(),
    /** More than a few minutes apart: the app says so. */
    disagrees: z.boolean(),
  }),
  backups: z.object({ latest: z.string().nullable(), count: Int, error: z.string().nullable() }),
});
export type Health = z.infer<typeof Health>;

export const localMethods = {
  'app.health': method(NoInput, Health),
  'app.dismissNotice': method(z.strictObject({ notice: z.enum(['cacheRebuilt']) }), z.object({ ok: z.literal(true) })),
  'localData.export': method(NoInput, z.object({ fileName: z.string(), mime: z.string(), base64: z.string() })),
  /** The file's text; merged into this machine's local data (nothing already here is replaced). */
  'localData.import': method(z.strictObject({ text: z.string().max(200_000_000) }), z.object({ added: LocalDataCounts })),
  /**
   * "Forget this partner": the platform token (removed by the host), the whole cache, the audit
   * log and every local copy of them go; only after the person typed the confirmation.
   */
  'localData.forget': method(z.strictObject({ confirmed: z.literal(true) }), z.object({ ok: z.literal(true) })),
};
