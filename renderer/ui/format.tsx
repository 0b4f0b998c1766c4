/** Money and date cells, formatted with Intl for the current language and the region's zone. */
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/domain/money';
import { formatDate, formatDateTime } from '../../shared/i18n/format';
import type { Currency } from '../../shared/contract/platform';

export function useLang(): string {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'ru';
}

export function Money({ minor, currency }: { minor: number; currency: Currency }) {
  const lang = useLang();
  return <span className={minor < 0 ? 'money negative' : 'money'}>{formatMoney(minor, currency, lang)}</span>;
}

export function DateCell({ utc, zone }: { utc: string | null; zone: string }) {
  const lang = useLang();
  if (!utc) return <span className="muted">{'—'}</span>;
  return <time dateTime={utc} title={formatDateTime(utc, lang, zone)}>{formatDate(utc, lang, zone)}</time>;
}
