/** Field checks shared by the app's forms and the platform. Each returns an error reason or null. */
import { EMAIL_RE, PHONE_RE, LIMITS } from '../contract/platform';

export type FieldError = 'required' | 'invalid_email' | 'invalid_phone' | 'too_long' | 'invalid_inn';

export function checkEmail(v: string): FieldError | null {
  const t = v.trim();
  if (!t) return 'required';
  if (t.length > LIMITS.email) return 'too_long';
  return EMAIL_RE.test(t) ? null : 'invalid_email';
}
export function checkPhone(v: string, required = false): FieldError | null {
  const t = v.trim();
  if (!t) return required ? 'required' : null;
  if (t.length > LIMITS.phone) return 'too_long';
  return PHONE_RE.test(t) ? null : 'invalid_phone';
}
export function checkText(v: string, max: number, required = false): FieldError | null {
  const t = v.trim();
  if (!t) return required ? 'required' : null;
  return t.length > max ? 'too_long' : null;
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
