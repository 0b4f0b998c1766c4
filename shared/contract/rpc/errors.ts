/**
 * Errors that cross the RPC boundary. The renderer shows `errors.<code>` from shared/i18n,
 * interpolated with `params`; `fields` maps a form field to an `errors.field.<reason>` key.
 */
import { z } from 'zod';

export const AppErrorCode = z.enum([
  'invalid_input',
  'not_found',
  'offline',
  'token_rejected',
  'not_configured',
  'rate_limited',
  'platform_error',
  'bad_response',
  'platform_redirect',
  'insecure_address',
  'client_exists',
  'newer_database',
  'data_folder_locked',
  'disk_full',
  'cache_damaged',
  'invalid_file',
  'too_large',
  'unknown_method',
  'forbidden',
  'internal',
]);
export type AppErrorCode = z.infer<typeof AppErrorCode>;

export const AppErrorShape = z.object({
  code: AppErrorCode,
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly params: Record<string, string | number> | undefined;
  readonly fields: Record<string, string> | undefined;
  constructor(
    code: AppErrorCode,
    message: string,
    extra: { params?: Record<string, string | number>; fields?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.params = extra.params;
    this.fields = extra.fields;
  }
  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.params ? { params: this.params } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
  static from(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.message, {
      ...(shape.params ? { params: shape.params } : {}),
      ...(shape.fields ? { fields: shape.fields } : {}),
    });
  }
}
