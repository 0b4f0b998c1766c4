/**
 * The password policy (shared/domain/password.ts): a table of cases. "Repeated groups" means a
 * group of 1–2 characters three or more times in a row, or of 3+ characters twice or more in a
 * row (the seed's example aaa123123123 fails on both counts); see the comment beside the code.
 */
import { describe, expect, it } from 'vitest';
import { checkPassword, findRepeatedGroup, SPECIALS, type PasswordRule } from '../../shared/domain/password';

const cases: [string, string, PasswordRule[]][] = [
  ['a good one', 'Abcdefg1', []],
  ['exactly 8 with a special', 'Abcdef!x', []],
  ['7 characters', 'Abcde1x', ['min_length']],
  ['empty', '', ['min_length', 'latin_upper', 'latin_lower', 'digit_or_special']],
  ['no upper-case', 'abcdefg1', ['latin_upper']],
  ['no lower-case', 'ABCDEFG1', ['latin_lower']],
  ['no digit nor special', 'Abcdefgh', ['digit_or_special']],
  ['Cyrillic letters are not allowed', 'Пароль12Ab', ['allowed_chars']],
  ['Cyrillic upper-case does not count as Latin', 'ПАРОЛЬab1', ['latin_upper', 'allowed_chars']],
  ['Cyrillic only', 'пароль', ['min_length', 'latin_upper', 'latin_lower', 'digit_or_special', 'allowed_chars']],
  ['ё is Cyrillic', 'Ёлка2024Ab', ['allowed_chars']],
  ['a space', 'Abc def12', ['allowed_chars']],
  ['a leading space', ' Abcdefg1', ['allowed_chars']],
  ['an emoji', 'Abcdefg1😀', ['allowed_chars']],
  ["the seed's example", 'aaa123123123', ['latin_upper', 'no_repeats']],
  ["the seed's example with an upper-case letter", 'Aaa123123123', ['no_repeats']],
  ['aaa repeats', 'Xyaaa12z', ['no_repeats']],
  ['aa is fine', 'Xyaa12bz', []],
  ['1111 repeats', 'Xy1111zq', ['no_repeats']],
  ['ababab repeats', 'Xababab9', ['no_repeats']],
  ['abab is fine', 'Abab2020', []],
  ['202020 repeats', 'Xy202020', ['no_repeats']],
  ['123123 repeats', 'Qw123123', ['no_repeats']],
  ['a long group twice', 'abcABC12abcABC12', ['no_repeats']],
  ['a long unrepeated one', 'Abcdefghijklmnopqrstuvwxyz0123456789', []],
  ['case differs: not a repeat', 'AaAbBb1x', []],
];

describe('password policy', () => {
  it.each(cases)('%s: %j', (_label, pw, failed) => {
    const r = checkPassword(pw);
    expect(r.failed).toEqual(failed);
    expect(r.ok).toBe(failed.length === 0);
  });

  it.each(Array.from(SPECIALS))('the special character %j satisfies digit_or_special', (c) => {
    expect(checkPassword(`Abcdefg${c}`)).toEqual({ ok: true, failed: [] });
  });

  it('lists every special character of the seed', () => {
    expect(Array.from(SPECIALS).sort().join('')).toBe(Array.from('?!~@#$%^&_-+*=;:,./\\|`[]{}()').sort().join(''));
  });

  it('names the repeated group', () => {
    expect(findRepeatedGroup('aaa123123123')).toBe('a');
    expect(findRepeatedGroup('Qw123123')).toBe('123');
    expect(findRepeatedGroup('Abcdefg1')).toBeNull();
  });
});
