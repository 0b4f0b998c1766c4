/**
 * The one object the renderer sees: `window.partnerDesk` (exposed by electron/preload with
 * contextBridge). It is fixed: a typed RPC call, an event subscription and the platform tag.
 * There is no generic ipcRenderer passthrough. In browser mode the renderer talks HTTP instead
 * (renderer/bridge.ts) and this object is absent.
 */
import { z } from 'zod';
import type { CoreEvent } from './events';
import type { AppErrorShape } from './rpc/errors';
import type { MethodInput, MethodName } from './rpc/index';

/** The IPC channel names, shared by the preload and electron/main/ipc.ts. */
export const IPC = {
  rpc: 'partner-desk:rpc',
  event: 'partner-desk:event',
  saveFile: 'partner-desk:save-file',
  /** Main -> renderer only: a native menu item asks the page to do something (AppCommand). */
  command: 'partner-desk:command',
} as const;

/** What the native menu may ask the page to do: a fixed list, checked on both sides. */
export const AppCommand = z.enum(['openPalette']);
export type AppCommand = z.infer<typeof AppCommand>;

/** The largest file the renderer may hand over for saving (base64 of ~64 MB). */
export const SAVE_FILE_MAX_BASE64 = 90_000_000;

/**
 * A file the core built, to be saved on the desktop: a suggested name (no folder: the user picks
 * where in the native Save dialog, the main process writes), its type and its bytes (base64).
 */
export const SaveFileRequest = z.strictObject({
  fileName: z
    .string()
    .min(1)
    .max(200)
    .refine(
      (n) => !/[\\/:*?"<>|]/.test(n) && ![...n].some((c) => c.charCodeAt(0) < 32) && n !== '.' && n !== '..',
      'A file name, not a path',
    ),
  mime: z.string().min(1).max(120),
  base64: z
    .string()
    .max(SAVE_FILE_MAX_BASE64)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});
export type SaveFileRequest = z.infer<typeof SaveFileRequest>;

/** Where the file went: not saved (the user cancelled, or writing failed and was reported), or its name. */
export type SaveFileResult = { saved: false } | { saved: true; fileName: string };
export type SaveFileReply = { ok: true; result: SaveFileResult } | { ok: false; error: AppErrorShape };

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
  /** Subscribes to the native menu's commands (only AppCommand values reach the listener); returns the unsubscribe function. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** Saves a file through the native Save dialog; the main process chooses the path and writes. */
  saveFile(file: SaveFileRequest): Promise<SaveFileReply>;
  readonly platform: 'desktop';
}

/** The HTTP header that carries browser mode's per-run token. */
export const WEB_TOKEN_HEADER = 'X-Partner-Desk-Token';
