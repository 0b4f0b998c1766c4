/** RPC methods of the partner feature. Filled in by its issue; merged in ./index.ts. */
import type { MethodMap } from './define';

export const partnerMethods = {} satisfies MethodMap;
