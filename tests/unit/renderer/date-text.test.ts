/** The date field's text: shown and typed per language (DD.MM.YYYY, "22 Nov 2026"), kept as YYYY-MM-DD. */
import { describe, expect, it } from 'vitest';
import { addDays, formatDateText, isIsoDate, parseDateText } from '../../../renderer/ui/dateText';

describe('formatDateText', () => {
  it('Russian DD.MM.YYYY, English an unambiguous day month year', () => {
    expect(formatDateText('2026-11-22', 'ru')).toBe('22.11.2026');
    expect(formatDateText('2026-01-05', 'ru')).toBe('05.01.2026');
    expect(formatDateText('2026-11-22', 'en')).toBe('22 Nov 2026');
    expect(formatDateText('2026-09-01', 'en')).toBe('01 Sep 2026');
  });
  it('nothing for an empty or malformed value', () => {
    expect(formatDateText('', 'ru')).toBe('');
    expect(formatDateText('2026-02-30', 'en')).toBe('');
  });
});

describe('parseDateText', () => {
  it('reads the language format back, and ISO in both languages', () => {
    expect(parseDateText('22.11.2026', 'ru')).toBe('2026-11-22');
    expect(parseDateText(' 1.2.2026 ', 'ru')).toBe('2026-02-01');
    expect(parseDateText('2026-11-22', 'ru')).toBe('2026-11-22');
    expect(parseDateText('22 Nov 2026', 'en')).toBe('2026-11-22');
    expect(parseDateText('22 november 2026', 'en')).toBe('2026-11-22');
    expect(parseDateText('Sept 3, 2026', 'en')).toBe('2026-09-03');
    expect(parseDateText('2026-11-22', 'en')).toBe('2026-11-22');
    expect(parseDateText('22/11/2026', 'en')).toBe('2026-11-22');
  });
  it('refuses what is not a whole, real date', () => {
    for (const s of ['', '22.11', '22.11.26', '31.02.2026', '29.02.2025', '00.01.2026', '22.13.2026', 'abc', '22 Xyz 2026', '2026-1-32']) {
      expect(parseDateText(s, 'ru'), s).toBeNull();
    }
    expect(parseDateText('22 Nov 2026', 'ru')).toBeNull();
    expect(parseDateText('22 No 2026', 'en')).toBeNull();
    expect(parseDateText('29.02.2024', 'ru')).toBe('2024-02-29');
  });
  it('round-trips every day of a leap year in both languages', () => {
    for (let d = '2024-01-01'; d < '2025-01-01'; d = addDays(d, 1)) {
      expect(isIsoDate(d)).toBe(true);
      for (const lang of ['ru', 'en']) expect(parseDateText(formatDateText(d, lang), lang)).toBe(d);
    }
  });
});

describe('addDays', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
