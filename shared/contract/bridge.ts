/**
 * The one object the renderer sees: `window.partnerDesk` (exposed by electron/preload with
 * contextBridge). It is fixed: a typed RPC call, an event subscription and the platform tag.
 * There is no generic ipcRenderer passthrough. In browser mode the renderer talks HTTP instead
 * (renderer/bridge.ts) and this object is absent.
 */
import type { CoreEvent } from './events';
import type { AppErrorShape } from './rpc/errors';
import type { MethodInput, MethodName } from './rpc/index';

/** The IPC channel names, shared by the preload and electron/main/ipc.ts. */
export const IPC = {
  rpc: 'partner-desk:rpc',
  event: 'partner-desk:event',
} as const;

/** What `ipcMain.handle(IPC.rpc)` resolves to: a result or an error shape (never a thrown Error, whose fields IPC would drop). */
export type RpcReply = { ok: true; result: unknown } | { ok: false; error: AppErrorShape };

/** The request the renderer sends over IPC and over HTTP (`POST /rpc`). */
export interface RpcRequest {
  method: string;
  input: unknown;
}

export interface PartnerDeskBridge {
  /** Calls a contract method; resolves to the reply envelope (renderer/bridge.ts rethrows errors as AppError). */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<RpcReply>;
  /** Subscribes to core events; returns the unsubscribe function. */
  onEvent(listener: (e: CoreEvent) => void): () => void;
  readonly platform: 'desktop';
}

/** The HTTP header that carries browser mode's per-run token. */
export const WEB_TOKEN_HEADER = 'X-Partner-Desk-Token';
