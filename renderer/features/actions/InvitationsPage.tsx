/**
 * Invitations: how long each has been pending, when it expires, resend and revoke; what the client
 * receives (InviteEmailNote); and the invitations queued while offline, sent on reconnect.
 */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import type { InvitationRow, QueuedInvitation } from '../../../shared/contract/rpc/actions';
import { formatDateTime, formatRelative, formatUnit } from '../../../shared/i18n/format';
import { useRegion } from '../../app/data';
import { CachedCopy, Empty, ErrorState, Loading } from '../../ui/States';
import { errorText } from '../../ui/errors';
import { useNow } from '../../ui/useNow';
import { ActionsLayer } from './ActionsLayer';
import { Dialog } from '../../ui/Dialog';
import { useToast } from '../../ui/Toast';
import { countParams, useLang } from '../../ui/format';
import { InviteEmailNote } from './AddClient';
import { reasonLabel } from './labels';

/** "5 days" / "5 дней", or hours under a day, minutes under an hour. */
export function duration(ms: number, lang: string): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  const [n, unit]: [number, 'day' | 'hour' | 'minute'] = m >= 1440 ? [Math.floor(m / 1440), 'day'] : m >= 60 ? [Math.floor(m / 60), 'hour'] : [m, 'minute'];
  return formatUnit(n, unit, lang);
}

export default function InvitationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
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

  async function discard(i: QueuedInvitation) {
    try {
      await call('invitations.discard', { id: i.id });
      toast({ key: 'actions:invitations.discardedDone', params: { email: i.email } });
      void qc.invalidateQueries({ queryKey: ['invitations'] });
    } catch (e) {
      toast(errorText(t, e));
    }
  }

  const items = q.data?.items ?? [];
  const queued = q.data?.queued ?? [];
  return (
    <div className="page page-scroll" data-testid="invitations-page">
      <ActionsLayer />
      <div className="page-head">
        <h1>{t('actions:invitations.title')}</h1>
        {q.data ? <span className="note">{t('actions:invitations.count', countParams(items.length, lang))}</span> : null}
      </div>
      {q.data?.offline ? (
        <CachedCopy
          testId="invitations-offline"
          unavailable={q.data.unavailable ?? 'offline'}
          asOfText={q.data.asOf ? formatDateTime(q.data.asOf, lang, zone) : null}
          offlineText={q.data.asOf ? t('actions:invitations.offline', { time: formatDateTime(q.data.asOf, lang, zone) }) : t('actions:invitations.offlineNever')}
        />
      ) : null}
      <InviteEmailNote testId="invitations-email-note" />
      {queued.length > 0 ? (
        <section aria-labelledby="invitations-queued-title">
          <h2 id="invitations-queued-title">{t('actions:invitations.queuedTitle')}</h2>
          <table className="data-table" data-testid="invitations-queued">
            <thead>
              <tr>
                <th>{t('actions:invitations.email')}</th>
                <th>{t('actions:invitations.name')}</th>
                <th>{t('actions:invitations.queuedAt')}</th>
                <th>{t('actions:invitations.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {queued.map((i) => (
                <tr key={i.id} data-email={i.email} data-state={i.state}>
                  <td><bdi>{i.email}</bdi></td>
                  <td><bdi>{i.name ?? ''}</bdi></td>
                  <td>{formatDateTime(i.createdAt, lang, zone)}</td>
                  <td data-testid="queued-state">
                    {i.state === 'failed' ? (
                      <span className="badge badge-bad">{t('actions:invitations.queuedFailed', { reason: reasonLabel(t, i.error ?? 'failed') })}</span>
                    ) : (
                      <span className="badge badge-warn">
                        {/* Offline, a try in progress is still waiting for the connection. */}
                        {i.state === 'sending' && !q.data?.offline ? t('actions:invitations.queuedSending') : t('actions:invitations.queuedPending')}
                      </span>
                    )}
                  </td>
                  <td>
                    {i.state !== 'sending' ? (
                      <button
                        type="button"
                        className="btn"
                        aria-label={t('actions:invitations.discardLabel', { email: i.email })}
                        onClick={() => void discard(i)}
                      >
                        {t('actions:invitations.discard')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {q.isLoading ? <Loading /> : null}
      {q.error ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data && items.length === 0 ? <Empty title={t('actions:invitations.empty')} /> : null}
      {items.length > 0 ? (
        <table className="data-table" data-testid="invitations-table">
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
                <td><bdi>{i.email}</bdi></td>
                <td><bdi>{i.name ?? ''}</bdi></td>
                <td>
                  {formatDateTime(i.sentAt, lang, zone)}
                  {i.resentCount > 0 ? <div className="note">{t('actions:invitations.resent', { count: i.resentCount })}</div> : null}
                </td>
                <td>{duration(now - Date.parse(i.sentAt), lang)}</td>
                <td>
                  {formatDateTime(i.expiresAt, lang, zone)}
                  <div className="note">{formatRelative(i.expiresAt, lang, now)}</div>
                </td>
                <td>
                  {i.status === 'pending' ? (
                    <span className="badge badge-warn">{t('actions:invitations.statusPending')}</span>
                  ) : (
                    <span className="badge badge-bad">{t('actions:invitations.statusExpired')}</span>
                  )}
                </td>
                <td>
                  <div className="button-row">
                    <button type="button" className="btn" disabled={q.data?.offline} onClick={() => void resend(i)}>
                      {t('actions:invitations.resend')}
                    </button>
                    <button type="button" className="btn" disabled={q.data?.offline} onClick={() => setRevoking(i)}>
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
              <button type="button" className="btn" data-close onClick={() => setRevoking(null)}>
                {t('actions:confirm.cancel')}
              </button>
              <button type="button" className="btn btn-danger" onClick={() => void revoke(revoking)}>
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
