/** Invitations: how long each has been pending, when it expires, resend and revoke. */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import type { InvitationRow } from '../../../shared/contract/rpc/actions';
import { formatDateTime, formatRelative } from '../../../shared/i18n/format';
import { useRegion } from '../../app/data';
import { Empty, ErrorState, Loading } from '../../ui/States';
import { errorText } from '../../ui/errors';
import { useNow } from '../../ui/useNow';
import { ActionsLayer } from './ActionsLayer';
import { Dialog } from './Dialog';
import { cnt } from './labels';
import { useToast } from './toast';

/** "5 days" / "5 дней", or hours under a day, minutes under an hour. */
export function duration(ms: number, lang: string): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  const [n, unit] = m >= 1440 ? [Math.floor(m / 1440), 'day'] : m >= 60 ? [Math.floor(m / 60), 'hour'] : [m, 'minute'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
}

export default function InvitationsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const { zone } = useRegion();
  const now = useNow();
  const qc = useQueryClient();
  const toast = useToast();
  const [revoking, setRevoking] = useState<InvitationRow | null>(null);
  const q = useQuery({ queryKey: ['invitations'], queryFn: () => call('invitations.list', {}) });

  async function resend(i: InvitationRow) {
    try {
      await call('invitations.resend', { id: i.id });
      toast({ key: 'actions:invitations.resentDone', params: { email: i.email } });
      void qc.invalidateQueries({ queryKey: ['invitations'] });
    } catch (e) {
      toast(errorText(t, e));
    }
  }
  async function revoke(i: InvitationRow) {
    try {
      await call('invitations.revoke', { id: i.id });
      toast({ key: 'actions:invitations.revokedDone', params: { email: i.email } });
      setRevoking(null);
      void qc.invalidateQueries({ queryKey: ['invitations'] });
    } catch (e) {
      setRevoking(null);
      toast(errorText(t, e));
    }
  }

  const items = q.data?.items ?? [];
  return (
    <div className="pd-page" data-testid="invitations-page">
      <ActionsLayer />
      <div className="pd-page-head">
        <h1>{t('actions:invitations.title')}</h1>
        {q.data ? <span className="pd-note">{t('actions:invitations.count', cnt(items.length, lang))}</span> : null}
      </div>
      {q.data?.offline ? (
        <div className="pd-alert" role="status" data-testid="invitations-offline">
          {q.data.asOf ? t('actions:invitations.offline', { time: formatDateTime(q.data.asOf, lang, zone) }) : t('actions:invitations.offlineNever')}
        </div>
      ) : null}
      {q.isLoading ? <Loading /> : null}
      {q.error ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data && items.length === 0 ? <Empty title={t('actions:invitations.empty')} /> : null}
      {items.length > 0 ? (
        <table className="pd-table" data-testid="invitations-table">
          <thead>
            <tr>
              <th>{t('actions:invitations.email')}</th>
              <th>{t('actions:invitations.name')}</th>
              <th>{t('actions:invitations.sent')}</th>
              <th>{t('actions:invitations.pendingFor')}</th>
              <th>{t('actions:invitations.expires')}</th>
              <th>{t('actions:invitations.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-email={i.email}>
                <td>{i.email}</td>
                <td>{i.name ?? ''}</td>
                <td>
                  {formatDateTime(i.sentAt, lang, zone)}
                  {i.resentCount > 0 ? <div className="pd-note">{t('actions:invitations.resent', { count: i.resentCount })}</div> : null}
                </td>
                <td>{duration(now - Date.parse(i.sentAt), lang)}</td>
                <td>
                  {formatDateTime(i.expiresAt, lang, zone)}
                  <div className="pd-note">{formatRelative(i.expiresAt, lang, now)}</div>
                </td>
                <td>
                  {i.status === 'pending' ? (
                    <span className="pd-badge pd-badge-warn">{t('actions:invitations.statusPending')}</span>
                  ) : (
                    <span className="pd-badge pd-badge-bad">{t('actions:invitations.statusExpired')}</span>
                  )}
                </td>
                <td>
                  <div className="pd-dock-row">
                    <button type="button" className="pd-btn" disabled={q.data?.offline} onClick={() => void resend(i)}>
                      {t('actions:invitations.resend')}
                    </button>
                    <button type="button" className="pd-btn" disabled={q.data?.offline} onClick={() => setRevoking(i)}>
                      {t('actions:invitations.revoke')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {revoking ? (
        <Dialog
          title={t('actions:action.revoke')}
          onClose={() => setRevoking(null)}
          footer={
            <>
              <button type="button" className="pd-btn" data-close onClick={() => setRevoking(null)}>
                {t('actions:confirm.cancel')}
              </button>
              <button type="button" className="pd-btn pd-btn-danger" onClick={() => void revoke(revoking)}>
                {t('actions:invitations.revoke')}
              </button>
            </>
          }
        >
          <p>{t('actions:invitations.revokeConfirm', { email: revoking.email })}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
