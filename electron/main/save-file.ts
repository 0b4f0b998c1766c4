/**
 * Saving a file the core built, the desktop way: the renderer hands over a suggested name and the
 * bytes (never a path); the main process asks where with the native Save dialog (in Downloads by
 * default), writes the file whole (a temporary file renamed into place) and offers "Show in
 * folder". Cancelling is not an error. Browser downloads stay refused (guards.ts).
 */
import { basename, dirname, extname, join } from 'node:path';
import { diskFull, writeWhole } from '../host/write-whole';
import { BrowserWindow, app, dialog, ipcMain, shell } from 'electron';
import { IPC, SaveFileRequest, type SaveFileReply } from '../../shared/contract/bridge';
import type { Lang } from '../../shared/i18n/index';
import { isOwnAppUrl } from '../host/security';
import { log } from './log';
import { menuText } from './menu';

export function registerSaveFile(language: () => Lang, devUrl: string | null): () => void {
  ipcMain.handle(IPC.saveFile, async (event, body: unknown): Promise<SaveFileReply> => {
    if (!isOwnAppUrl(event.senderFrame?.url, devUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'IPC from a frame that is not the app' } };
    }
    const parsed = SaveFileRequest.safeParse(body);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: parsed.error.issues[0]?.message ?? 'Invalid file' },
      };
    }
    const file = parsed.data;
    const lang = language();
    const ext = extname(file.fileName).slice(1).toLowerCase();
    const win = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.SaveDialogOptions = {
      title: menuText(lang, 'menu:saveTitle'),
      defaultPath: join(app.getPath('downloads'), file.fileName),
      ...(ext ? { filters: [{ name: ext.toUpperCase(), extensions: [ext] }] } : {}),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, result: { saved: false } };
    const path = choice.filePath;
    try {
      await writeWhole(path, Buffer.from(file.base64, 'base64'));
    } catch (err) {
      log.error('saving a file failed:', err);
      dialog.showErrorBox(
        menuText(lang, 'menu:saveFailedTitle'),
        diskFull(err)
          ? menuText(lang, 'menu:saveDiskFull', { name: basename(path) })
          : menuText(lang, 'menu:saveFailed', {
              name: basename(path),
              message: err instanceof Error ? err.message : String(err),
            }),
      );
      return { ok: true, result: { saved: false } };
    }
    const saved: Electron.MessageBoxOptions = {
      type: 'info',
      title: menuText(lang, 'menu:savedTitle'),
      message: menuText(lang, 'menu:saved', { name: basename(path) }),
      detail: dirname(path),
      buttons: [menuText(lang, 'menu:showInFolder'), menuText(lang, 'menu:ok')],
      defaultId: 1,
      cancelId: 1,
    };
    const answer = win ? await dialog.showMessageBox(win, saved) : await dialog.showMessageBox(saved);
    if (answer.response === 0) shell.showItemInFolder(path);
    return { ok: true, result: { saved: true, fileName: basename(path) } };
  });
  return () => ipcMain.removeHandler(IPC.saveFile);
}
