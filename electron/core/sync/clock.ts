/**
 * The platform's clock, as the core uses it for every time that matters (when the cache was
 * last synced, the ledger window, "today" of the balance screens): the local clock plus the
 * offset measured from the `Date` header of the platform's answers.
 *
 * A `Date` header has whole seconds and arrives after a network delay, so an offset under
 * APPLY_MS is noise and is not applied; from DISAGREE_MS on the app tells the user their clock
 * disagrees with the platform's. The offset follows the latest answer (the median of the last
 * few, so one slow answer does not move it).
 */
export const APPLY_MS = 5_000;
export const DISAGREE_MS = 3 * 60_000;
const SAMPLES = 5;

export class PlatformClock {
  private readonly local: () => number;
  private samples: number[] = [];
  private measuredAt: number | null = null;

  constructor(local: () => number = Date.now) {
    this.local = local;
  }

  /** One answer: its Date header, and the local times the request left and the answer came. */
  sample(dateHeader: string | null, sentAt: number, receivedAt: number): void {
    if (!dateHeader) return;
    const platform = Date.parse(dateHeader);
    if (!Number.isFinite(platform)) return;
    // The header is truncated to the second: its middle is half a second later.
    const offset = platform + 500 - (sentAt + receivedAt) / 2;
    this.samples.push(offset);
    if (this.samples.length > SAMPLES) this.samples.shift();
    this.measuredAt = receivedAt;
  }

  /** The platform's time minus the local clock (ms), or null before any answer. */
  offsetMs(): number | null {
    if (this.samples.length === 0) return null;
    const s = [...this.samples].sort((a, b) => a - b);
    return Math.round(s[Math.floor(s.length / 2)] as number);
  }

  /** The offset that is applied: 0 inside the noise of the measurement. */
  appliedOffsetMs(): number {
    const o = this.offsetMs();
    return o !== null && Math.abs(o) >= APPLY_MS ? o : 0;
  }

  /** Now, by the platform's clock where it is known, else the local one. */
  now(): number {
    return this.local() + this.appliedOffsetMs();
  }

  localNow(): number {
    return this.local();
  }

  status(): { offsetMs: number | null; measuredAt: string | null; disagrees: boolean } {
    const o = this.offsetMs();
    return {
      offsetMs: o,
      measuredAt: this.measuredAt === null ? null : new Date(this.measuredAt).toISOString(),
      disagrees: o !== null && Math.abs(o) >= DISAGREE_MS,
    };
  }
}
