/** RPC methods of the actions feature. Filled in by its issue; merged in ./index.ts. */
import type { MethodMap } from './define';

export const actionsMethods = {} satisfies MethodMap;
