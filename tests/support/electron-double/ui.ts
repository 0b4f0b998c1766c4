/**
 * The double's Menu/MenuItem (the template as built), dialog (answers queued by the test),
 * shell, Notification, safeStorage and screen. Each records what the app asked for.
 */
import { EventEmitter } from 'node:events';
import { electronEvent } from './events';

type ItemOptions = Electron.MenuItemConstructorOptions;

export class FakeMenuItem implements Pick<
  Electron.MenuItem,
  'label' | 'type' | 'enabled' | 'visible' | 'id' | 'accelerator'
> {
  label: string;
  role: ItemOptions['role'];
  type: Electron.MenuItem['type'];
  enabled: boolean;
  visible: boolean;
  id: string;
  accelerator: string | null;
  submenu: FakeMenu | undefined;
  readonly options: ItemOptions;
  constructor(options: ItemOptions) {
    this.options = options;
    this.label = options.label ?? '';
    this.role = options.role;
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.id = options.id ?? '';
    this.accelerator = options.accelerator ?? null;
    const sub = options.submenu;
    this.submenu =
      sub === undefined
        ? undefined
        : sub instanceof FakeMenu
          ? sub
          : FakeMenu.buildFromTemplate(sub as Array<ItemOptions | FakeMenuItem>);
  }
  /** What Electron does on a click: calls `click(menuItem, window, event)`. */
  click(window?: Electron.BaseWindow): void {
    const keyboard: Electron.KeyboardEvent = {
      shiftKey: false,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      triggeredByAccelerator: false,
    };
    this.options.click?.(this as unknown as Electron.MenuItem, window, keyboard);
  }
}

export class FakeMenu implements Pick<Electron.Menu, 'getMenuItemById'> {
  readonly items: FakeMenuItem[] = [];
  static buildFromTemplate(template: Array<ItemOptions | FakeMenuItem>): FakeMenu {
    const m = new FakeMenu();
    for (const t of template) m.items.push(t instanceof FakeMenuItem ? t : new FakeMenuItem(t));
    return m;
  }
  getMenuItemById(id: string): Electron.MenuItem | null {
    const hit = this.walk().find((i) => i.id === id);
    return (hit as unknown as Electron.MenuItem) ?? null;
  }
  /** Every item, depth first. */
  walk(): FakeMenuItem[] {
    return this.items.flatMap((i) => [i, ...(i.submenu?.walk() ?? [])]);
  }
  /** The item at a path of labels, e.g. ['Help', 'Open logs folder']. */
  find(...labels: string[]): FakeMenuItem | undefined {
    let items = this.items;
    let item: FakeMenuItem | undefined;
    for (const label of labels) {
      item = items.find((i) => i.label === label);
      items = item?.submenu?.items ?? [];
    }
    return item;
  }
  /** The top-level labels. */
  labels(): string[] {
    return this.items.map((i) => i.label);
  }
}

type SaveAnswer =
  Electron.SaveDialogReturnValue | ((options: Electron.SaveDialogOptions) => Electron.SaveDialogReturnValue);

export class FakeDialog implements Pick<
  Electron.Dialog,
  'showErrorBox' | 'showMessageBox' | 'showSaveDialog'
> {
  readonly errorBoxes: Array<{ title: string; content: string }> = [];
  readonly messageBoxes: Electron.MessageBoxOptions[] = [];
  readonly saveDialogs: Array<{ window: Electron.BaseWindow | null; options: Electron.SaveDialogOptions }> =
    [];
  private saveAnswers: SaveAnswer[] = [];
  private messageAnswers: number[] = [];

  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }

  showMessageBox(
    window: Electron.BaseWindow,
    options: Electron.MessageBoxOptions,
  ): Promise<Electron.MessageBoxReturnValue>;
  showMessageBox(options: Electron.MessageBoxOptions): Promise<Electron.MessageBoxReturnValue>;
  showMessageBox(
    a: Electron.BaseWindow | Electron.MessageBoxOptions,
    b?: Electron.MessageBoxOptions,
  ): Promise<Electron.MessageBoxReturnValue> {
    const options = b ?? (a as Electron.MessageBoxOptions);
    this.messageBoxes.push(options);
    const response = this.messageAnswers.shift() ?? options.cancelId ?? 0;
    return Promise.resolve({ response, checkboxChecked: false });
  }

  showSaveDialog(
    window: Electron.BaseWindow,
    options: Electron.SaveDialogOptions,
  ): Promise<Electron.SaveDialogReturnValue>;
  showSaveDialog(options: Electron.SaveDialogOptions): Promise<Electron.SaveDialogReturnValue>;
  showSaveDialog(
    a: Electron.BaseWindow | Electron.SaveDialogOptions,
    b?: Electron.SaveDialogOptions,
  ): Promise<Electron.SaveDialogReturnValue> {
    const options = b ?? (a as Electron.SaveDialogOptions);
    this.saveDialogs.push({ window: b ? (a as Electron.BaseWindow) : null, options });
    const answer = this.saveAnswers.shift();
    // With no answer queued the user cancels (Electron answers canceled with an empty path).
    const value =
      answer === undefined
        ? { canceled: true, filePath: '' }
        : typeof answer === 'function'
          ? answer(options)
          : answer;
    return Promise.resolve(value);
  }

  /** Test control: how the user answers the next Save dialog. */
  answerSave(answer: SaveAnswer): void {
    this.saveAnswers.push(answer);
  }
  /** Test control: which button the user presses in the next message box. */
  answerMessageBox(response: number): void {
    this.messageAnswers.push(response);
  }
}

