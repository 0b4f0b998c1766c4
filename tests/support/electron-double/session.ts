/**
 * The double's `session.defaultSession`: the permission, device and display-media handlers the
 * app installs, and `will-download` with a fake DownloadItem. Without a handler Electron grants
 * permission requests, so a missing handler shows up as "granted" here too.
 */
import { EventEmitter } from 'node:events';
import { electronEvent } from './events';
import type { FakeWebContents } from './windows';

type S = Electron.Session;
type RequestHandler = NonNullable<Parameters<S['setPermissionRequestHandler']>[0]>;
type CheckHandler = NonNullable<Parameters<S['setPermissionCheckHandler']>[0]>;
type DeviceHandler = NonNullable<Parameters<S['setDevicePermissionHandler']>[0]>;
type DisplayMediaHandler = NonNullable<Parameters<S['setDisplayMediaRequestHandler']>[0]>;
export type Permission = Parameters<RequestHandler>[1];

export class FakeDownloadItem
  extends EventEmitter
  implements
    Pick<
      Electron.DownloadItem,
      | 'getURL'
      | 'getFilename'
      | 'getMimeType'
      | 'getTotalBytes'
      | 'cancel'
      | 'setSavePath'
      | 'getSavePath'
      | 'getState'
    >
{
  private state: ReturnType<Electron.DownloadItem['getState']> = 'progressing';
  private savePath = '';
  constructor(
    private readonly url: string,
    private readonly filename: string,
    private readonly bytes: number,
  ) {
    super();
  }
  getURL(): string {
    return this.url;
  }
  getFilename(): string {
    return this.filename;
  }
  getMimeType(): string {
    return 'application/octet-stream';
  }
  getTotalBytes(): number {
    return this.bytes;
  }
  cancel(): void {
    this.state = 'cancelled';
    this.emit('done', electronEvent(), 'cancelled');
  }
  setSavePath(path: string): void {
    this.savePath = path;
  }
  getSavePath(): string {
    return this.savePath;
  }
  getState(): ReturnType<Electron.DownloadItem['getState']> {
    return this.state;
  }
}

export class FakeSession
  extends EventEmitter
  implements
    Pick<
      S,
      | 'setPermissionRequestHandler'
      | 'setPermissionCheckHandler'
      | 'setDevicePermissionHandler'
      | 'setDisplayMediaRequestHandler'
    >
{
  requestHandler: RequestHandler | null = null;
  checkHandler: CheckHandler | null = null;
  deviceHandler: DeviceHandler | null = null;
  displayMediaHandler: DisplayMediaHandler | null = null;

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: DeviceHandler | null): void {
    this.deviceHandler = handler;
  }
  setDisplayMediaRequestHandler(
    handler: DisplayMediaHandler | null,
    _opts?: Electron.DisplayMediaRequestHandlerOpts,
  ): void {
    this.displayMediaHandler = handler;
  }

  // ---- test controls ---------------------------------------------------------------------

  /** A page asks for a permission (e.g. Notification.requestPermission()). Resolves with the answer. */
  requestPermission(
    contents: FakeWebContents,
    permission: Permission,
    requestingUrl: string,
  ): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) =>
      handler(asWebContents(contents), permission, resolve, { isMainFrame: true, requestingUrl }),
    );
  }

  /** Chromium checks a permission synchronously (e.g. Notification.permission). */
  checkPermission(
    contents: FakeWebContents | null,
    permission: Permission,
    requestingOrigin: string,
  ): boolean {
    if (!this.checkHandler) return true;
    return this.checkHandler(contents ? asWebContents(contents) : null, permission, requestingOrigin, {
      isMainFrame: true,
      requestingUrl: requestingOrigin,
    });
  }

  /** A page asks for a HID/serial/USB device. Without a handler Electron denies. */
  devicePermission(deviceType: 'hid' | 'serial' | 'usb', origin: string): boolean {
    if (!this.deviceHandler) return false;
    const device: Electron.HIDDevice = {
      collections: [],
      deviceId: 'dev-1',
      name: 'Device',
      productId: 1,
      vendorId: 1,
    };
    return this.deviceHandler({ deviceType, origin, device });
  }

  /** getDisplayMedia(): resolves with the streams the handler chose (null or {} means refused). */
  requestDisplayMedia(securityOrigin: string): Promise<Electron.Streams | null> {
    const handler = this.displayMediaHandler;
    if (!handler) return Promise.resolve(null);
    return new Promise((resolve) =>
      handler(
        { frame: null, securityOrigin, videoRequested: true, audioRequested: false, userGesture: true },
        (streams) => resolve(streams),
      ),
    );
  }

  /** The page starts a download (a blob link, a navigation to a file). */
  startDownload(
    contents: FakeWebContents,
    url: string,
    filename: string,
    bytes = 10,
  ): { prevented: boolean; item: FakeDownloadItem } {
    const item = new FakeDownloadItem(url, filename, bytes);
    const e = electronEvent();
    this.emit('will-download', e, item, asWebContents(contents), null);
    return { prevented: e.defaultPrevented, item };
  }
}

/** Where Electron passes a WebContents, the double passes its FakeWebContents. */
export function asWebContents(c: FakeWebContents): Electron.WebContents {
  return c as unknown as Electron.WebContents;
}
