/** Money is integer minor units with a currency code; floats never hold money. */
import type { Currency } from '../contract/platform';

export const MINOR_DIGITS: Record<Currency, number> = { RUB: 2, KZT: 2 };

/** "-123456" minor -> "-1234.56": exact, no float arithmetic. */
export function minorToDecimalString(minor: number, currency: Currency): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not a safe integer: ${minor}`);
  const digits = MINOR_DIGITS[currency];
  const neg = minor < 0;
  const s = String(Math.abs(minor)).padStart(digits + 1, '0');
  const int = s.slice(0, s.length - digits);
  const frac = s.slice(s.length - digits);
  return `${neg ? '-' : ''}${int}${digits ? '.' + frac : ''}`;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, currency: Currency, display: 'symbol' | 'code'): Intl.NumberFormat {
  const key = `${locale}|${currency}|${display}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: display === 'symbol' ? 'narrowSymbol' : 'code',
      minimumFractionDigits: MINOR_DIGITS[currency],
      maximumFractionDigits: MINOR_DIGITS[currency],
    });
    formatters.set(key, f);
  }
  return f;
}

/** Formats minor units for a language: formatMoney(123456, 'RUB', 'ru') -> "1 234,56 ₽". */
export function formatMoney(minor: number, currency: Currency, locale: string, display: 'symbol' | 'code' = 'symbol'): string {
  // Intl accepts decimal strings exactly (no float rounding).
  return formatter(locale, currency, display).format(minorToDecimalString(minor, currency) as unknown as number);
}

/** Parses "1 234,56", "1234.56", "-10" into minor units; null when it is not an amount. */
export function parseMoney(text: string, currency: Currency): number | null {
  const digits = MINOR_DIGITS[currency];
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(/[₽₸]|RUB|KZT/gi, '');
  const m = /^(-)?(\d+)(?:[.,](\d+))?$/.exec(t);
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > digits) return null;
  const minor = Number(m[2]) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return m[1] ? -minor : minor;
}
