import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `everyMs` (for "5 minutes ago" labels), and at once when the
 * window comes back (shown again, focused: e.g. after the computer slept), not up to `everyMs` late.
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const id = setInterval(tick, everyMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', tick);
    return () => {
      clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', tick);
    };
  }, [everyMs]);
  return now;
}
