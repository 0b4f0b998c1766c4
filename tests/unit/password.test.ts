/**
 * The password policy (shared/domain/password.ts): a table of cases. "Repeated groups" means a
 * group of 1–2 characters three or more times in a row, or of 3+ characters twice or more in a
 * row (the documentation's example aaa123123123 fails on both counts); see the comment beside the code.
 */
import { describe, expect, it } from 'vitest';
import { checkPassword, findRepeatedGroup, PASSWORD_RULES, SPECIALS, type PasswordRule } from '../../shared/domain/password';

const cases: [string, string, PasswordRule[]][] = [
  ['a good one', 'Abcdefg1', []],
  ['exactly 8 with a special', 'Abcdef!x', []],
  ['7 characters', 'Abcde1x', ['min_length']],
  ['empty', '', ['min_length', 'latin_upper', 'latin_lower', 'digit_or_special']],
  ['no upper-case', 'abcdefg1', ['latin_upper']],
  ['no lower-case', 'ABCDEFG1', ['latin_lower']],
  ['no digit nor special', 'Abcdefgh', ['digit_or_special']],
  // The documentation names no character as forbidden: spaces, Cyrillic and emoji are allowed,
  // they only do not count as the Latin letters the policy asks for.
  ['Cyrillic letters beside the required ones are allowed', 'Пароль12Ab', []],
  ['Cyrillic upper-case does not count as Latin', 'ПАРОЛЬab1', ['latin_upper']],
  ['Cyrillic only', 'пароль', ['min_length', 'latin_upper', 'latin_lower', 'digit_or_special']],
  ['ё is allowed', 'Ёлка2024Ab', []],
  ['a space is allowed', 'Abc def12', []],
  ['a leading space is allowed', ' Abcdefg1', []],
  ['an emoji is allowed', 'Abcdefg1😀', []],
  ['a space does not count as a special character', 'Abcd efgh', ['digit_or_special']],
  ["the documentation's example", 'aaa123123123', ['latin_upper', 'no_repeats']],
  ["the documentation's example with an upper-case letter", 'Aaa123123123', ['no_repeats']],
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

  it('lists every special character of the documentation', () => {
    expect(Array.from(SPECIALS).sort().join('')).toBe(Array.from('?!~@#$%^&_-+*=;:,./\\|`[]{}()').sort().join(''));
  });

  it('has exactly the documented rules, none about which characters are allowed', () => {
    expect([...PASSWORD_RULES]).toEqual(['min_length', 'latin_upper', 'latin_lower', 'digit_or_special', 'no_repeats']);
  });

  it('names the repeated group', () => {
    expect(findRepeatedGroup('aaa123123123')).toBe('a');
    expect(findRepeatedGroup('Qw123123')).toBe('123');
    expect(findRepeatedGroup('Abcdefg1')).toBeNull();
  });
});
