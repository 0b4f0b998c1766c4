/**
 * Calendar dates ('YYYY-MM-DD') as people type and read them: DD.MM.YYYY in Russian, an
 * unambiguous "22 Nov 2026" in English. ISO dates are accepted in both languages (pasted values).
 */
export { addDays } from '../../shared/domain/time';
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A real calendar day (no 31 April, 29 February only in leap years), years 1900–2199. */
function toIso(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && toIso(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}

/** '2026-11-22' -> '22.11.2026' (ru) or '22 Nov 2026' (en); '' for an empty or malformed value. */
export function formatDateText(iso: string, lang: string): string {
  if (!isIsoDate(iso)) return '';
  const [y, m, d] = iso.split('-') as [string, string, string];
  if (lang === 'en') return `${d} ${EN_MONTHS[Number(m) - 1]} ${y}`;
  return `${d}.${m}.${y}`;
}

const EN_FULL = 'january february march april may june july august september october november december'.split(' ');

/** 'Nov', 'nov.', 'November', 'Sept' -> 11 / 9; 0 when it is no month. */
function enMonth(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  return EN_FULL.findIndex((full) => full.startsWith(w)) + 1;
}

/** What the user typed -> 'YYYY-MM-DD', or null when it is not a whole, real date. */
export function parseDateText(text: string, lang: string): string | null {
  const s = text.trim().replace(/\s+/g, ' ');
  if (!s) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return toIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  // Day first in both languages: 'DD.MM.YYYY' is the Russian format; English readers get the hint.
  if (m) return toIso(Number(m[3]), Number(m[2]), Number(m[1]));
  if (lang === 'en') {
    m = /^(\d{1,2}) ([A-Za-z]+\.?),? (\d{4})$/.exec(s);
    if (m) return toIso(Number(m[3]), enMonth(m[2] ?? ''), Number(m[1]));
    m = /^([A-Za-z]+\.?) (\d{1,2}),? (\d{4})$/.exec(s);
    if (m) return toIso(Number(m[3]), enMonth(m[1] ?? ''), Number(m[2]));
  }
  return null;
}
