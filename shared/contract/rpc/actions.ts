/**
 * RPC methods of the client lifecycle (issue 4): invite, block, unblock, delete through a durable
 * outbox, batches and their per-client results, invitations, the audit log and exports.
 */
import { z } from 'zod';
import { method, NoInput, type MethodMap } from './define';
import { ClientRow } from './clients';
import { AppErrorCode } from './errors';
import { BulkAction, LIMITS, ResourcePolicy } from '../platform';

/** Largest selection one enqueue accepts ("select all N matching the filter"). */
export const ENQUEUE_MAX = 200_000;
/** Over this many clients the user types the number to confirm. */
export const TYPE_TO_CONFIRM_OVER = 50;

export const InviteInput = z.strictObject({
  email: z.string().max(LIMITS.email),
  name: z.string().max(LIMITS.name).optional(),
  phone: z.string().max(LIMITS.phone).optional(),
  externalId: z.string().max(LIMITS.externalId).optional(),
});
export type InviteInput = z.input<typeof InviteInput>;

export const OutboxState = z.enum(['pending', 'sending', 'ok', 'failed', 'cancelled']);
export type OutboxState = z.infer<typeof OutboxState>;

export const BatchCounts = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  sending: z.number().int(),
  ok: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
});
export type BatchCounts = z.infer<typeof BatchCounts>;

export const BatchSummary = BatchCounts.extend({
  id: z.string(),
  action: BulkAction,
  /** ISO UTC. */
  createdAt: z.string(),
  /** Clients of the selection the action did not apply to. */
  skipped: z.number().int(),
  /** The batch this one retries the failures of. */
  parentId: z.string().nullable(),
  user: z.string(),
  /** done when nothing is pending or sending. */
  done: z.boolean(),
});
export type BatchSummary = z.infer<typeof BatchSummary>;

export const BatchFilter = z.enum(['all', 'pending', 'ok', 'failed', 'cancelled']);
export type BatchFilter = z.infer<typeof BatchFilter>;

export const BatchItem = z.object({
  clientId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  state: OutboxState,
  /** The platform's error code (or offline, rate_limited, platform_error) for a failed row. */
  error: z.string().nullable(),
  attempts: z.number().int(),
  updatedAt: z.string(),
});
export type BatchItem = z.infer<typeof BatchItem>;

export const ActionsExportFormat = z.enum(['xlsx', 'csv']);
export const ActionsExportLang = z.enum(['ru', 'en']);
export const ActionsExportFile = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() });
export type ActionsExportFile = z.infer<typeof ActionsExportFile>;

export const InvitationRow = z.object({
  id: z.string(),
  clientId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  status: z.enum(['pending', 'expired']),
  sentAt: z.string(),
  expiresAt: z.string(),
  resentCount: z.number().int(),
});
export type InvitationRow = z.infer<typeof InvitationRow>;

/** An invitation written while offline, waiting to be sent (or refused when it was). */
export const QueuedInvitation = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
  state: z.enum(['pending', 'sending', 'failed']),
  /** The platform's code when it refused the invitation. */
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type QueuedInvitation = z.infer<typeof QueuedInvitation>;

/** What became of an invite: sent (the client, already in the cache) or queued until online. */
export const InviteResult = z.discriminatedUnion('queued', [
  z.object({ queued: z.literal(false), client: ClientRow }),
  z.object({ queued: z.literal(true), invitation: QueuedInvitation }),
]);
export type InviteResult = z.infer<typeof InviteResult>;

/** Client actions, and the app's own changes: a deal registered, an alert rule, a partner application sent, the connection, the settings. */
export const AuditAction = z.enum(['invite', 'block', 'unblock', 'delete', 'resend', 'revoke', 'deal', 'alert_rule', 'apply', 'connection', 'settings']);
export type AuditAction = z.infer<typeof AuditAction>;
export const AuditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  user: z.string(),
  action: AuditAction,
  batchId: z.string().nullable(),
  /** Every client id the action concerned (never truncated). */
  clientIds: z.array(z.string()),
  count: z.number().int(),
  result: BatchCounts.nullable(),
  /** A one-client action's detail (the invited email, an error code). */
  detail: z.string().nullable(),
});
export type AuditRow = z.infer<typeof AuditRow>;

