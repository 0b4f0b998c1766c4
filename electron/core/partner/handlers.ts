/** Handlers of the partner RPC methods (shared/contract/rpc/partner.ts). */
import type { partnerMethods } from '../../../shared/contract/rpc/partner';
import type { Handlers } from '../context';

export const partnerHandlers: Handlers<typeof partnerMethods> = {};
