/** Offline, token rejected and not configured: what happened and what to do. */
import { useTranslation } from 'react-i18next';
import { formatDateTime, zoneOffsetLabel } from '../../shared/i18n/format';
import { useLive } from '../state/live';
import { useNav } from '../state/nav';
import { useRegion, useSyncStatus } from './data';
import { useLang } from '../ui/format';

export function Banners() {
  const { t } = useTranslation();
  const lang = useLang();
  const go = useNav((s) => s.go);
  const route = useNav((s) => s.route);
  const { zone } = useRegion();
  const status = useSyncStatus();
  const live = useLive((s) => s.connectivity);
  const state = live?.state ?? status.data?.connectivity ?? 'unknown';
  const asOf = status.data?.lastSyncedAt ?? null;

  const toSettings =
    route === 'settings' ? null : (
      <button type="button" className="btn btn-small" onClick={() => go('settings')}>
        {t('common:banner.openSettings')}
      </button>
    );

  if (state === 'offline') {
    return (
      <div className="banner banner-warn" role="status" data-testid="banner-offline">
        <span>
          {asOf
            ? t('common:banner.offlineAsOf', { when: formatDateTime(asOf, lang, zone), zone: zoneOffsetLabel(zone, Date.parse(asOf)) })
            : t('common:banner.offlineNoData')}
        </span>
      </div>
    );
  }
  if (state === 'token_rejected') {
    return (
      <div className="banner banner-error" role="alert" data-testid="banner-token">
        <span>{t('common:banner.tokenRejected')}</span>
        {toSettings}
      </div>
    );
  }
  if (state === 'not_configured') {
    return (
      <div className="banner banner-info" role="status" data-testid="banner-not-configured">
        <span>{t('common:banner.notConfigured')}</span>
        {toSettings}
        {route === 'apply' ? null : <button type="button" className="btn btn-small" data-testid="banner-apply" onClick={() => go('apply')}>{t('partner:apply.firstRun')}</button>}
      </div>
    );
  }
  return null;
}