const BatchId = z.string().min(1).max(64);
const Paging = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };

export const actionsMethods = {
  /**
   * Invites a client on the platform and puts it in the cache as invited; with no connection the
   * invitation is queued and sent by the outbox runner on reconnect.
   */
  'clients.invite': method(InviteInput, InviteResult),
  /**
   * Writes outbox rows and the clients' pending state in one transaction; the runner sends them.
   * Given the `selection` actions.applicable returned (the confirmation dialog's), the core uses the
   * ids it checked then; not_found when it no longer keeps them (send the ids).
   */
  'actions.enqueue': method(
    z.union([
      z.strictObject({ action: BulkAction, ids: z.array(z.string().min(1).max(LIMITS.id)).min(1).max(ENQUEUE_MAX) }),
      z.strictObject({ action: BulkAction, selection: z.string().min(1).max(64) }),
    ]),
    z.object({ batchId: z.string().nullable(), count: z.number().int(), skipped: z.number().int() }),
  ),
  /**
   * How many of these clients each action applies to (by cached status; not already queued), and a
   * `selection` naming the checked ids for the enqueue that confirms them.
   */
  'actions.applicable': method(
    z.strictObject({ ids: z.array(z.string().min(1).max(LIMITS.id)).max(ENQUEUE_MAX) }),
    z.object({ block: z.number().int(), unblock: z.number().int(), delete: z.number().int(), selected: z.number().int(), selection: z.string() }),
  ),
  'actions.batches': method(
    z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    z.object({ batches: z.array(BatchSummary) }),
  ),
  'actions.batch': method(
    z.strictObject({ batchId: BatchId, filter: BatchFilter.default('all'), ...Paging }),
    z.object({ batch: BatchSummary, rows: z.array(BatchItem), total: z.number().int() }),
  ),
  /** Cancels the rows not yet sent. */
  'actions.cancel': method(z.strictObject({ batchId: BatchId }), z.object({ cancelled: z.number().int() })),
  'actions.retryFailed': method(
    z.strictObject({ batchId: BatchId }),
    z.object({ batchId: z.string().nullable(), count: z.number().int() }),
  ),
  /** The batch's results as a file: the rows of the results filter shown (all by default). */
  'actions.export': method(
    z.strictObject({ batchId: BatchId, format: ActionsExportFormat, lang: ActionsExportLang, filter: BatchFilter.default('all') }),
    ActionsExportFile,
  ),
  /** The platform's declared consequences (from the cached GET /platform), for the confirmation. */
  'actions.policies': method(
    NoInput,
    z.object({ block: ResourcePolicy.nullable(), delete: ResourcePolicy.nullable() }),
  ),
  /** Pending and expired invitations: fetched when online, else the cached copy; and those queued offline. */
  'invitations.list': method(
    NoInput,
    z.object({
      items: z.array(InvitationRow),
      asOf: z.string().nullable(),
      offline: z.boolean(),
      /** Why the cached copy is shown (offline only): no connection, a rate limit, a refused token, none set up. */
      unavailable: AppErrorCode.nullable(),
      queued: z.array(QueuedInvitation),
    }),
  ),
  /** Removes a queued invitation not being sent (pending: it is never sent; failed: dismissed). */
  'invitations.discard': method(z.strictObject({ id: z.number().int().min(1) }), z.object({ id: z.number().int() })),
  'invitations.resend': method(z.strictObject({ id: z.string().min(1).max(LIMITS.id) }), InvitationRow),
  'invitations.revoke': method(z.strictObject({ id: z.string().min(1).max(LIMITS.id) }), z.object({ id: z.string() })),
  'audit.list': method(
    z.strictObject({ search: z.string().max(LIMITS.search).default(''), ...Paging }),
    z.object({ rows: z.array(AuditRow), total: z.number().int() }),
  ),
  'audit.export': method(z.strictObject({ format: ActionsExportFormat, lang: ActionsExportLang, search: z.string().max(LIMITS.search).default('') }), ActionsExportFile),
} satisfies MethodMap;
