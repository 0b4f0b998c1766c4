/**
 * The outbox runner: sends open outbox rows in order and records a result per client.
 *
 * - Rows go out oldest first. A chunk is up to 500 pending rows of one batch; it is claimed
 *   (state 'sending', chunk_key = its Idempotency-Key, attempts + 1) in one transaction BEFORE the
 *   request leaves. The key is derived from the rows' own keys, so a process killed mid-request
 *   finds the same rows in 'sending' on restart and re-sends the same body with the same key: the
 *   platform replays its answer instead of applying the action twice.
 * - Within a batch, the next chunk is claimed while the previous one is in flight and sent as soon as
 *   that answer arrives, before the answer is recorded (the bookkeeping overlaps the network; one
 *   request in flight at a time but for that overlap; never across batches, so no client's actions
 *   are reordered). A claim whose request never left (the runner stops, waits, or the batch is
 *   cancelled) is given back: its rows are pending again. A new batch's first chunk is claimed in
 *   the enqueue's own transaction when the runner is idle (sendClaimed).
 * - A chunk of one row (or any chunk once the platform has no bulk endpoint) goes per client with
 *   bounded concurrency, each request with the row's own key.
 * - 429 waits Retry-After; 5xx and malformed answers back off exponentially with jitter and give up
 *   after maxServerAttempts (the rows fail with 'platform_error'); network errors and a missing or
 *   rejected connection wait (capped backoff, or until wake()) without limit: offline rows stay
 *   queued. Other refusals fail the rows with the platform's code.
 * - Each answer is applied in one transaction: row states, the cache (status, or removal on
 *   delete), the audit entry's result; then actions.progress and data.changed are emitted.
 * - Invitations queued offline (invite-outbox.ts) go first, one at a time with their own key,
 *   classified the same way: a refusal fails the invite, no connection keeps it queued.
 *
 * This file is the send loop and the bulk path; queued invitations and the per-client path are in
 * send.ts, the classification of failures in failures.ts, every statement over the outbox in
 * outbox.ts, claims.ts and staged.ts.
 */
import type { BulkAction, BulkResult } from '../../../shared/contract/platform';
import { ApiError, localFault } from '../partner-api/errors';
import { chunkKeyOf } from './outbox';
import { bulkOutcomes, classifyFailure, type Outcome, type RunnerState } from './failures';
import { settleStaged } from './staged';
import {
  checkpointLog, claimedRows, dropChunkKey, hasOpenRows, markSending, maxAttempts,
  oldestOpenRow, pendingRows, reclaimSending, recordOutcomes, releaseClaim, type ClaimRow,
} from './claims';
import { hasOpenInvites } from './invite-outbox';
import { sendPerClient, sendQueuedInvite, type ActionsApi, type RunnerDeps } from './send';
import { Alarm } from './alarm';

export type { ActionsApi, RunnerDeps };

export interface RunnerOptions {
  chunkSize?: number;
  concurrency?: number;
  maxServerAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** 'bulk' (default) uses POST /clients/bulk for chunks of 2+; 'single' always goes per client. */
  mode?: 'bulk' | 'single';
}

export type { RunnerState };

interface Claim {
  batchId: string;
  action: BulkAction;
  chunkKey: string | null;
  rows: ClaimRow[];
  /** The request, when it was started early (the next chunk of a batch goes out before the last answer is recorded). */
  req?: Promise<BulkResult>;
  /** The enqueue's claim: its rows' seq are read back once the request has left (a staged batch's rows are written then). */
  staged?: boolean;
}

export { chunkKeyOf };

export class ActionRunner {
  private readonly deps: RunnerDeps;
  private readonly chunkSize: number;
  private readonly concurrency: number;
  private readonly maxServerAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private bulkSupported: boolean;
  private loopDone: Promise<void> | null = null;
  private stopped = false;
  private readonly alarm = new Alarm();
  private idleWaiters: (() => void)[] = [];
  private streak = 0;
  private prefetched: Claim | null = null;
  /** The batch's next chunk, claimed while the current one is in flight; its request starts at that answer. */
  private ahead: Claim | null = null;
  /** Answers were recorded since the runner was last idle. */
  private recorded = false;
  state: RunnerState = 'idle';

