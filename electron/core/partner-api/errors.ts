/**
 * Failures of the platform client, and their mapping onto the RPC boundary's AppError.
 */
import { AppError } from '../../../shared/contract/rpc/errors';

/**
 * `redirect`: the platform answered 3xx (never followed, so the token stays with the platform's own
 * origin); `insecure_address`: plain http:// to a host that is not this computer (nothing sent).
 */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'bad_response' | 'redirect' | 'insecure_address';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly fields: Record<string, string> | undefined;
  readonly retryAfterMs: number | undefined;
  readonly target: string | undefined;
  constructor(
    kind: ApiErrorKind,
    message: string,
    extra: {
      status?: number;
      code?: string;
      fields?: Record<string, string>;
      retryAfterMs?: number;
      /** Where a refused redirect pointed (scheme, host and port only). */
      target?: string;
      cause?: unknown;
    } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = extra.status;
    this.code = extra.code;
    this.fields = extra.fields;
    this.retryAfterMs = extra.retryAfterMs;
    this.target = extra.target;
  }
  /** Worth another try for a GET (or a write with an idempotency key). */
  get retryable(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    if (this.kind === 'http') return this.status === 429 || (this.status !== undefined && this.status >= 500);
    return false;
  }
}

/** Maps any failure of a platform call onto the AppError the renderer understands. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof ApiError) {
    switch (e.kind) {
      case 'network':
      case 'timeout':
        return new AppError('offline', e.message);
      case 'bad_response':
        return new AppError('bad_response', e.message);
      case 'redirect':
        return new AppError('platform_redirect', e.message, { params: { target: e.target ?? '?' } });
      case 'insecure_address':
        return new AppError('insecure_address', e.message);
      case 'http': {
        const s = e.status ?? 0;
        if (s === 401) return new AppError('token_rejected', e.message);
        if (s === 403) return new AppError('forbidden', e.message);
        if (s === 404) return new AppError('not_found', e.message);
        if (s === 409 && e.code === 'client_exists') return new AppError('client_exists', e.message);
        if (s === 422) return new AppError('invalid_input', e.message, e.fields ? { fields: e.fields } : {});
        if (s === 429) {
          return new AppError('rate_limited', e.message, { params: { seconds: Math.ceil((e.retryAfterMs ?? 0) / 1000) } });
        }
        return new AppError('platform_error', e.message, { params: { status: s } });
      }
    }
  }
  const local = localFault(e);
  if (local) return local;
  return new AppError('internal', e instanceof Error ? e.message : String(e));
}

/** The machine's own faults: a full disk (SQLite's or the file system's) and a damaged cache file. */
export function localFault(e: unknown): AppError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const message = e instanceof Error ? e.message : code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new AppError('disk_full', message);
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return new AppError('cache_damaged', message);
  return null;
}
