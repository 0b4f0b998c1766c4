/** Enum values of the actions feature -> literal catalogue keys, for the screens and the exports alike. */
import type { AuditAction, OutboxState } from '../../contract/rpc/actions';

export const ACTION_KEY: Record<AuditAction, string> = {
  invite: 'actions:action.invite',
  block: 'actions:action.block',
  unblock: 'actions:action.unblock',
  delete: 'actions:action.delete',
  resend: 'actions:action.resend',
  revoke: 'actions:action.revoke',
};

export const STATE_KEY: Record<OutboxState, string> = {
  pending: 'actions:state.pending',
  sending: 'actions:state.sending',
  ok: 'actions:state.ok',
  failed: 'actions:state.failed',
  cancelled: 'actions:state.cancelled',
};
