import { describe, expect, it } from 'vitest';
import { checkEmail, checkPhone, checkText, isValidInn } from '../../../shared/domain/validation';

describe('field checks', () => {
  it('checks emails', () => {
    expect(checkEmail('')).toBe('required');
    expect(checkEmail('a@b.ru')).toBeNull();
    expect(checkEmail('  ivan@example.com ')).toBeNull();
    expect(checkEmail('ivan@example')).toBe('invalid_email');
    expect(checkEmail('ivan example@x.ru')).toBe('invalid_email');
    expect(checkEmail('a'.repeat(250) + '@b.ru')).toBe('too_long');
  });
  it('checks phones', () => {
    expect(checkPhone('')).toBeNull();
    expect(checkPhone('', true)).toBe('required');
    expect(checkPhone('+7 (495) 123-45-67')).toBeNull();
    expect(checkPhone('+79991234567')).toBeNull();
    expect(checkPhone('89991234567')).toBe('invalid_phone');
    expect(checkPhone('+7 abc')).toBe('invalid_phone');
  });
  it('checks text length', () => {
    expect(checkText('x', 3)).toBeNull();
    expect(checkText('xxxx', 3)).toBe('too_long');
    expect(checkText(' ', 3, true)).toBe('required');
  });
  it('checks INN checksums', () => {
    expect(isValidInn('7707083893')).toBe(true); // a well-known 10-digit INN
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732259')).toBe(true); // a valid 12-digit INN
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('12345')).toBe(false);
    expect(isValidInn('77070838931')).toBe(false);
  });
});
