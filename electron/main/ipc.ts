/**
 * The IPC relay: one `ipcMain.handle` for RPC (sender frame checked first) and the core's events
 * forwarded to the app's windows. The main thread only relays: the core runs in a worker.
 */
import { BrowserWindow, ipcMain } from 'electron';
import { IPC, type AppCommand, type RpcReply } from '../../shared/contract/bridge';
import type { CoreEvent } from '../../shared/contract/events';
import type { CoreHandle } from '../core/core-handle';
import type { ConnectionManager } from '../host/connections';
import { errorShape, parseRpcRequest } from '../host/rpc-reply';
import { isOwnAppUrl } from '../host/security';

export function registerIpc(
  core: CoreHandle,
  connections: ConnectionManager,
  devUrl: string | null,
): () => void {
  ipcMain.handle(IPC.rpc, async (event, body: unknown): Promise<RpcReply> => {
    if (!isOwnAppUrl(event.senderFrame?.url, devUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'IPC from a frame that is not the app' } };
    }
    const req = parseRpcRequest(body);
    if (!req) return { ok: false, error: { code: 'invalid_input', message: 'Expected {method, input}' } };
    try {
      const result =
        req.method === 'connection.set'
          ? await connections.set(core, req.input)
          : req.method === 'localData.forget'
            ? await connections.forget(core, req.input)
            : await core.call(req.method, req.input);
      return { ok: true, result };
    } catch (err) {
      return { ok: false, error: errorShape(err) };
    }
  });
  const off = core.onEvent((e: CoreEvent) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const wc = win.webContents;
      if (!win.isDestroyed() && !wc.isDestroyed() && isOwnAppUrl(wc.getURL(), devUrl)) wc.send(IPC.event, e);
    }
  });
  return () => {
    off();
    ipcMain.removeHandler(IPC.rpc);
  };
}

/** A native menu command for the page: sent only to the app's own windows showing the app. */
export function sendCommand(command: AppCommand, devUrl: string | null): void {
  for (const win of BrowserWindow.getAllWindows()) {
    const wc = win.webContents;
    if (!win.isDestroyed() && !wc.isDestroyed() && isOwnAppUrl(wc.getURL(), devUrl)) wc.send(IPC.command, command);
  }
}
