/**
 * What the machine did to the app, told in the user's language: the cache was found damaged at
 * start and rebuilt (what was kept; dismissable), the cache is damaged now (restart), the disk is
 * full, the computer's clock disagrees with the platform's.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge';
import { formatDateTime, formatUnit } from '../../shared/i18n/format';
import { useLang } from '../ui/format';
import { useRegion } from './data';
import { healthKey, useHealth } from './health';

/** "12 minutes", "3 hours", "1 day": the unit that reads best for the gap. */
function gapText(ms: number, lang: string): string {
  const min = Math.round(Math.abs(ms) / 60_000);
  if (min < 90) return formatUnit(min, 'minute', lang);
  const h = Math.round(min / 60);
  if (h < 36) return formatUnit(h, 'hour', lang);
  return formatUnit(Math.round(h / 24), 'day', lang);
}

export function MachineBanners() {
  const { t } = useTranslation();
  const lang = useLang();
  const { zone } = useRegion();
  const qc = useQueryClient();
  const health = useHealth();
  const dismiss = useMutation({
    mutationFn: () => call('app.dismissNotice', { notice: 'cacheRebuilt' }),
    onSettled: () => qc.invalidateQueries({ queryKey: healthKey }),
  });
  const h = health.data;
  if (!h) return null;
  const r = h.cacheRebuilt;
  const offset = h.clock.offsetMs;
  const kept = r
    ? {
        actions: t('reliability:rebuilt.actions', { count: r.kept.pendingActions }),
        invites: t('reliability:rebuilt.invites', { count: r.kept.pendingInvitations }),
        audit: t('reliability:rebuilt.audit', { count: r.kept.auditEntries }),
        rules: t('reliability:rebuilt.rules', { count: r.kept.alertRules }),
        prefs: t('reliability:rebuilt.prefs', { count: r.kept.preferences }),
        views: t('reliability:rebuilt.views', { count: r.kept.savedViews }),
      }
    : null;
  const keptAny = r ? r.kept.pendingActions + r.kept.pendingInvitations + r.kept.auditEntries + r.kept.alertRules + r.kept.preferences + r.kept.dealNotes + r.kept.savedViews > 0 : false;
  return (
    <>
      {r && kept ? (
        <div className="banner banner-warn" role="alert" data-testid="banner-cache-rebuilt">
          <span>
            <strong>{t('reliability:rebuilt.title')}</strong>{' '}
            {t('reliability:rebuilt.body', { when: formatDateTime(r.at, lang, zone), path: r.movedTo })}{' '}
            {keptAny ? t('reliability:rebuilt.kept', kept) : t('reliability:rebuilt.keptNothing')}
          </span>
          <button type="button" className="btn btn-small" onClick={() => dismiss.mutate()} data-testid="banner-cache-rebuilt-ok">
            {t('reliability:rebuilt.dismiss')}
          </button>
        </div>
      ) : null}
      {h.cacheDamaged ? (
        <div className="banner banner-error" role="alert" data-testid="banner-cache-damaged">
          <span>{t('reliability:damaged')}</span>
        </div>
      ) : null}
      {h.diskFullSince ? (
        <div className="banner banner-error" role="alert" data-testid="banner-disk-full">
          <span>{t('reliability:diskFull')}</span>
        </div>
      ) : null}
      {h.clock.disagrees && offset !== null ? (
        <div className="banner banner-warn" role="status" data-testid="banner-clock">
          {/* offset = platform - local: a positive one means the computer is behind. */}
          <span>{t(offset > 0 ? 'reliability:clock.behind' : 'reliability:clock.ahead', { diff: gapText(offset, lang) })}</span>
        </div>
      ) : null}
    </>
  );
}
