/**
 * The preload (built as CommonJS because the window is sandboxed). It exposes ONE fixed object,
 * `window.partnerDesk`, checked against the contract type with `satisfies`: a typed RPC call, an
 * event subscription, the native menu's commands (a fixed list), saving a file through the native dialog and the platform tag. No generic ipcRenderer passthrough.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { AppCommand, IPC, type PartnerDeskBridge, type RpcReply, type SaveFileReply } from '../../shared/contract/bridge';
import type { CoreEvent } from '../../shared/contract/events';

const api = {
  call: (method: string, input: unknown) =>
    ipcRenderer.invoke(IPC.rpc, { method, input }) as Promise<RpcReply>,
  onEvent(listener: (e: CoreEvent) => void): () => void {
    const handler = (_e: IpcRendererEvent, payload: CoreEvent) => listener(payload);
    ipcRenderer.on(IPC.event, handler);
    return () => {
      ipcRenderer.removeListener(IPC.event, handler);
    };
  },
  onCommand(listener: (command: AppCommand) => void): () => void {
    // Only the listed commands pass; anything else on the channel is dropped.
    const handler = (_e: IpcRendererEvent, payload: unknown) => {
      const c = AppCommand.safeParse(payload);
      if (c.success) listener(c.data);
    };
    ipcRenderer.on(IPC.command, handler);
    return () => {
      ipcRenderer.removeListener(IPC.command, handler);
    };
  },
  saveFile: (file) => ipcRenderer.invoke(IPC.saveFile, file) as Promise<SaveFileReply>,
  platform: 'desktop',
} as const satisfies PartnerDeskBridge;

contextBridge.exposeInMainWorld('partnerDesk', api);
