/** A field reason (shared/domain/validation, the platform's 422 fields) in the user's language. */
import type { TFunction } from 'i18next';

const KNOWN = ['required', 'invalid_email', 'invalid_phone', 'too_long', 'invalid_inn', 'invalid_amount', 'deal_exists'];

export function reasonText(t: TFunction, reason: string): string {
  return KNOWN.includes(reason) ? t(`partner:field.${reason}`) : t('partner:field.invalid');
}
