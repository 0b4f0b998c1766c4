/** The list's count with Russian and English plurals, through i18next as the renderer runs it. */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { NAMESPACES, resources, pickLanguage } from '../../../shared/i18n';
import { formatNumber, formatRelative } from '../../../shared/i18n/format';
import { formatMoney } from '../../../shared/domain/money';

const i18n = i18next.createInstance();
await i18n.init({ resources, lng: 'ru', ns: [...NAMESPACES], defaultNS: 'common', fallbackLng: false, interpolation: { escapeValue: false } });
const count = (lng: string, n: number) => i18n.getFixedT(lng)('clients:count', { count: n, n: formatNumber(n, lng) }).replace(/\s/g, ' ');

describe('client count', () => {
  it('Russian plural forms', () => {
    expect(count('ru', 1)).toBe('1 клиент');
    expect(count('ru', 3)).toBe('3 клиента');
    expect(count('ru', 5)).toBe('5 клиентов');
    expect(count('ru', 21)).toBe('21 клиент');
    expect(count('ru', 1234)).toBe('1 234 клиента');
    expect(count('ru', 100000)).toBe('100 000 клиентов');
  });
  it('English plural forms', () => {
    expect(count('en', 1)).toBe('1 client');
    expect(count('en', 1234)).toBe('1,234 clients');
  });
  it('relative times and money per language', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(formatRelative(now - 5 * 60000, 'ru', now)).toBe('5 минут назад');
    expect(formatRelative(now - 5 * 60000, 'en', now)).toBe('5 minutes ago');
    expect(formatMoney(-123456, 'RUB', 'ru').replace(/\s/g, ' ')).toMatch(/^-1 234,56 ₽$/);
  });
  it('the first run follows the system language', () => {
    expect(pickLanguage(null, ['en-US'])).toBe('en');
    expect(pickLanguage(null, ['ru-RU'])).toBe('ru');
    expect(pickLanguage('en', ['ru-RU'])).toBe('en');
  });
});
