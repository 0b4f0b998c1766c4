/**
 * The one formatting path of the renderer: the app's language (`useLang`), counts for plural
 * messages, money and date cells. Numbers, dates and money are formatted with the memoised Intl
 * formatters of shared/i18n/format (one per language and style), never built inline.
 */
import { useSyncExternalStore } from 'react';
import { getI18n } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatMoney } from '../../shared/domain/money';
import { formatDate, formatDateTime, formatNumber } from '../../shared/i18n/format';
import type { Lang } from '../../shared/i18n';
import type { Currency } from '../../shared/contract/platform';

const onLanguageChanged = (cb: () => void) => {
  const i18n = getI18n();
  i18n.on('languageChanged', cb);
  return () => i18n.off('languageChanged', cb);
};
const currentLanguage = () => getI18n().language;
const fixedT = new Map<string, TFunction>();

/**
 * The app's language and its `t`, for components mounted by the hundred (table rows and their
 * cells): re-renders the caller when the language changes, like useTranslation, without the
 * per-mount cost of useTranslation (which copies the i18next instance for each component).
 */
export function useLangT(): { lang: Lang; t: TFunction } {
  const language = useSyncExternalStore(onLanguageChanged, currentLanguage);
  let t = fixedT.get(language);
  if (!t) {
    t = getI18n().getFixedT(language);
    fixedT.set(language, t);
  }
  return { lang: language === 'en' ? 'en' : 'ru', t };
}

/** The app's language, 'ru' or 'en'; re-renders the caller when it changes. */
export function useLang(): Lang {
  return useLangT().lang;
}

/** Plural options with the count formatted for the language ({{n}}: "1 029" / "1,029"). */
export function countParams(count: number, lang: string): { count: number; n: string } {
  return { count, n: formatNumber(count, lang) };
}

export function Money({ minor, currency }: { minor: number; currency: Currency }) {
  return moneyIn(minor, currency, useLang());
}

export function DateCell({ utc, zone }: { utc: string | null; zone: string }) {
  return dateIn(utc, zone, useLang());
}

/** Money in a given language: what Money renders, for rows that hold the language themselves. */
export function moneyIn(minor: number, currency: Currency, lang: Lang) {
  return <span className={minor < 0 ? 'money negative' : 'money'}>{formatMoney(minor, currency, lang)}</span>;
}

/** A date in a given language: what DateCell renders, for rows that hold the language themselves. */
export function dateIn(utc: string | null, zone: string, lang: Lang) {
  if (!utc) return <span className="muted">{'—'}</span>;
  return (
    <time dateTime={utc} title={formatDateTime(utc, lang, zone)}>
      {formatDate(utc, lang, zone)}
    </time>
  );
}
