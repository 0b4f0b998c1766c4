/**
 * A short message at the bottom of the window (invitation sent, revoked, an error). Given as a
 * catalogue key with its parameters, it follows a language switch while it is on screen.
 * `<Toast />` is mounted once by the app shell; anything calls `useToast()` to show one.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';

type Message = string | { key: string; params?: Record<string, string | number> };
const useToastStore = create<{ msg: Message | null; seq: number }>(() => ({ msg: null, seq: 0 }));

export function useToast(): (msg: Message) => void {
  return (msg) => useToastStore.setState((s) => ({ msg, seq: s.seq + 1 }));
}

export function Toast() {
  const { t } = useTranslation();
  const { msg, seq } = useToastStore();
  useEffect(() => {
    if (!msg) return;
    const h = setTimeout(() => useToastStore.setState({ msg: null }), 4000);
    return () => clearTimeout(h);
  }, [msg, seq]);
  if (!msg) return null;
  return (
    <div className="toast" role="status" aria-live="polite" data-testid="toast">
      {typeof msg === 'string' ? msg : t(msg.key, msg.params ?? {})}
    </div>
  );
}
