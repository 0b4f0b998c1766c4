/**
 * The double's ipcMain (handlers invoked with a fake sender frame; replies structured-cloned as
 * Electron does) and protocol (privileged schemes recorded; `handle` callbacks called with a real
 * Request, as Chromium would for a page load or fetch).
 */
import { EventEmitter } from 'node:events';
import { electronEvent, ipcClone } from './events';
import { FakeFrame, type FakeWebContents } from './windows';
import { asWebContents } from './session';

type InvokeListener = Parameters<Electron.IpcMain['handle']>[1];

export class FakeIpcMain
  extends EventEmitter
  implements Pick<Electron.IpcMain, 'handle' | 'handleOnce' | 'removeHandler'>
{
  private readonly handlers = new Map<string, { listener: InvokeListener; once: boolean }>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, { listener, once: false });
  }
  handleOnce(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, { listener, once: true });
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Channels with a handler now. */
  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /**
   * `ipcRenderer.invoke(channel, ...args)` from a frame at `frameUrl` in `sender`. Arguments and the
   * reply cross the boundary as structured clones; a handler that throws rejects the call with
   * Electron's "Error invoking remote method" message; no handler rejects too.
   */
  async invoke(
    sender: FakeWebContents,
    frameUrl: string,
    channel: string,
    ...args: unknown[]
  ): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h)
      throw new Error(
        `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
      );
    if (h.once) this.handlers.delete(channel);
    const frame = new FakeFrame(frameUrl).asWebFrameMain();
    const event: Electron.IpcMainInvokeEvent = Object.assign(electronEvent(), {
      frameId: 1,
      processId: 1,
      sender: asWebContents(sender),
      senderFrame: frame,
      type: 'frame' as const,
    });
    try {
      return ipcClone(await h.listener(event, ...args.map((a) => ipcClone(a))));
    } catch (err) {
      throw new Error(`Error invoking remote method '${channel}': ${String(err)}`, { cause: err });
    }
  }
}

type SchemeHandler = Parameters<Electron.Protocol['handle']>[1];

export class FakeProtocol implements Pick<
  Electron.Protocol,
  'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'
> {
  readonly privileged: Electron.CustomScheme[] = [];
  private readonly handlers = new Map<string, SchemeHandler>();
  private registeredOnce = false;

  constructor(private readonly isReady: () => boolean) {}

  /** Electron: only before app 'ready', and only once. */
  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    if (this.isReady())
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    if (this.registeredOnce) throw new Error('protocol.registerSchemesAsPrivileged can only be called once');
    this.registeredOnce = true;
    this.privileged.push(...customSchemes);
  }
  /** Electron: only after 'ready' (the session does not exist before). */
  handle(scheme: string, handler: SchemeHandler): void {
    if (!this.isReady()) throw new Error('protocol.handle must be called after app is ready');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  /** The page (or the window's loadURL) requests `url` on a handled scheme. */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${scheme})`);
    return handler(new Request(url, init));
  }
}
