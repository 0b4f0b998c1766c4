/**
 * The rows of a long list of equal-height rows that are on screen (plus `overscan` either side),
 * from the scroll position alone: no per-row measurement, so a list of any length costs the same
 * when its length changes (a general virtualizer lays out every row's position again then).
 * Positions are from the top of the scroll element, as `start` of each row.
 */
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

export interface FixedRow {
  index: number;
  start: number;
}

export function useFixedRows(opts: {
  count: number;
  rowHeight: number;
  overscan: number;
  scrollRef: RefObject<HTMLElement | null>;
  onRange?(first: number, last: number): void;
}): { rows: FixedRow[]; totalSize: number } {
  const { count, rowHeight, overscan, scrollRef, onRange } = opts;
  const [view, setView] = useState({ top: 0, height: 0 });
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const read = () => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    read();
    el.addEventListener('scroll', read, { passive: true });
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      ro.disconnect();
    };
  }, [scrollRef]);
  const visibleFirst = Math.floor(view.top / rowHeight);
  const visibleLast = Math.ceil((view.top + view.height) / rowHeight);
  const first = Math.max(0, Math.min(count - 1, visibleFirst - overscan));
  const last = Math.min(count - 1, visibleLast + overscan);
  useEffect(() => {
    if (count > 0) onRange?.(first, last);
  }, [first, last, count, onRange]);
  const rows: FixedRow[] = [];
  for (let i = first; i <= last; i++) rows.push({ index: i, start: i * rowHeight });
  return { rows, totalSize: count * rowHeight };
}
