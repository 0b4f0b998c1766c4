/**
 * Time: stored in UTC, shown and bucketed in the platform's region time. A zone is an IANA name
 * (Europe/Moscow) or a fixed offset (+06:00). Local dates are 'YYYY-MM-DD' strings in that zone.
 * Weeks start on Monday.
 */
export type Granularity = 'day' | 'week' | 'month' | 'year';

const FIXED = /^([+-])(\d{2}):(\d{2})$/;
const dtf = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC in minutes at the instant `utcMs` (Moscow: 180). */
export function offsetMinutesAt(zone: string, utcMs: number): number {
  const fixed = FIXED.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
  let f = dtf.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    dtf.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

export function isValidZone(zone: string): boolean {
  if (FIXED.test(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The instant shifted into the zone, read with getUTC* methods. */
export function toZoned(utcMs: number, zone: string): Date {
  return new Date(utcMs + offsetMinutesAt(zone, utcMs) * 60000);
}

/** The region-local calendar date of an instant. */
export function localDateOf(utc: number | string, zone: string): string {
  const ms = typeof utc === 'string' ? Date.parse(utc) : utc;
  const z = toZoned(ms, zone);
  return `${z.getUTCFullYear()}-${pad(z.getUTCMonth() + 1)}-${pad(z.getUTCDate())}`;
}

/** Region-local wall time "YYYY-MM-DD HH:MM:SS" of an instant. */
export function localDateTimeOf(utc: number | string, zone: string): string {
  const ms = typeof utc === 'string' ? Date.parse(utc) : utc;
  const z = toZoned(ms, zone);
  return `${localDateOf(ms, zone)} ${pad(z.getUTCHours())}:${pad(z.getUTCMinutes())}:${pad(z.getUTCSeconds())}`;
}

function parseLocal(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a local date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
function fmtLocal(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The UTC instant (ms) of 00:00 region time on a local date. */
export function localMidnightUtc(date: string, zone: string): number {
  const [y, m, d] = parseLocal(date);
  const guess = Date.UTC(y, m - 1, d);
  // Two passes settle the offset even across a DST change at midnight.
  let utc = guess - offsetMinutesAt(zone, guess) * 60000;
  utc = guess - offsetMinutesAt(zone, utc) * 60000;
  return utc;
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = parseLocal(date);
  return fmtLocal(y, m, d + n);
}
export function addMonths(date: string, n: number): string {
  const [y, m] = parseLocal(date);
  return fmtLocal(y, m + n, 1);
}
/** Monday = 0 … Sunday = 6. */
export function weekdayOf(date: string): number {
  const [y, m, d] = parseLocal(date);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The local date on which the bucket holding `date` starts. */
export function bucketStart(date: string, g: Granularity): string {
  const [y, m] = parseLocal(date);
  switch (g) {
    case 'day':
      return date;
    case 'week':
      return addDays(date, -weekdayOf(date));
    case 'month':
      return fmtLocal(y, m, 1);
    case 'year':
      return fmtLocal(y, 1, 1);
  }
}
/** The local date on which the next bucket starts. */
export function nextBucket(start: string, g: Granularity): string {
  const [y, m, d] = parseLocal(start);
  switch (g) {
    case 'day':
      return fmtLocal(y, m, d + 1);
    case 'week':
      return fmtLocal(y, m, d + 7);
    case 'month':
      return fmtLocal(y, m + 1, 1);
    case 'year':
      return fmtLocal(y + 1, 1, 1);
  }
}
/** Every bucket start from `from` to `to` (inclusive local dates). */
export function bucketsBetween(from: string, to: string, g: Granularity): string[] {
  const out: string[] = [];
  for (let b = bucketStart(from, g); b <= to; b = nextBucket(b, g)) out.push(b);
  return out;
}
/** Days from `from` to `to` inclusive. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86400000) + 1;
}

/** "UTC+3", "UTC+5:30", "UTC−2" for an offset in minutes. */
export function utcOffsetLabel(offsetMin: number): string {
  if (offsetMin === 0) return 'UTC';
  const sign = offsetMin > 0 ? '+' : '−';
  const a = Math.abs(offsetMin);
  const h = Math.floor(a / 60);
  const m = a % 60;
  return `UTC${sign}${h}${m ? ':' + pad(m) : ''}`;
}

export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
