import type { TFunction } from 'i18next';
/** Enum values of the actions feature -> literal catalogue keys (never built from a template). */
import type { BulkAction } from '../../../shared/contract/platform';
import type { BatchFilter } from '../../../shared/contract/rpc/actions';
import { ACTION_KEY, REASON_KEY, STATE_KEY } from '../../../shared/i18n/keys/actions';
export { ACTION_KEY, REASON_KEY, STATE_KEY };

export const PENDING_BADGE_KEY: Record<BulkAction, string> = {
  block: 'actions:pendingBadge.block',
  unblock: 'actions:pendingBadge.unblock',
  delete: 'actions:pendingBadge.delete',
};

export const REASON_OTHER_KEY = 'actions:reason.other';

export const FIELD_KEY: Record<string, string> = {
  required: 'actions:field.required',
  invalid_email: 'actions:field.invalid_email',
  invalid_phone: 'actions:field.invalid_phone',
  too_long: 'actions:field.too_long',
  exists: 'actions:field.exists',
};
export const FIELD_OTHER_KEY = 'actions:field.invalid';

export const BULK_BUTTON_KEY: Record<BulkAction, string> = {
  block: 'actions:bulk.block',
  unblock: 'actions:bulk.unblock',
  delete: 'actions:bulk.delete',
};

export const CONFIRM_TITLE_KEY: Record<BulkAction, string> = {
  block: 'actions:confirm.title.block',
  unblock: 'actions:confirm.title.unblock',
  delete: 'actions:confirm.title.delete',
};
export const CONFIRM_QUESTION_KEY: Record<BulkAction, string> = {
  block: 'actions:confirm.question.block',
  unblock: 'actions:confirm.question.unblock',
  delete: 'actions:confirm.question.delete',
};
export const CONFIRM_BUTTON_KEY: Record<BulkAction, string> = {
  block: 'actions:confirm.confirm.block',
  unblock: 'actions:confirm.confirm.unblock',
  delete: 'actions:confirm.confirm.delete',
};
export const PROGRESS_TITLE_KEY: Record<BulkAction, string> = {
  block: 'actions:progress.title.block',
  unblock: 'actions:progress.title.unblock',
  delete: 'actions:progress.title.delete',
};
export const FILTER_KEY: Record<BatchFilter, string> = {
  all: 'actions:results.filter.all',
  pending: 'actions:results.filter.pending',
  ok: 'actions:results.filter.ok',
  failed: 'actions:results.filter.failed',
  cancelled: 'actions:results.filter.cancelled',
};

type T = TFunction;

/** A failed row's reason in words: a known code, else the generic text naming the code. */
export function reasonLabel(t: T, code: string): string {
  const key = REASON_KEY[code];
  return key ? t(key) : t(REASON_OTHER_KEY, { code });
}

/** A form field's refusal in words. */
export function fieldLabel(t: T, reason: string): string {
  const key = FIELD_KEY[reason];
  return key ? t(key) : t(FIELD_OTHER_KEY, { reason });
}

/** Plural options with the count formatted for the language ({{n}}: "1 029" / "1,029"). */
export function cnt(count: number, lang: string): { count: number; n: string } {
  return { count, n: new Intl.NumberFormat(lang).format(count) };
}