export class FakeShell implements Pick<Electron.Shell, 'openExternal' | 'showItemInFolder' | 'openPath'> {
  readonly opened: string[] = [];
  readonly shownInFolder: string[] = [];
  readonly openedPaths: string[] = [];
  openExternal(url: string, _options?: Electron.OpenExternalOptions): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }
  showItemInFolder(fullPath: string): void {
    this.shownInFolder.push(fullPath);
  }
  openPath(path: string): Promise<string> {
    this.openedPaths.push(path);
    return Promise.resolve('');
  }
}

/** Notifications shown by the main process, shared by every FakeNotification of one double. */
export interface NotificationLog {
  supported: boolean;
  shown: FakeNotification[];
  onShow(n: FakeNotification): void;
}

export class FakeNotification
  extends EventEmitter
  implements Pick<Electron.Notification, 'show' | 'close' | 'title' | 'body'>
{
  title: string;
  body: string;
  readonly options: Electron.NotificationConstructorOptions;
  constructor(
    private readonly log: NotificationLog,
    options?: Electron.NotificationConstructorOptions,
  ) {
    super();
    this.options = options ?? {};
    this.title = this.options.title ?? '';
    this.body = this.options.body ?? '';
  }
  show(): void {
    this.log.shown.push(this);
    this.log.onShow(this);
    this.emit('show', electronEvent());
  }
  close(): void {
    this.emit('close', electronEvent({ id: this.options.id ?? '' }));
  }
  /** Test control: the user clicks the notification. */
  userClicks(): void {
    this.emit('click', electronEvent());
  }
}

const MAGIC = Buffer.from('pd-double-v1:');

/** An OS keychain stand-in: ciphertext never contains the plain text; foreign bytes fail to decrypt. */
export class FakeSafeStorage implements Pick<
  Electron.SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString'
> {
  constructor(public available: boolean) {}
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plainText: string): Buffer {
    if (!this.available)
      throw new Error(
        'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
      );
    const body = Buffer.from(plainText, 'utf8').map((b, i) => b ^ ((0x5a + i) % 256));
    return Buffer.concat([MAGIC, body]);
  }
  decryptString(encrypted: Buffer): string {
    if (!this.available || !encrypted.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
    return Buffer.from(encrypted.subarray(MAGIC.length).map((b, i) => b ^ ((0x5a + i) % 256))).toString(
      'utf8',
    );
  }
}

export class FakeScreen implements Pick<Electron.Screen, 'getAllDisplays' | 'getPrimaryDisplay'> {
  readonly displays: Electron.Display[] = [
    {
      accelerometerSupport: 'unknown',
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      colorDepth: 24,
      colorSpace: '',
      depthPerComponent: 8,
      detected: true,
      displayFrequency: 60,
      id: 1,
      internal: false,
      label: 'Display',
      maximumCursorSize: { width: 64, height: 64 },
      monochrome: false,
      nativeOrigin: { x: 0, y: 0 },
      rotation: 0,
      scaleFactor: 1,
      size: { width: 1920, height: 1080 },
      touchSupport: 'unknown',
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      workAreaSize: { width: 1920, height: 1040 },
    },
  ];
  getAllDisplays(): Electron.Display[] {
    return this.displays;
  }
  getPrimaryDisplay(): Electron.Display {
    return this.displays[0]!;
  }
}