  constructor(deps: RunnerDeps, opts: RunnerOptions = {}) {
    this.deps = deps;
    this.chunkSize = opts.chunkSize ?? 500;
    this.concurrency = opts.concurrency ?? 8;
    this.maxServerAttempts = opts.maxServerAttempts ?? 6;
    this.backoffBaseMs = opts.backoffBaseMs ?? 500;
    this.backoffMaxMs = opts.backoffMaxMs ?? 30_000;
    this.bulkSupported = (opts.mode ?? 'bulk') === 'bulk';
  }

  start(): void {
    if (this.loopDone) return;
    this.stopped = false;
    this.loopDone = this.loop().catch((e: unknown) => {
      console.error('[actions] runner stopped on an unexpected error', e);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loopDone;
    this.loopDone = null;
    this.state = 'stopped';
  }

  /** New rows, a reconnect, a new connection: look again now instead of after the wait. */
  wake(): void {
    this.alarm.wake();
  }

  /**
   * New rows were just committed (an enqueue): when the runner is waiting with nothing to do, the
   * batch's first chunk is claimed (its own transaction, committed before the request starts) and
   * its request started now, before the caller tells the UI; otherwise the same as wake().
   */
  sendSoon(): void {
    const db = this.deps.db;
    if (this.free()) {
      const first = oldestOpenRow(db);
      if (first && first.state === 'pending') {
        const claim = db.transaction(() => this.claimPending(first.batch_id, first.action, this.deps.now())).immediate();
        this.prefetched = claim && this.started(claim);
      }
    }
    this.wake();
  }

  /**
   * The chunk size a new batch's enqueue may claim at once (EnqueueResult.claimed), when the runner
   * is waiting with nothing to do and nothing older is queued; 0 otherwise.
   */
  firstChunkSize(): number {
    return this.free() && !hasOpenRows(this.deps.db) ? this.chunkSize : 0;
  }

  /** Waiting with nothing to do, no invitation queued: a chunk may be claimed and sent at once. */
  private free(): boolean {
    return this.state === 'idle' && this.alarm.waiting && !this.prefetched && !this.stopped && this.bulkSupported && !hasOpenInvites(this.deps.db);
  }

  /** Starts the request of a chunk the enqueue claimed (after firstChunkSize, in the same turn). */
  sendClaimed(batchId: string, action: BulkAction, claimed: { rows: ClaimRow[]; chunkKey: string }): void {
    this.prefetched = this.started({ batchId, action, chunkKey: claimed.chunkKey, rows: claimed.rows, staged: true });
    this.wake();
  }

  /** A cancel is coming for this batch: the chunk claimed ahead, not sent, goes back to pending so it is cancelled too. */
  releaseAhead(batchId?: string): void {
    const a = this.ahead;
    if (!a || (batchId !== undefined && a.batchId !== batchId)) return;
    this.ahead = null;
    this.deps.db.transaction(() => releaseClaim(this.deps.db, a.batchId, a.rows)).immediate();
  }

  /** Resolves once no row is pending or sending and the runner has nothing in flight. */
  whenIdle(): Promise<void> {
    settleStaged(this.deps.db);
    if (this.state === 'idle' && !hasOpenRows(this.deps.db) && !hasOpenInvites(this.deps.db)) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      if (!this.prefetched) {
        const inv = await this.sendInvite();
        if (inv.sent) {
          if (inv.retry) {
            this.state = inv.retry.why;
            await this.alarm.wait(inv.retry.waitMs, this.stopped);
          } else {
            this.streak = 0;
          }
          continue;
        }
      }
      let claim: Claim | null;
      try {
        claim = this.prefetched ?? this.claim();
      } catch (e) {
        // A staged batch whose rows do not fit on a full disk: wait for room, as below.
        const retry = this.diskFull(e);
        this.state = retry.why;
        await this.alarm.wait(retry.waitMs, this.stopped);
        continue;
      }
      this.prefetched = null;
      if (!claim) {
        this.state = 'idle';
        this.streak = 0;
        // Idle after sending: the next batch's commits do not meet the automatic checkpoint.
        if (this.recorded) this.recorded = !checkpointLog(this.deps.db);
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const w of waiters) w();
        await this.alarm.wait(Infinity, this.stopped);
        continue;
      }
      this.state = 'sending';
      let retry: Extract<Outcome, { kind: 'retry' }> | null;
      try {
        retry = claim.chunkKey ? await this.sendBulk(claim) : await this.sendSingle(claim);
      } catch (e) {
        retry = this.diskFull(e);
      }
      if (retry) {
        this.state = retry.why;
        await this.alarm.wait(retry.waitMs, this.stopped);
      } else {
        this.streak = 0;
      }
    }
  }

