/**
 * The invited client's password policy, as the partner documentation states it, written once
 * for the platform pages and the app.
 *
 * - min_length: at least 8 characters.
 * - latin_upper / latin_lower: at least one upper- and one lower-case Latin letter (A–Z, a–z).
 *   Cyrillic letters are not Latin and do not count.
 * - digit_or_special: at least one digit or one of SPECIALS.
 *   Nothing else is required or refused: other characters (spaces, Cyrillic) are allowed, they
 *   just do not count towards the letter or digit rules.
 * - no_repeats: no repeated groups of characters. We read the documentation's example `aaa123123123` as:
 *     * a group of 1 or 2 characters repeated three or more times in a row (`aaa`, `1111`, `ababab`);
 *     * a group of 3 or more characters repeated twice or more in a row (`123123`, `abcabc`).
 *   So `aa`, `2020` and `abab` pass; `aaa`, `202020` and `Qw123123` do not.
 */
export const SPECIALS = '?!~@#$%^&_-+*=;:,./\\|`[]{}()';

export const PASSWORD_RULES = ['min_length', 'latin_upper', 'latin_lower', 'digit_or_special', 'no_repeats'] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];
export const PASSWORD_MIN_LENGTH = 8;

const specialSet = new Set(SPECIALS);
const isUpper = (c: string) => c >= 'A' && c <= 'Z';
const isLower = (c: string) => c >= 'a' && c <= 'z';
const isDigit = (c: string) => c >= '0' && c <= '9';

/** The first repeated group found, or null. */
export function findRepeatedGroup(pw: string): string | null {
  const chars = Array.from(pw);
  const n = chars.length;
  for (let len = 1; len <= Math.floor(n / 2); len++) {
    const need = len <= 2 ? 3 : 2;
    for (let i = 0; i + len * need <= n; i++) {
      let reps = 1;
      while (i + len * (reps + 1) <= n) {
        let same = true;
        for (let k = 0; k < len; k++) {
          if (chars[i + k] !== chars[i + reps * len + k]) {
            same = false;
            break;
          }
        }
        if (!same) break;
        reps++;
      }
      if (reps >= need) return chars.slice(i, i + len).join('');
    }
  }
  return null;
}

export interface PasswordCheck {
  ok: boolean;
  failed: PasswordRule[];
}

export function checkPassword(pw: string): PasswordCheck {
  const chars = Array.from(pw);
  const failed: PasswordRule[] = [];
  if (chars.length < PASSWORD_MIN_LENGTH) failed.push('min_length');
  if (!chars.some(isUpper)) failed.push('latin_upper');
  if (!chars.some(isLower)) failed.push('latin_lower');
  if (!chars.some((c) => isDigit(c) || specialSet.has(c))) failed.push('digit_or_special');
  if (findRepeatedGroup(pw) !== null) failed.push('no_repeats');
  return { ok: failed.length === 0, failed };
}
