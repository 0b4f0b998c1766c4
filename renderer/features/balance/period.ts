/** Period presets and the zone's name, in region time (pure; unit-tested). */
import { addDays, addMonths, localDateOf, offsetMinutesAt, utcOffsetLabel, weekdayOf } from '../../../shared/domain/time';
import { formatMonth, formatShortDate } from '../../../shared/i18n/format';

export const PRESETS = ['today', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'quarter', 'year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** The local dates [from, to] of a preset on the region's `today`. Custom keeps nothing: null. */
export function presetRange(p: Preset, today: string): { from: string; to: string } | null {
  const monday = addDays(today, -weekdayOf(today));
  const first = addMonths(today, 0);
  switch (p) {
    case 'today':
      return { from: today, to: today };
    case 'thisWeek':
      return { from: monday, to: today };
    case 'lastWeek':
      return { from: addDays(monday, -7), to: addDays(monday, -1) };
    case 'thisMonth':
      return { from: first, to: today };
    case 'lastMonth':
      return { from: addMonths(first, -1), to: addDays(first, -1) };
    case 'quarter': {
      const m = Number(today.slice(5, 7));
      const qStart = `${today.slice(0, 4)}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
      return { from: qStart, to: today };
    }
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'custom':
      return null;
  }
}

export function todayIn(zone: string, now: number): string {
  return localDateOf(now, zone);
}

/** Which short zone name the catalogue has for the zone: Moscow, Astana, or none (offset only). */
export function zoneNameKey(zone: string, now: number): 'balance:zone.moscow' | 'balance:zone.astana' | null {
  if (zone === 'Europe/Moscow') return 'balance:zone.moscow';
  if (zone === 'Asia/Astana' || zone === 'Asia/Almaty' || (zone === '+06:00' && offsetMinutesAt(zone, now) === 360)) return 'balance:zone.astana';
  return null;
}

export function zoneOffset(zone: string, now: number): string {
  return utcOffsetLabel(offsetMinutesAt(zone, now));
}

/** A bucket's label: a date, a week's range, "ноябрь 2026" / "November 2026", or the year. */
export function bucketLabel(bucket: string, g: 'day' | 'week' | 'month' | 'year', lang: string): string {
  if (g === 'year') return bucket.slice(0, 4);
  if (g === 'month') return formatMonth(bucket, lang);
  if (g === 'week') return formatShortDate(bucket, lang, addDays(bucket, 6));
  return formatShortDate(bucket, lang);
}
