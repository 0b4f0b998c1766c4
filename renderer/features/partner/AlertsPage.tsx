/**
 * Current alerts (negative balance, below threshold, freeze soon), the deals waiting for this
 * month's feedback, the thresholds, and the switch for desktop notifications. Opening the screen
 * marks the alerts as read (the nav badge resets).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { formatDateTime } from '../../../shared/i18n/format';
import { useLang } from '../../ui/format';
import { Empty, ErrorState, Loading } from '../../ui/States';
import { useRegion } from '../../app/data';
import { useNav } from '../../state/nav';
import { useAlerts } from './AlertsBadge';
import { AlertRules } from './AlertRules';
import { alertDetail } from '../../../shared/i18n/alert-text';
import { helpLink } from './helpLink';
import { ALERT_KIND_KEY } from './labels';
import './partner.css';

export default function AlertsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { zone } = useRegion();
  const go = useNav((s) => s.go);
  const alerts = useAlerts();
  const [perm, setPerm] = useState(typeof Notification === 'undefined' ? 'denied' : Notification.permission);
  const unseen = alerts.data?.unseen ?? 0;
  useEffect(() => {
    if (unseen > 0) void call('alerts.markSeen', {});
  }, [unseen]);

  return (
    <div className="page page-scroll" data-testid="page-alerts">
      <div className="page-head">
        <h1 className="page-title">{t('partner:alerts.title')}</h1>
        {alerts.data ? <span className="muted">{t('partner:alerts.count', { count: alerts.data.items.length })}</span> : null}
      </div>
      {perm === 'default' ? (
        <div className="button-row">
          <button type="button" className="btn" onClick={() => void Notification.requestPermission().then(setPerm)} data-testid="alerts-enable-notifications">
            {t('partner:alerts.enableNotifications')}
          </button>
        </div>
      ) : null}
      {alerts.data && alerts.data.feedbackDue > 0 ? (
        <div className="alert alert-info pt-inline" role="status" data-testid="alerts-deals-due">
          <span>{t('partner:alerts.dealsDue', { count: alerts.data.feedbackDue })}</span>
          <button type="button" className="btn btn-small" onClick={() => go('deals')}>
            {t('partner:alerts.openDeals')}
          </button>
        </div>
      ) : null}
      {alerts.isPending ? (
        <Loading />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.items.length === 0 ? (
        <Empty title={t('partner:alerts.empty')} />
      ) : (
        <table className="data-table" data-testid="alerts-table">
          <thead>
            <tr>
              <th>{t('partner:alerts.col.client')}</th>
              <th>{t('partner:alerts.col.alert')}</th>
              <th>{t('partner:alerts.col.detail')}</th>
              <th>{t('partner:alerts.col.since')}</th>
            </tr>
          </thead>
          <tbody>
            {alerts.data.items.map((a) => (
              <tr key={a.id} className={a.seen ? undefined : 'pt-unseen'} data-testid={`alert-${a.id}`}>
                <td>
                  <button type="button" className="btn-link" onClick={() => go('client', { clientId: a.clientId })}>
                    <bdi>{a.name ?? a.email}</bdi>
                  </button>
                  <div className="muted">{a.clientId}</div>
                </td>
                <td className={`pt-kind-${a.kind}`}>{t(ALERT_KIND_KEY[a.kind])}</td>
                <td>
                  <div>{alertDetail(t, a, lang)}</div>
                  {a.kind === 'negative' ? (
                    <div>
                      <a href={helpLink('debt')}>{t('partner:alerts.whyDebt')}</a>
                    </div>
                  ) : null}
                </td>
                <td>{formatDateTime(a.since, lang, zone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AlertRules />
    </div>
  );
}
