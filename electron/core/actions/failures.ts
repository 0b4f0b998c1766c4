/**
 * What a failed request means for the rows it carried: wait and re-send them with the same key
 * (offline, rate limited, the platform failing for now), or a final refusal with the platform's code;
 * and what a bulk answer says of each row.
 */
import { AppError } from '../../../shared/contract/rpc/errors';
import { ApiError } from '../partner-api/errors';
import type { BulkResult } from '../../../shared/contract/platform';
import type { ClaimRow, RowOutcome } from './claims';

export type RunnerState = 'idle' | 'sending' | 'waiting_offline' | 'waiting_rate_limit' | 'waiting_backoff' | 'stopped';
export type Outcome = RowOutcome | { kind: 'retry'; waitMs: number; why: RunnerState; server: boolean };

export interface FailureContext {
  /** The next backoff wait (it grows with each call). */
  backoff(): number;
  backoffMaxMs: number;
  /** The most attempts any of the rows has had. */
  attempts(): number;
  maxServerAttempts: number;
}

/** A bulk answer per row: its result by client id; a row the answer leaves out failed with 'no_result'. */
export function bulkOutcomes(rows: readonly ClaimRow[], res: BulkResult): Map<string, Outcome> {
  const byId = new Map(res.results.map((r) => [r.id, r]));
  const outcomes = new Map<string, Outcome>();
  for (const r of rows) {
    const x = byId.get(r.client_id);
    outcomes.set(r.client_id, !x ? { kind: 'failed', error: 'no_result' } : x.ok ? { kind: 'ok' } : { kind: 'failed', error: x.error ?? 'failed' });
  }
  return outcomes;
}

export function classifyFailure(e: unknown, c: FailureContext): Outcome {
  if (e instanceof AppError) {
    if (e.code === 'not_configured' || e.code === 'offline' || e.code === 'token_rejected') {
      return { kind: 'retry', waitMs: c.backoffMaxMs, why: 'waiting_offline', server: false };
    }
    return { kind: 'failed', error: e.code };
  }
  if (e instanceof ApiError) {
    if (e.kind === 'network' || e.kind === 'timeout') return { kind: 'retry', waitMs: c.backoff(), why: 'waiting_offline', server: false };
    // A redirecting or plain-http address: nothing was done; wait until the address is fixed.
    if (e.kind === 'redirect' || e.kind === 'insecure_address') return { kind: 'retry', waitMs: c.backoffMaxMs, why: 'waiting_offline', server: false };
    const s = e.status ?? 0;
    if (e.kind === 'http' && s === 429) {
      return { kind: 'retry', waitMs: e.retryAfterMs ?? c.backoff(), why: 'waiting_rate_limit', server: false };
    }
    if (e.kind === 'http' && s === 401) return { kind: 'retry', waitMs: c.backoffMaxMs, why: 'waiting_offline', server: false };
    if (e.kind === 'bad_response' || s >= 500) {
      if (c.attempts() >= c.maxServerAttempts) return { kind: 'failed', error: 'platform_error' };
      return { kind: 'retry', waitMs: c.backoff(), why: 'waiting_backoff', server: true };
    }
    return { kind: 'failed', error: e.code ?? `http_${s}` };
  }
  // A programming or parsing error: do not loop on it forever.
  if (c.attempts() >= c.maxServerAttempts) return { kind: 'failed', error: 'internal' };
  return { kind: 'retry', waitMs: c.backoff(), why: 'waiting_backoff', server: true };
}
