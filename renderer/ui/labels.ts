/**
 * Enum values -> literal catalogue keys, so every key stays findable by the i18n scan
 * (never build a key from a template string).
 */
import type { AppErrorCode } from '../../shared/contract/rpc/errors';
import type { ConnectionKind } from '../../shared/contract/rpc/app';

// The client maps are shared with the core's exports (one map for both).
export { COLUMN_KEY, PAYMENT_MODEL_KEY, STATUS_KEY } from '../../shared/i18n/keys/clients';

export const CONNECTION_KEY: Record<ConnectionKind, string> = {
  demo: 'settings:connection.kind.demo',
  vk: 'settings:connection.kind.vk',
  vk_mcs: 'settings:connection.kind.vk_mcs',
  custom: 'settings:connection.kind.custom',
};

export const ERROR_KEY: Record<AppErrorCode, string> = {
  invalid_input: 'errors:invalid_input',
  not_found: 'errors:not_found',
  offline: 'errors:offline',
  token_rejected: 'errors:token_rejected',
  not_configured: 'errors:not_configured',
  rate_limited: 'errors:rate_limited',
  platform_error: 'errors:platform_error',
  bad_response: 'errors:bad_response',
  platform_redirect: 'errors:platform_redirect',
  insecure_address: 'errors:insecure_address',
  client_exists: 'errors:client_exists',
  newer_database: 'errors:newer_database',
  data_folder_locked: 'errors:data_folder_locked',
  disk_full: 'errors:disk_full',
  cache_damaged: 'errors:cache_damaged',
  invalid_file: 'errors:invalid_file',
  too_large: 'errors:too_large',
  unknown_method: 'errors:unknown_method',
  forbidden: 'errors:forbidden',
  internal: 'errors:internal',
};

/**
 * Why a form field is refused -> its message: zod issue codes, shared/domain/validation's reasons
 * and the platform's 422 field reasons. The one map for every form (read it through fieldMessage).
 */
export const FIELD_KEY: Record<string, string> = {
  required: 'errors:field.required',
  invalid_type: 'errors:field.invalid_type',
  invalid_format: 'errors:field.invalid_format',
  invalid_url: 'errors:field.invalid_url',
  insecure_url: 'errors:field.insecure_url',
  too_small: 'errors:field.too_small',
  too_big: 'errors:field.too_big',
  invalid_value: 'errors:field.invalid_value',
  not_integer: 'errors:field.not_integer',
  invalid_email: 'errors:field.invalid_email',
  invalid_phone: 'errors:field.invalid_phone',
  too_long: 'errors:field.too_long',
  invalid_chars: 'errors:field.invalid_chars',
  invalid_inn: 'errors:field.invalid_inn',
  invalid_amount: 'errors:field.invalid_amount',
  exists: 'errors:field.exists',
  deal_exists: 'errors:field.deal_exists',
};
export const FIELD_OTHER_KEY = 'errors:field.other';

export const SYNC_PHASE_KEY: Record<'platform' | 'clients' | 'projects' | 'transactions' | 'done', string> = {
  platform: 'common:sync.phase.platform',
  clients: 'common:sync.phase.clients',
  projects: 'common:sync.phase.projects',
  transactions: 'common:sync.phase.transactions',
  done: 'common:sync.phase.done',
};
