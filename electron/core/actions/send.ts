/**
 * The runner's requests apart from the bulk path (runner.ts): a queued invitation, one at a time
 * with its own key, and a chunk's rows per client with bounded concurrency, each with the row's own
 * key. Both classify a failure as the runner does (failures.ts). Also what the runner is given
 * (RunnerDeps) and needs of the platform (ActionsApi).
 */
import type Database from 'better-sqlite3';
import type { BulkAction, BulkResult, Client, InviteBody } from '../../../shared/contract/platform';
import type { CoreContext } from '../context';
import type { ClaimRow } from './claims';
import type { Outcome } from './failures';
import { claimInvite, releaseInvite, settleInvite } from './invite-outbox';

/** What the runner needs of the platform client (PartnerApi satisfies it). */
export interface ActionsApi {
  bulk(action: BulkAction, ids: string[], idempotencyKey?: string): Promise<BulkResult>;
  block(id: string, idempotencyKey?: string): Promise<Client>;
  unblock(id: string, idempotencyKey?: string): Promise<Client>;
  deleteClient(id: string, idempotencyKey?: string): Promise<{ id: string; deleted_at: string }>;
  invite(body: InviteBody, idempotencyKey?: string): Promise<Client>;
}

/** What the runner is given: the database, the platform, the events it emits, the clock. */
export interface RunnerDeps {
  db: Database.Database;
  api(): ActionsApi;
  emit: CoreContext['emit'];
  changed: CoreContext['changed'];
  now(): number;
  requestSync?(reason: string): void;
  /** Told of a failure of the machine (a full disk) that made the runner wait instead of stopping. */
  localFault?(e: unknown): void;
}

type Retry = Extract<Outcome, { kind: 'retry' }>;

/**
 * Sends the oldest queued invitation, if there is one (`sending` is called before its request):
 * a sent one is settled, a refusal fails it, a wait gives it back; the wait when it has to.
 */
export async function sendQueuedInvite(d: {
  db: Database.Database;
  api(): ActionsApi;
  now(): number;
  changed: CoreContext['changed'];
  requestSync?(reason: string): void;
  classify(e: unknown): Outcome;
  maxServerAttempts: number;
  sending(): void;
}): Promise<{ sent: boolean; retry: Retry | null }> {
  const claim = claimInvite(d.db, d.now());
  if (!claim) return { sent: false, retry: null };
  d.sending();
  let outcome: Outcome;
  try {
    const client = await d.api().invite(claim.body, claim.key);
    settleInvite(d.db, claim.seq, { kind: 'ok', client }, d.now());
    d.changed(['clients', 'invitations', 'audit']);
    d.requestSync?.('invite');
    return { sent: true, retry: null };
  } catch (e) {
    outcome = d.classify(e);
  }
  if (outcome.kind === 'retry' && outcome.server && claim.attempts >= d.maxServerAttempts) outcome = { kind: 'failed', error: 'platform_error' };
  if (outcome.kind === 'retry') {
    releaseInvite(d.db, claim.seq, d.now());
    d.changed(['invitations']);
    return { sent: true, retry: outcome };
  }
  settleInvite(d.db, claim.seq, { kind: 'failed', error: outcome.kind === 'failed' ? outcome.error : 'failed' }, d.now());
  d.changed(['invitations', 'audit']);
  return { sent: true, retry: null };
}

/** Sends each row on its own (`concurrency` at a time, until `stopped`); the outcome per client id. */
export async function sendPerClient(
  api: ActionsApi,
  action: BulkAction,
  rows: readonly ClaimRow[],
  opts: { concurrency: number; stopped(): boolean; classify(e: unknown, rows: ClaimRow[]): Outcome },
): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  let next = 0;
  const worker = async () => {
    while (next < rows.length && !opts.stopped()) {
      const row = rows[next++]!;
      try {
        await sendOne(api, action, row);
        outcomes.set(row.client_id, { kind: 'ok' });
      } catch (e) {
        outcomes.set(row.client_id, opts.classify(e, [row]));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, rows.length) }, worker));
  return outcomes;
}

function sendOne(api: ActionsApi, action: BulkAction, row: ClaimRow): Promise<unknown> {
  if (action === 'block') return api.block(row.client_id, row.idempotency_key);
  if (action === 'unblock') return api.unblock(row.client_id, row.idempotency_key);
  return api.deleteClient(row.client_id, row.idempotency_key);
}
