/** A short message at the bottom of the window (invitation sent, revoked, ...). */
import { useEffect } from 'react';
import { create } from 'zustand';
import './actions.css';

const useToastStore = create<{ text: string | null; seq: number }>(() => ({ text: null, seq: 0 }));

export function useToast(): (text: string) => void {
  return (text) => useToastStore.setState((s) => ({ text, seq: s.seq + 1 }));
}

export function Toast() {
  const { text, seq } = useToastStore();
  useEffect(() => {
    if (!text) return;
    const h = setTimeout(() => useToastStore.setState({ text: null }), 4000);
    return () => clearTimeout(h);
  }, [text, seq]);
  return text ? (
    <div className="pd-toast" role="status" aria-live="polite" data-testid="toast">
      {text}
    </div>
  ) : null;
}
