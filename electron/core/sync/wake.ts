/**
 * Notices that the machine slept (or the process was paused): a light timer that expects to run
 * every `periodMs`; when the wall clock says much more time passed between two runs, the
 * process was not running in between. Timers that came due during the sleep fire once on wake
 * (Node does not repeat them), so the scheduler needs only one nudge, which this gives.
 */
export interface WakeWatch {
  stop(): void;
}

export function watchWake(onWake: (sleptMs: number) => void, periodMs = 10_000, clock: () => number = Date.now): WakeWatch {
  const threshold = Math.max(3 * periodMs, periodMs + 2_000);
  let last = clock();
  const timer = setInterval(() => {
    const t = clock();
    const gap = t - last;
    last = t;
    if (gap > threshold) onWake(gap - periodMs);
  }, periodMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
