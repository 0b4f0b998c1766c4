/**
 * The list's columns kept across restarts: the core's preference (views.columns) is read once per
 * window, and every change the user makes is written back shortly after (views.setColumns). A
 * saved view opened before the preference arrived keeps its own columns.
 */
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../bridge';
import { usePrefs } from '../../state/prefs';

const SAVE_AFTER_MS = 250;
let loaded = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let pending: (() => void) | null = null;

function flush(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const p = pending;
  pending = null;
  p?.();
}

export function useColumnsPref(): void {
  const pref = useQuery({ queryKey: ['views', 'columns'], queryFn: () => call('views.columns', {}) });
  useEffect(() => {
    if (loaded || !pref.data) return;
    loaded = true;
    if (usePrefs.getState().activeViewId === null) usePrefs.getState().setColumns(pref.data.columns);
  }, [pref.data]);
  useEffect(() => {
    const off = usePrefs.subscribe((s, prev) => {
      if (!loaded || s.columns === prev.columns) return;
      const columns = s.columns;
      pending = () => void call('views.setColumns', { columns }).catch(() => undefined);
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, SAVE_AFTER_MS);
    });
    window.addEventListener('pagehide', flush);
    return () => {
      off();
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);
}