  /**
   * A full disk while writing a staged batch's rows or recording an answer: the rows stay (staged, or
   * 'sending' with their key) and are sent again (the platform replays its answer) once a write goes
   * through. Anything else is rethrown.
   */
  private diskFull(e: unknown): Extract<Outcome, { kind: 'retry' }> {
    if (localFault(e)?.code !== 'disk_full') throw e;
    this.deps.localFault?.(e);
    this.prefetched = null;
    this.streak++;
    return { kind: 'retry', waitMs: Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** Math.min(10, this.streak)), why: 'waiting_backoff', server: false };
  }

  /** Sends the oldest queued invitation, if there is one; its retry when it has to wait (./send). */
  private sendInvite(): Promise<{ sent: boolean; retry: Extract<Outcome, { kind: 'retry' }> | null }> {
    return sendQueuedInvite({
      ...this.deps,
      classify: (e) => this.classify(e, []),
      maxServerAttempts: this.maxServerAttempts,
      sending: () => (this.state = 'sending'),
    });
  }

  /** The next rows to send: a chunk left in 'sending' by a previous run first, else new pending rows. */
  private claim(): Claim | null {
    const db = this.deps.db;
    settleStaged(db);
    const first = oldestOpenRow(db);
    if (!first) return null;
    const now = this.deps.now();
    return db.transaction((): Claim => {
      if (first.state !== 'sending') return this.claimPending(first.batch_id, first.action, now) as Claim;
      const chunkKey = first.chunk_key;
      const rows = reclaimSending(db, first.batch_id, chunkKey, this.chunkSize, now);
      return { batchId: first.batch_id, action: first.action, chunkKey, rows };
    }).immediate();
  }

  /** Marks the batch's next pending rows (up to a chunk) as sending, with the chunk's key. */
  private claimPending(batchId: string, action: BulkAction, now: number): Claim | null {
    const rows = pendingRows(this.deps.db, batchId, this.chunkSize);
    if (rows.length === 0) return null;
    const chunkKey = this.bulkSupported && rows.length > 1 ? chunkKeyOf(action, rows.map((r) => r.idempotency_key)) : null;
    markSending(this.deps.db, batchId, rows, chunkKey, now);
    return { batchId, action, chunkKey, rows };
  }

  /**
   * After a chunk's answer and before recording it: claim and send the batch's next chunk, so the
   * bookkeeping overlaps the network. Only within one batch (its clients are distinct), so no
   * client's actions are reordered; a crash leaves both chunks 'sending' with their keys.
   */
  private prefetchNext(claim: Claim): void {
    if (!this.bulkSupported || this.stopped) return;
    const next = this.deps.db.transaction(() => this.claimPending(claim.batchId, claim.action, this.deps.now())).immediate();
    if (next) this.prefetched = this.started(next);
  }

  /** The claim with its bulk request started (a keyed chunk; a single row goes per client in the loop). */
  private started(claim: Claim): Claim {
    if (claim.chunkKey) {
      let req: Promise<BulkResult>;
      try {
        req = this.deps.api().bulk(claim.action, claim.rows.map((r) => r.client_id), claim.chunkKey);
      } catch (e) {
        req = Promise.reject(e); // no connection set up: the loop classifies it like any failed request
      }
      req.catch(() => {}); // awaited by the loop; a rejection is handled there
      claim.req = req;
    }
    return claim;
  }

  /** While a chunk is in flight: claim the batch's next one, to send at the answer; true when none was left. */
  private claimAhead(claim: Claim): boolean {
    if (!this.bulkSupported || this.stopped || this.ahead) return false;
    const next = this.deps.db.transaction(() => this.claimPending(claim.batchId, claim.action, this.deps.now())).immediate();
    if (next?.chunkKey) this.ahead = next;
    else if (next) releaseClaim(this.deps.db, next.batchId, next.rows);
    return next === null;
  }

  private async sendBulk(claim: Claim): Promise<Extract<Outcome, { kind: 'retry' }> | null> {
    let res: BulkResult;
    const req = (claim.req ? claim : this.started(claim)).req!;
    await new Promise<void>((r) => setImmediate(r)); // fetch writes the request on a later tick
    if (claim.staged) {
      // The enqueue's batch: its rows are written now (when staged), while the request is in flight.
      settleStaged(this.deps.db);
      claim.rows = claimedRows(this.deps.db, claim.chunkKey!);
      claim.staged = false;
    }
    let last: boolean;
    try {
      last = this.claimAhead(claim);
      res = await req;
    } catch (e) {
      this.releaseAhead();
      if (e instanceof ApiError && e.kind === 'http' && (e.status === 404 || e.status === 405) && !e.code) {
        // No bulk endpoint on this platform: the same rows go per client.
        this.bulkSupported = false;
        dropChunkKey(this.deps.db, claim.chunkKey);
        return { kind: 'retry', waitMs: 0, why: 'sending', server: false };
      }
      const o = this.classify(e, claim.rows);
      if (o.kind === 'retry') return o;
      this.apply(claim, new Map(claim.rows.map((r) => [r.client_id, o])));
      return null;
    }
    const outcomes = bulkOutcomes(claim.rows, res);
    const ahead = this.ahead;
    this.ahead = null;
    if (ahead && !this.stopped) {
      this.prefetched = this.started(ahead);
    } else if (ahead) {
      this.deps.db.transaction(() => releaseClaim(this.deps.db, ahead.batchId, ahead.rows)).immediate();
    } else if (!last) {
      this.prefetchNext(claim);
    }
    // Let the next request leave before the bookkeeping of this answer (fetch writes it on a later tick).
    if (this.prefetched?.req) await new Promise<void>((r) => setImmediate(r));
    this.apply(claim, outcomes);
    return null;
  }

  /** A chunk per client (./send): the settled outcomes recorded, the longest wait of the others. */
  private async sendSingle(claim: Claim): Promise<Extract<Outcome, { kind: 'retry' }> | null> {
    const outcomes = await sendPerClient(this.deps.api(), claim.action, claim.rows, {
      concurrency: this.concurrency,
      stopped: () => this.stopped,
      classify: (e, rows) => this.classify(e, rows),
    });
    const settled = new Map([...outcomes].filter(([, o]) => o.kind !== 'retry'));
    if (settled.size) this.apply(claim, settled);
    let retry: Extract<Outcome, { kind: 'retry' }> | null = null;
    for (const o of outcomes.values()) if (o.kind === 'retry' && (!retry || o.waitMs > retry.waitMs)) retry = o;
    if (!retry && outcomes.size < claim.rows.length) retry = { kind: 'retry', waitMs: 0, why: 'sending', server: false };
    return retry;
  }

  private backoff(): number {
    const ms = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** Math.min(this.streak, 16));
    this.streak++;
    return Math.round(ms / 2 + Math.random() * (ms / 2));
  }

  /** What a failure means for these rows (./failures). */
  private classify(e: unknown, rows: ClaimRow[]): Outcome {
    return classifyFailure(e, {
      backoff: () => this.backoff(),
      backoffMaxMs: this.backoffMaxMs,
      attempts: () => maxAttempts(this.deps.db, rows),
      maxServerAttempts: this.maxServerAttempts,
    });
  }

  /** Records settled outcomes and their effect on the cache in one transaction, then tells the UI. */
  private apply(claim: Claim, outcomes: Map<string, Outcome>): void {
    const counts = recordOutcomes(this.deps.db, claim, outcomes, this.deps.now());
    this.recorded = true;
    this.deps.emit('actions.progress', {
      batchId: claim.batchId,
      total: counts.total,
      done: counts.ok + counts.failed + counts.cancelled,
      failed: counts.failed,
      pending: counts.pending + counts.sending,
    });
    this.deps.changed(['clients', 'actions', 'audit']);
    if (counts.pending + counts.sending === 0) this.deps.requestSync?.('actions');
  }
}
