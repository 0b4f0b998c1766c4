/** RPC methods of the balance feature. Filled in by its issue; merged in ./index.ts. */
import type { MethodMap } from './define';

export const balanceMethods = {} satisfies MethodMap;
