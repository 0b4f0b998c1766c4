/**
 * The one formatting path of the renderer: the app's language (`useLang`), counts for plural
 * messages, money and date cells. Numbers, dates and money are formatted with the memoised Intl
 * formatters of shared/i18n/format (one per language and style), never built inline.
 */
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/domain/money';
import { formatDate, formatDateTime, formatNumber } from '../../shared/i18n/format';
import type { Lang } from '../../shared/i18n';
import type { Currency } from '../../shared/contract/platform';

/** The app's language, 'ru' or 'en'; re-renders the caller when it changes. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'ru';
}

/** Plural options with the count formatted for the language ({{n}}: "1 029" / "1,029"). */
export function countParams(count: number, lang: string): { count: number; n: string } {
  return { count, n: formatNumber(count, lang) };
}

export function Money({ minor, currency }: { minor: number; currency: Currency }) {
  const lang = useLang();
  return <span className={minor < 0 ? 'money negative' : 'money'}>{formatMoney(minor, currency, lang)}</span>;
}

export function DateCell({ utc, zone }: { utc: string | null; zone: string }) {
  const lang = useLang();
  if (!utc) return <span className="muted">{'—'}</span>;
  return (
    <time dateTime={utc} title={formatDateTime(utc, lang, zone)}>
      {formatDate(utc, lang, zone)}
    </time>
  );
}
