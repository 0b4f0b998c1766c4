/** Numbers, dates, date ranges and relative times, formatted with Intl for the chosen language. */
import { offsetMinutesAt, utcOffsetLabel } from '../domain/time';

export { formatMoney } from '../domain/money';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export function formatNumber(n: number, lang: string): string {
  return memo(`n|${lang}`, () => new Intl.NumberFormat(lang)).format(n);
}

/** Basis points as a percentage with two decimals: "15.21%" / "15,21 %". */
export function formatPercentBp(bp: number, lang: string): string {
  const f = memo(`pct|${lang}`, () => new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  return f.format(bp / 10000);
}

/** A whole number of a unit in words: "5 days" / "5 дней". */
export function formatUnit(n: number, unit: 'minute' | 'hour' | 'day', lang: string): string {
  return memo(`unit|${lang}|${unit}`, () => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' })).format(n);
}

/**
 * Dates in English are day-first (22/11/2026, 22 November 2026), like the date fields and the
 * platform's region; numbers and money keep the plain 'en' rules.
 */
function dateLocale(lang: string): string {
  return lang === 'en' ? 'en-GB' : lang;
}

/** Intl accepts IANA names; a fixed offset "+06:00" is also accepted by modern Intl. */
function intlZone(zone: string): string {
  return zone;
}

/** Date and time of an instant in the given zone: "22.11.2026, 14:05". */
export function formatDateTime(utc: string | number, lang: string, zone: string, withSeconds = false): string {
  const f = memo(`dt|${lang}|${zone}|${withSeconds}`, () =>
    new Intl.DateTimeFormat(dateLocale(lang), {
      timeZone: intlZone(zone),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    }),
  );
  return f.format(typeof utc === 'string' ? new Date(utc) : new Date(utc));
}

/** A calendar date of an instant in the zone: "22.11.2026" / "11/22/2026". */
export function formatDate(utc: string | number, lang: string, zone: string): string {
  const f = memo(`d|${lang}|${zone}`, () =>
    new Intl.DateTimeFormat(dateLocale(lang), { timeZone: intlZone(zone), year: 'numeric', month: '2-digit', day: '2-digit' }),
  );
  return f.format(typeof utc === 'string' ? new Date(utc) : new Date(utc));
}

/** A local date 'YYYY-MM-DD' (already in region time), shown in the language. */
export function formatLocalDate(date: string, lang: string, style: 'short' | 'long' = 'short'): string {
  const f = memo(`ld|${lang}|${style}`, () =>
    new Intl.DateTimeFormat(dateLocale(lang), {
      timeZone: 'UTC',
      ...(style === 'short' ? { year: 'numeric', month: '2-digit', day: '2-digit' } : { year: 'numeric', month: 'long', day: 'numeric' }),
    }),
  );
  return f.format(new Date(date + 'T00:00:00Z'));
}

/** A month 'YYYY-MM' (or a date in it) as "ноябрь 2026" / "November 2026"; `capital` starts it upper-case. */
export function formatMonth(month: string, lang: string, capital = false): string {
  const f = memo(`mon|${lang}`, () => new Intl.DateTimeFormat(lang, { timeZone: 'UTC', year: 'numeric', month: 'long' }));
  const s = f.format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));
  return capital ? s.charAt(0).toLocaleUpperCase(lang) + s.slice(1) : s;
}

/** A local date 'YYYY-MM-DD' with a short month ("22 Nov 2026"), or a range of two of them. */
export function formatShortDate(date: string, lang: string, to?: string): string {
  const f = memo(`sd|${lang}`, () => new Intl.DateTimeFormat(lang, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }));
  const d = new Date(date + 'T00:00:00Z');
  return to ? f.formatRange(d, new Date(to + 'T00:00:00Z')) : f.format(d);
}

/** Two local dates as a range: "1–30 ноября 2026 г." / "Nov 1 – 30, 2026". */
export function formatLocalDateRange(from: string, to: string, lang: string): string {
  const f = memo(`ldr|${lang}`, () => new Intl.DateTimeFormat(dateLocale(lang), { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }));
  return f.formatRange(new Date(from + 'T00:00:00Z'), new Date(to + 'T00:00:00Z'));
}

/** "5 минут назад" / "5 minutes ago", "через 2 дня" / "in 2 days". */
export function formatRelative(utc: string | number, lang: string, now: number = Date.now()): string {
  const ms = (typeof utc === 'string' ? Date.parse(utc) : utc) - now;
  const f = memo(`rel|${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  const abs = Math.abs(ms);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 86400000],
    ['month', 30 * 86400000],
    ['week', 7 * 86400000],
    ['day', 86400000],
    ['hour', 3600000],
    ['minute', 60000],
    ['second', 1000],
  ];
  for (const [unit, size] of units) {
    if (abs >= size || unit === 'second') return f.format(Math.round(ms / size), unit);
  }
  return f.format(0, 'second');
}

/** "UTC+3" for the zone at the instant. The zone's short name ("МСК") comes from the catalogue. */
export function zoneOffsetLabel(zone: string, at: number = Date.now()): string {
  return utcOffsetLabel(offsetMinutesAt(zone, at));
}

/** A number in short form for chart axes: "1.2M" / "1,2 млн". */
export function formatCompact(n: number, lang: string): string {
  return memo(`cmp|${lang}`, () => new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 })).format(n);
}

/** A month 'YYYY-MM' in short form for chart axes: "Nov 26" / "нояб. 26". */
export function formatShortMonth(month: string, lang: string): string {
  const f = memo(`smon|${lang}`, () => new Intl.DateTimeFormat(lang, { timeZone: 'UTC', year: '2-digit', month: 'short' }));
  return f.format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));
}
