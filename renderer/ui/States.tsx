/** Loading, empty and error states, the same everywhere. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode, errorText } from './errors';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common:state.loading')}</span>
    </div>
  );
}

export function Empty({ title, hint, children }: { title: string; hint?: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <div className="state-title">{title}</div>
      {hint ? <div className="state-hint">{hint}</div> : null}
      {children}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="state state-error" role="alert" data-error-code={errorCode(error)}>
      <div className="state-title">{t('common:state.errorTitle')}</div>
      <div className="state-hint">{errorText(t, error)}</div>
      {onRetry ? (
        <button type="button" className="btn" onClick={onRetry}>
          {t('common:action.retry')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * A page showing its cached copy because the platform did not answer: with no connection, the
 * page's own words (`offlineText`); for any other reason (a rate limit, a refused token, no
 * connection set up, a failing platform) that reason, then when the copy was saved.
 */
export function CachedCopy({ unavailable, asOfText, offlineText, testId }: { unavailable: string | null; asOfText: string | null; offlineText: string; testId?: string }) {
  const { t } = useTranslation();
  if (!unavailable) return null;
  return (
    <div className="alert alert-warn" role="status" data-testid={testId} data-reason={unavailable}>
      {unavailable === 'offline'
        ? offlineText
        : `${errorText(t, { code: unavailable })} ${asOfText ? t('common:state.cachedAsOf', { time: asOfText }) : t('common:state.cachedNever')}`}
    </div>
  );
}
