/** Enum values of the actions feature -> literal catalogue keys (never built from a template). */
import type { TFunction } from 'i18next';
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
export const CONFIRM_ONE_KEY: Record<BulkAction, string> = {
  block: 'actions:confirm.one.block',
  unblock: 'actions:confirm.one.unblock',
  delete: 'actions:confirm.one.delete',
};
export const CONFIRM_ONE_TITLE_KEY: Record<BulkAction, string> = {
  block: 'actions:confirm.oneTitle.block',
  unblock: 'actions:confirm.oneTitle.unblock',
  delete: 'actions:confirm.oneTitle.delete',
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

/** A failed row's reason in words: a known code, else the generic text naming the code. */
export function reasonLabel(t: TFunction, code: string): string {
  const key = REASON_KEY[code];
  return key ? t(key) : t(REASON_OTHER_KEY, { code });
}
