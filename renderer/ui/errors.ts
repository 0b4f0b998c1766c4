/** An error shown to a person: the AppError's code translated, else the generic message. */
import type { TFunction } from 'i18next';
import { AppErrorCode } from '../../shared/contract/rpc/errors';
import { ERROR_KEY, FIELD_KEY, FIELD_OTHER_KEY } from './labels';

export function errorCode(e: unknown): AppErrorCode {
  const code = (e as { code?: unknown } | null)?.code;
  const parsed = AppErrorCode.safeParse(code);
  return parsed.success ? parsed.data : 'internal';
}

export function errorText(t: TFunction, e: unknown): string {
  const params = (e as { params?: Record<string, string | number> } | null)?.params ?? {};
  return t(ERROR_KEY[errorCode(e)], params);
}

/** Why a field is refused, in words: a known reason's message, else "Check this field". */
export function fieldMessage(t: TFunction, reason: string): string {
  return t(FIELD_KEY[reason] ?? FIELD_OTHER_KEY);
}

/** The field -> translated reason map of an invalid_input error. */
export function fieldErrors(t: TFunction, e: unknown): Record<string, string> {
  const fields = (e as { fields?: Record<string, string> } | null)?.fields ?? {};
  const out: Record<string, string> = {};
  for (const [field, reason] of Object.entries(fields)) out[field] = fieldMessage(t, reason);
  return out;
}

/** The sync engine's lastError code as an AppErrorCode (the engine sends AppError codes; older kinds are mapped). */
export function syncErrorCode(code: string): AppErrorCode {
  const parsed = AppErrorCode.safeParse(code);
  if (parsed.success) return parsed.data;
  if (code === 'network' || code === 'timeout') return 'offline';
  if (code === 'http_401') return 'token_rejected';
  if (code === 'http_429') return 'rate_limited';
  return 'platform_error';
}
