/** Last synced ("5 минут назад"), a progress bar while syncing, and "Sync now". */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge';
import { formatDateTime, formatNumber, formatRelative } from '../../shared/i18n/format';
import { useLive } from '../state/live';
import { useRegion, useSyncStatus, syncStatusKey } from './data';
import { SYNC_PHASE_KEY } from '../ui/labels';
import { useLang } from '../ui/format';
import { usePlatformNow } from './health';
import { errorText, syncErrorCode } from '../ui/errors';

const BANNERED = new Set(['offline', 'token_rejected', 'not_configured']);

export function SyncStatus() {
  const { t } = useTranslation();
  const lang = useLang();
  // "Synced … ago" by the platform's clock: right even when the computer's clock is off.
  const now = usePlatformNow();
  const qc = useQueryClient();
  const { zone } = useRegion();
  const status = useSyncStatus();
  const progress = useLive((s) => s.progress);
  const liveConn = useLive((s) => s.connectivity);
  const syncNow = useMutation({
    mutationFn: () => call('sync.now', {}),
    onSettled: () => qc.invalidateQueries({ queryKey: syncStatusKey }),
  });

  const s = status.data;
  const progressAt = useLive((l) => l.progressAt);
  // A sync.status answer newer than the last progress event wins (a failed sync sends no 'done').
  const live = progress !== null && !(s && !s.running && status.dataUpdatedAt > progressAt) ? progress : null;
  const running = live !== null || (s?.running ?? false);
  const connectivity: string = liveConn?.state ?? s?.connectivity ?? 'unknown';
  const done = live?.done ?? s?.done ?? 0;
  const total = live ? live.total : (s?.total ?? null);
  const phase = live?.phase ?? s?.phase ?? null;

  let label: string;
  if (running) label = t('common:sync.syncing');
  else if (s?.lastSyncedAt) label = t('common:sync.lastSynced', { when: formatRelative(s.lastSyncedAt, lang, now) });
  else label = t('common:sync.never');

  return (
    <div className="sync-status" data-testid="sync-status" data-running={running ? 'true' : 'false'}>
      <div className="sync-text">
        <span
          className="sync-label"
          title={s?.lastSyncedAt ? formatDateTime(s.lastSyncedAt, lang, zone) : undefined}
          data-testid="sync-label"
        >
          {label}
        </span>
        {running ? (
          <span className="sync-detail">
            {phase ? <span>{t(SYNC_PHASE_KEY[phase])}</span> : null}
            {total !== null ? (
              <span>{t('common:sync.progress', { done: formatNumber(done, lang), total: formatNumber(total, lang) })}</span>
            ) : null}
          </span>
        ) : null}
        {!running && syncNow.error ? <span className="sync-error">{errorText(t, syncNow.error)}</span> : null}
        {/* Offline, token and configuration problems have their banner; other sync failures show here. */}
        {!running && !syncNow.error && s?.lastError && !BANNERED.has(connectivity) && !BANNERED.has(syncErrorCode(s.lastError.code)) ? (
          <span className="sync-error" data-testid="sync-error" title={s.lastError.message}>
            {errorText(t, { code: syncErrorCode(s.lastError.code) })}
          </span>
        ) : null}
      </div>
      {running ? (
        <progress
          className="sync-bar"
          aria-label={t('common:sync.syncing')}
          {...(total !== null && total > 0 ? { max: total, value: Math.min(done, total) } : {})}
        />
      ) : null}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => syncNow.mutate()}
        disabled={running || syncNow.isPending}
        data-testid="sync-now"
      >
        {t('common:sync.now')}
      </button>
    </div>
  );
}
