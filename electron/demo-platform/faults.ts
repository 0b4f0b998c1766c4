/**
 * Injected faults (POST /__demo/faults), applied to /partner/api/v1/* only. The dice are a seeded
 * PRNG, so a run with the same faults and requests is repeatable.
 * - latency_ms: every answer waits this long first;
 * - reset_rate: the connection is destroyed before the request is handled (nothing applied);
 * - rate_limit_rate: 429 rate_limited with Retry-After: retry_after_s (nothing applied);
 * - error_rate: 503 internal (nothing applied);
 * - malformed_rate: the request is handled, and the answer is truncated JSON with status 200.
 */
import type { ServerResponse } from 'node:http';
import type { DemoFaults } from '../../shared/contract/platform';
import { envelope, sendJson } from './http';
import { rng, type Rng } from './prng';

export const NO_FAULTS: DemoFaults = {
  latency_ms: 0,
  error_rate: 0,
  rate_limit_rate: 0,
  retry_after_s: 1,
  reset_rate: 0,
  malformed_rate: 0,
};

export class Faults {
  current: DemoFaults = { ...NO_FAULTS };
  private dice: Rng;
  constructor(seed: number) {
    this.dice = rng(seed ^ 0x5eed);
  }
  set(f: DemoFaults): void {
    this.current = { ...f };
  }

  /** Before handling: true when the fault already answered (or killed) the request. */
  async before(res: ServerResponse): Promise<boolean> {
    const f = this.current;
    if (f.latency_ms > 0) await new Promise((r) => setTimeout(r, f.latency_ms));
    if (f.reset_rate > 0 && this.dice.next() < f.reset_rate) {
      res.socket?.destroy();
      return true;
    }
    if (f.rate_limit_rate > 0 && this.dice.next() < f.rate_limit_rate) {
      sendJson(res, 429, envelope('rate_limited', 'Too many requests'), { 'retry-after': String(f.retry_after_s) });
      return true;
    }
    if (f.error_rate > 0 && this.dice.next() < f.error_rate) {
      sendJson(res, 503, envelope('internal', 'The platform is temporarily unavailable'));
      return true;
    }
    return false;
  }

  /** After handling: whether to send this answer truncated. */
  malformed(): boolean {
    return this.current.malformed_rate > 0 && this.dice.next() < this.current.malformed_rate;
  }
}
