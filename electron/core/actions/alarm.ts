/**
 * The runner's wait (runner.ts): a sleep of so many milliseconds (or until woken) that wake() cuts
 * short. A wake() while nothing waits is kept, so the next wait returns at once.
 */
export class Alarm {
  private ring: (() => void) | null = null;
  private rung = false;

  /** True while a wait is under way. */
  get waiting(): boolean {
    return this.ring !== null;
  }

  wake(): void {
    this.rung = true;
    const r = this.ring;
    this.ring = null;
    r?.();
  }

  /** Resolves after `ms` (Infinity: only when woken), or at once when woken since the last wait or `skip`. */
  wait(ms: number, skip = false): Promise<void> {
    if (this.rung || skip) {
      this.rung = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      let t: ReturnType<typeof setTimeout> | null = null;
      const done = () => {
        if (t) clearTimeout(t);
        if (this.ring === done) this.ring = null;
        this.rung = false;
        resolve();
      };
      if (ms !== Infinity) t = setTimeout(done, ms);
      this.ring = done;
    });
  }
}
