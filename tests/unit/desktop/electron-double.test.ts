/** The Electron test double behaves as Electron documents it where the app relies on it. */
import { describe, expect, it } from 'vitest';
import { ElectronDouble } from '../../support/electron-double';

describe('Electron test double', () => {
  it('quits in Electron order: before-quit (preventable), windows close, will-quit, quit; no window-all-closed', () => {
    const d = new ElectronDouble();
    const { BrowserWindow } = d.module;
    new BrowserWindow({ show: false });
    const seen: string[] = [];
    let prevent = true;
    d.app.on('before-quit', (e: { preventDefault(): void }) => {
      seen.push('before-quit');
      if (prevent) e.preventDefault();
    });
    d.app.on('window-all-closed', () => seen.push('window-all-closed'));
    d.app.on('will-quit', () => seen.push('will-quit'));
    d.app.on('quit', () => seen.push('quit'));
    d.app.quit();
    expect(seen).toEqual(['before-quit']);
    expect(d.openWindows()).toHaveLength(1);
    prevent = false;
    d.app.quit();
    expect(seen).toEqual(['before-quit', 'before-quit', 'will-quit', 'quit']);
    expect(d.openWindows()).toHaveLength(0);
  });

  it('emits window-all-closed when the user closes the last window', () => {
    const d = new ElectronDouble();
    const win = new d.module.BrowserWindow({});
    let all = 0;
    d.app.on('window-all-closed', () => all++);
    win.close();
    expect(all).toBe(1);
    expect(win.isDestroyed()).toBe(true);
  });

  it('grants permissions when no handler is set (Electron default) and asks the handler otherwise', async () => {
    const d = new ElectronDouble();
    const win = new d.module.BrowserWindow({});
    expect(await d.session.requestPermission(win.webContents, 'media', 'https://example.com/')).toBe(true);
    d.session.setPermissionRequestHandler((_wc, permission, cb) => cb(permission === 'notifications'));
    expect(await d.session.requestPermission(win.webContents, 'media', 'https://example.com/')).toBe(false);
    expect(await d.session.requestPermission(win.webContents, 'notifications', 'app://partner-desk/')).toBe(
      true,
    );
  });

  it('window.open without a handler opens a window; with one, the handler decides', () => {
    const d = new ElectronDouble();
    const win = new d.module.BrowserWindow({});
    expect(win.webContents.pageOpensWindow('https://example.com/').action).toBe('allow');
    expect(d.openWindows()).toHaveLength(2);
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    expect(win.webContents.pageOpensWindow('https://example.com/').action).toBe('deny');
    expect(d.openWindows()).toHaveLength(2);
  });

  it('ipcMain: one handler per channel, replies cloned, errors wrapped, sender frame given', async () => {
    const d = new ElectronDouble();
    const win = new d.module.BrowserWindow({});
    d.ipcMain.handle('c', (e, x: number) => ({ from: e.senderFrame?.url, x, fn: undefined }));
    expect(() => d.ipcMain.handle('c', () => 1)).toThrow(/second handler/);
    expect(await d.ipcMain.invoke(win.webContents, 'app://partner-desk/', 'c', 2)).toEqual({
      from: 'app://partner-desk/',
      x: 2,
      fn: undefined,
    });
    d.ipcMain.removeHandler('c');
    await expect(d.ipcMain.invoke(win.webContents, 'app://partner-desk/', 'c')).rejects.toThrow(/No handler/);
    d.ipcMain.handle('bad', () => ({ f: () => 1 }));
    await expect(d.ipcMain.invoke(win.webContents, 'app://partner-desk/', 'bad')).rejects.toThrow(
      /Error invoking remote method 'bad'/,
    );
  });

  it('protocol: schemes privileged only before ready, handlers only after; requests reach the handler', async () => {
    const d = new ElectronDouble();
    expect(() => d.protocol.handle('app', () => new Response('x'))).toThrow(/after app is ready/);
    d.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true } }]);
    d.app.emitReady();
    expect(() => d.protocol.registerSchemesAsPrivileged([])).toThrow(/before app is ready/);
    d.protocol.handle('app', (req) => new Response(new URL(req.url).pathname));
    expect(await (await d.protocol.request('app://partner-desk/a.js')).text()).toBe('/a.js');
    await expect(d.protocol.request('other://x/')).rejects.toThrow(/UNKNOWN_URL_SCHEME/);
  });

  it('safeStorage: ciphertext hides the text and foreign bytes do not decrypt', () => {
    const d = new ElectronDouble();
    const enc = d.safeStorage.encryptString('secret-token');
    expect(enc.toString('utf8')).not.toContain('secret-token');
    expect(d.safeStorage.decryptString(enc)).toBe('secret-token');
    expect(() => d.safeStorage.decryptString(Buffer.from('secret-token'))).toThrow(/decrypting/);
  });

  it('dialog: a Save dialog with no queued answer is cancelled', async () => {
    const d = new ElectronDouble();
    expect(await d.dialog.showSaveDialog({ defaultPath: '/x/a.xlsx' })).toEqual({
      canceled: true,
      filePath: '',
    });
    d.dialog.answerSave((o) => ({ canceled: false, filePath: o.defaultPath ?? '' }));
    expect(await d.dialog.showSaveDialog({ defaultPath: '/x/b.xlsx' })).toEqual({
      canceled: false,
      filePath: '/x/b.xlsx',
    });
    expect(d.dialog.saveDialogs.map((s) => s.options.defaultPath)).toEqual(['/x/a.xlsx', '/x/b.xlsx']);
  });
});
