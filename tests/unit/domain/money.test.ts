import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimalString, parseMoney } from '../../../shared/domain/money';

const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money in minor units', () => {
  it('converts minor units to an exact decimal string', () => {
    expect(minorToDecimalString(0, 'RUB')).toBe('0.00');
    expect(minorToDecimalString(5, 'RUB')).toBe('0.05');
    expect(minorToDecimalString(-123456, 'RUB')).toBe('-1234.56');
    expect(minorToDecimalString(900719925474099, 'KZT')).toBe('9007199254740.99');
  });
  it('refuses non-integers', () => {
    expect(() => minorToDecimalString(1.5, 'RUB')).toThrow();
  });
  it('formats for Russian and English', () => {
    expect(norm(formatMoney(123456, 'RUB', 'ru'))).toBe('1 234,56 ₽');
    expect(norm(formatMoney(123456, 'RUB', 'en'))).toBe('₽1,234.56');
    expect(norm(formatMoney(-5000, 'RUB', 'ru'))).toBe('-50,00 ₽');
    expect(norm(formatMoney(100, 'KZT', 'ru'))).toBe('1,00 ₸');
    expect(norm(formatMoney(100, 'KZT', 'en', 'code'))).toBe('KZT 1.00');
  });
  it('keeps large sums exact (no float rounding)', () => {
    expect(norm(formatMoney(900719925474099, 'RUB', 'en'))).toBe('₽9,007,199,254,740.99');
  });
  it('parses typed amounts', () => {
    expect(parseMoney('1 234,56', 'RUB')).toBe(123456);
    expect(parseMoney('1234.5', 'RUB')).toBe(123450);
    expect(parseMoney('-10', 'RUB')).toBe(-1000);
    expect(parseMoney('10 ₽', 'RUB')).toBe(1000);
    expect(parseMoney('1.234', 'RUB')).toBeNull();
    expect(parseMoney('abc', 'RUB')).toBeNull();
  });
});
