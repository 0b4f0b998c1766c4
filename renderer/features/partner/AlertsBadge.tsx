/**
 * The alerts nav item's badge (unseen alerts and deals due for feedback) and the desktop
 * notifications: it is always mounted in the header, reads `alerts.summary` (re-read on
 * data.changed for clients, transactions, alerts and deals), and shows a web Notification for
 * alerts not notified yet when the user allowed them (browser mode; the desktop app's main
 * process notifies natively, electron/main/balance-alerts.ts).
 */
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { bridgeMode, call, onEvent } from '../../bridge';
import { useLang } from '../../ui/format';
import { alertDetail } from '../../../shared/i18n/alert-text';

export const alertsKey = ['alerts', 'list'] as const;
const summaryKey = ['alerts', 'summary'] as const;

export function useAlerts() {
  return useQuery({ queryKey: alertsKey, queryFn: () => call('alerts.list', {}) });
}

function notificationsAllowed(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

export default function AlertsBadge() {
  const { t } = useTranslation();
  const lang = useLang();
  // The counts and the first few new alerts, not every alert: the header is on every screen.
  const alerts = useQuery({ queryKey: summaryKey, queryFn: () => call('alerts.summary', {}) });
  const qc = useQueryClient();
  // Alerts depend on the clients, the ledger and the deals too: re-read when those change.
  useEffect(
    () =>
      onEvent((e) => {
        const again = () => void qc.invalidateQueries({ queryKey: ['alerts'] });
        if (e.event === 'sync.progress' && (e.payload as { phase: string }).phase === 'done') again();
        if (e.event !== 'data.changed') return;
        const { tables } = e.payload as { tables: string[] };
        if (tables.some((x) => x === 'alerts' || x === 'deals')) again();
      }),
    [qc],
  );

  const summary = alerts.data;
  useEffect(() => {
    // The desktop app's main process shows them as native notifications (also while hidden).
    if (!summary || bridgeMode === 'desktop') return;
    const { fresh, freshCount } = summary;
    if (!freshCount || !notificationsAllowed()) return;
    const title = t('partner:alerts.notifyTitle');
    try {
      if (freshCount <= fresh.length) {
        for (const a of fresh) new Notification(title, { body: t('partner:alerts.notifyOne', { client: a.name ?? a.email, what: alertDetail(t, a, lang) }), tag: a.id });
      } else {
        new Notification(title, { body: t('partner:alerts.notifyMany', { count: freshCount }), tag: 'partner-desk-alerts' });
      }
    } catch {
      /* notifications unavailable here */
    }
    void call('alerts.notified', freshCount <= fresh.length ? { ids: fresh.map((a) => a.id) } : { ids: [], allFresh: true });
  }, [summary, t, lang]);

  const n = (alerts.data?.unseen ?? 0) + (alerts.data?.feedbackDue ?? 0);
  if (!n) return null;
  return (
    <span className="pt-badge" data-testid="alerts-badge" aria-label={t('partner:alerts.unseen', { count: n })}>
      {n > 99 ? '99+' : n}
    </span>
  );
}
