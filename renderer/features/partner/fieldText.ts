/** A field reason (shared/domain/validation, the platform's 422 fields) in the user's language. */
import type { TFunction } from 'i18next';
import { FIELD_KEY, FIELD_OTHER_KEY } from './keys';

export function reasonText(t: TFunction, reason: string): string {
  return t(FIELD_KEY[reason] ?? FIELD_OTHER_KEY);
}
