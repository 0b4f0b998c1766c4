/** Enum values of the actions feature -> literal catalogue keys, for the screens and the exports alike. */
import type { AuditAction, OutboxState } from '../../contract/rpc/actions';

export const ACTION_KEY: Record<AuditAction, string> = {
  invite: 'actions:action.invite',
  block: 'actions:action.block',
  unblock: 'actions:action.unblock',
  delete: 'actions:action.delete',
  resend: 'actions:action.resend',
  revoke: 'actions:action.revoke',
  deal: 'actions:action.deal',
  alert_rule: 'actions:action.alert_rule',
  apply: 'actions:action.apply',
  connection: 'actions:action.connection',
  settings: 'actions:action.settings',
};

export const STATE_KEY: Record<OutboxState, string> = {
  pending: 'actions:state.pending',
  sending: 'actions:state.sending',
  ok: 'actions:state.ok',
  failed: 'actions:state.failed',
  cancelled: 'actions:state.cancelled',
};

/** Why a client's action failed (platform or app codes) -> catalogue key. */
export const REASON_KEY: Record<string, string> = {
  not_found: 'actions:reason.not_found',
  invalid_state: 'actions:reason.invalid_state',
  platform_error: 'actions:reason.platform_error',
  offline: 'actions:reason.offline',
  rate_limited: 'actions:reason.rate_limited',
  token_rejected: 'actions:reason.token_rejected',
  no_result: 'actions:reason.no_result',
  internal: 'actions:reason.internal',
  failed: 'actions:reason.failed',
  client_exists: 'actions:reason.client_exists',
  invalid_input: 'actions:reason.invalid_input',
};
