/** "Ledger as of …" and, for a period before the cached window, the offer to fetch it (online only). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { formatDateTime, formatLocalDate } from '../../../shared/i18n/format';
import { useLive } from '../../state/live';
import { useLang } from '../../ui/format';
import { errorText } from '../../ui/errors';

export function CacheNotice(p: { clientId: string; from: string; to: string; asOf: string | null; cachedFrom: string; outsideWindow: boolean; zone: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const online = useLive((s) => s.connectivity?.state !== 'offline' && s.connectivity?.state !== 'token_rejected' && s.connectivity?.state !== 'not_configured');
  const fetch = useMutation({
    mutationFn: () => call('balance.fetchRange', { clientId: p.clientId, from: p.from, to: p.to }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['transactions'] }),
  });
  return (
    <div className="cache-notice" data-testid="cache-notice">
      <span className="muted small" data-testid="ledger-as-of">
        {p.asOf ? t('balance:cache.asOf', { time: formatDateTime(p.asOf, lang, p.zone) }) : t('balance:cache.never')}
      </span>
      {p.outsideWindow ? (
        <div className="banner banner-warn outside-window" role="status" data-testid="outside-window">
          <span>{t('balance:cache.outsideWindow', { date: formatLocalDate(p.cachedFrom, lang) })}</span>
          {online ? (
            <button type="button" className="btn btn-small" disabled={fetch.isPending} onClick={() => fetch.mutate()} data-testid="fetch-range">
              {fetch.isPending ? t('balance:cache.fetching') : t('balance:cache.fetch')}
            </button>
          ) : (
            <span>{t('balance:cache.offline')}</span>
          )}
          {fetch.error ? <span className="field-error">{errorText(t, fetch.error)}</span> : null}
        </div>
      ) : null}
      {fetch.data && !p.outsideWindow ? <span className="muted small">{t('balance:cache.fetched', { count: fetch.data.fetched })}</span> : null}
    </div>
  );
}
