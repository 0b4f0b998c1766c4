/** Field checks shared by the app's forms and the platform. Each returns an error reason or null. */
import { EMAIL_RE, PHONE_RE, LIMITS } from '../contract/platform';

export type FieldError = 'required' | 'invalid_email' | 'invalid_phone' | 'too_long' | 'invalid_inn' | 'invalid_chars';

/**
 * Characters no typed text needs and that hide or reorder what a reader sees: control characters
 * (NUL and the like; tab and line breaks are fine), half of a surrogate pair, and the bidi
 * embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** In an email also the invisible ones (zero-width space and joiners, marks, soft hyphen, BOM). */
const INVISIBLE_CHARS = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/;

export function hasUnsafeChars(v: string): boolean {
  return UNSAFE_CHARS.test(v);
}

export function checkEmail(v: string): FieldError | null {
  const t = v.trim();
  if (!t) return 'required';
  if (t.length > LIMITS.email) return 'too_long';
  if (hasUnsafeChars(t) || INVISIBLE_CHARS.test(t)) return 'invalid_chars';
  return EMAIL_RE.test(t) ? null : 'invalid_email';
}
export function checkPhone(v: string, required = false): FieldError | null {
  const t = v.trim();
  if (!t) return required ? 'required' : null;
  if (t.length > LIMITS.phone) return 'too_long';
  if (hasUnsafeChars(t)) return 'invalid_chars';
  return PHONE_RE.test(t) ? null : 'invalid_phone';
}
export function checkText(v: string, max: number, required = false): FieldError | null {
  const t = v.trim();
  if (!t) return required ? 'required' : null;
  if (t.length > max) return 'too_long';
  return hasUnsafeChars(t) ? 'invalid_chars' : null;
}

/** Russian INN: 10 digits (organisation) or 12 (individual), with check digits. */
export function isValidInn(inn: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(inn)) return false;
  const d = Array.from(inn, Number);
  const check = (weights: number[]) => (weights.reduce((s, w, i) => s + w * (d[i] ?? 0), 0) % 11) % 10;
  if (d.length === 10) return check([2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9];
  return (
    check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11]
  );
}
