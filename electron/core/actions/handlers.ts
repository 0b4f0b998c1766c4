/** Handlers of the actions RPC methods (shared/contract/rpc/actions.ts). */
import type { actionsMethods } from '../../../shared/contract/rpc/actions';
import type { Handlers } from '../context';

export const actionsHandlers: Handlers<typeof actionsMethods> = {};
