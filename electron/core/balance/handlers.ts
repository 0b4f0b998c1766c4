/** Handlers of the balance RPC methods (shared/contract/rpc/balance.ts). */
import type { balanceMethods } from '../../../shared/contract/rpc/balance';
import type { Handlers } from '../context';

export const balanceHandlers: Handlers<typeof balanceMethods> = {};
