/**
 * What desktop users expect, on the real main process and the Electron test double: every export
 * kind goes through the native Save dialog (Downloads, the core's file name in the user's
 * language) and the main process writes the bytes; cancelling writes nothing; "Show in folder";
 * balance alerts arrive as native notifications in the user's language; the logs folder is in
 * userData and the Help menu opens it.
 */
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC, type SaveFileReply } from '../../../shared/contract/bridge';
import type { CoreEvent } from '../../../shared/contract/events';
import { resources } from '../../../shared/i18n/index';
import { APP_URL } from '../../support/desktop-security';
import { startDesktop, type DesktopRun } from '../../support/desktop-double';

vi.mock('electron', async () => (await import('../../support/electron-double')).electronModule);

type BuiltFile = { fileName: string; mime: string; base64: string };

describe('desktop: saving files, notifications, logs (main process on the Electron double)', () => {
  let run: DesktopRun;
  const events = (): CoreEvent[] =>
    run.window!.webContents.sent.filter((m) => m.channel === IPC.event).map((m) => m.args[0] as CoreEvent);
  const save = (file: unknown, frame = APP_URL) =>
    run.double.ipcMain.invoke(run.window!.webContents, frame, IPC.saveFile, file) as Promise<SaveFileReply>;

  beforeAll(async () => {
    run = await startDesktop({ systemLanguages: ['ru-RU'] });
    await vi.waitFor(
      () =>
        expect(
          events().some(
            (e) => e.event === 'sync.progress' && (e.payload as { phase: string }).phase === 'done',
          ),
        ).toBe(true),
      { timeout: 120_000, interval: 100 },
    );
  }, 180_000);
  afterAll(async () => {
    await run?.quit();
    if (run) rmSync(run.double.root, { recursive: true, force: true });
  });

  async function exportsOfEveryKind(): Promise<Array<{ kind: string; file: BuiltFile }>> {
    const { rows } = (await run.rpc('clients.list', { limit: 1 })) as { rows: Array<{ id: string }> };
    const clientId = rows[0]!.id;
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const detail = (await run.rpc('balance.export', {
      view: 'detail',
      clientId,
      from,
      to,
      format: 'xlsx',
      lang: 'ru',
    })) as BuiltFile;
    const expenses = (await run.rpc('balance.export', {
      view: 'expenses',
      clientId,
      from,
      to,
      format: 'csv',
      lang: 'ru',
    })) as BuiltFile;
    const ru = resources.ru.balance.export;
    expect(detail.fileName).toBe(`${ru.viewDetail}_${clientId}_${from}_${to}.xlsx`);
    expect(expenses.fileName).toBe(`${ru.viewExpenses}_${clientId}_${from}_${to}.csv`);
    // Block the first client, or unblock it if it is blocked already.
    let { batchId } = (await run.rpc('actions.enqueue', { action: 'block', ids: [clientId] })) as {
      batchId: string | null;
    };
    batchId ??= (
      (await run.rpc('actions.enqueue', { action: 'unblock', ids: [clientId] })) as { batchId: string | null }
    ).batchId;
    const results = (await run.rpc('actions.export', { batchId, format: 'csv', lang: 'ru' })) as BuiltFile;
    const audit = (await run.rpc('audit.export', { format: 'xlsx', lang: 'ru' })) as BuiltFile;
    const { current } = (await run.rpc('report.months', {})) as { current: string };
    const { jobId } = (await run.rpc('report.start', { month: current, lang: 'ru' })) as { jobId: string };
    await vi.waitFor(
      () =>
        expect(
          events().some(
            (e) =>
              e.event === 'report.progress' &&
              (e.payload as { jobId: string; state: string }).jobId === jobId &&
              (e.payload as { state: string }).state !== 'running',
          ),
        ).toBe(true),
      { timeout: 60_000, interval: 50 },
    );
    const report = (await run.rpc('report.get', { jobId })) as { file: BuiltFile | null };
    expect(report.file!.fileName).toBe(resources.ru.partner.report.fileName.replace('{{month}}', current));
    return [
      { kind: 'detail', file: detail },
      { kind: 'expenses', file: expenses },
      { kind: 'action results', file: results },
      { kind: 'audit', file: audit },
      { kind: 'monthly report', file: report.file! },
    ];
  }

  it('each export kind reaches the Save dialog with its name in Downloads; the main process writes its bytes', async () => {
    const files = await exportsOfEveryKind();
    const { double } = run;
    const downloads = double.app.getPath('downloads');
    const chosen = join(double.root, 'chosen');
    (await import('node:fs')).mkdirSync(chosen, { recursive: true });
    for (const { kind, file } of files) {
      const before = double.dialog.saveDialogs.length;
      double.dialog.answerSave((o) => ({
        canceled: false,
        filePath: join(chosen, `${kind}-${(o.defaultPath ?? '').split('/').pop()}`),
      }));
      double.dialog.answerMessageBox(0); // "Show in folder"
      const reply = await save(file);
      expect(reply, kind).toEqual({
        ok: true,
        result: { saved: true, fileName: `${kind}-${file.fileName}` },
      });
      const asked = double.dialog.saveDialogs[before]!;
      expect(asked.window, `${kind}: the dialog belongs to the window`).toBe(run.window);
      expect(asked.options.defaultPath, kind).toBe(join(downloads, file.fileName));
      expect(asked.options.title).toBe(resources.ru.menu.saveTitle);
      const written = join(chosen, `${kind}-${file.fileName}`);
      expect(readFileSync(written).equals(Buffer.from(file.base64, 'base64')), `${kind}: the bytes`).toBe(
        true,
      );
      expect(double.shell.shownInFolder.at(-1)).toBe(written);
      expect(double.dialog.messageBoxes.at(-1)!.buttons).toEqual([
        resources.ru.menu.showInFolder,
        resources.ru.menu.ok,
      ]);
    }
    // Nothing half-written is left behind.
    expect(readdirSync(chosen).filter((n) => n.endsWith('.partial'))).toEqual([]);
  }, 180_000);

  it('a cancelled dialog writes nothing and is not an error; bad requests are refused before any dialog', async () => {
    const { double } = run;
    const file = {
      fileName: 'отчёт.csv',
      mime: 'text/csv',
      base64: Buffer.from('a,b\r\n').toString('base64'),
    };
    const dialogs = double.dialog.saveDialogs.length;
    const boxes = double.dialog.messageBoxes.length;
    const shown = double.shell.shownInFolder.length;
    expect(await save(file)).toEqual({ ok: true, result: { saved: false } });
    expect(double.dialog.saveDialogs).toHaveLength(dialogs + 1);
    expect(double.dialog.messageBoxes).toHaveLength(boxes);
    expect(double.shell.shownInFolder).toHaveLength(shown);
    expect(existsSync(join(double.app.getPath('downloads'), file.fileName))).toBe(false);

    for (const bad of [
      { ...file, fileName: '../../evil.csv' },
      { ...file, fileName: '/etc/passwd' },
      { ...file, base64: 'not base64!' },
      { ...file, extra: 1 },
    ]) {
      const r = await save(bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_input');
    }
    const foreign = await save(file, 'https://example.com/');
    expect(foreign.ok).toBe(false);
    if (!foreign.ok) expect(foreign.error.code).toBe('forbidden');
    expect(double.dialog.saveDialogs).toHaveLength(dialogs + 1);
  });

  it("balance alerts come as native notifications in the user's language and are marked notified", async () => {
    const { double } = run;
    if (!double.notifications.shown.length) await once(double.events, 'notification');
    const n = double.notifications.shown[0]!;
    expect(n.title).toBe(resources.ru.partner.alerts.notifyTitle);
    expect(n.body.length).toBeGreaterThan(0);
    const { items } = (await run.rpc('alerts.list', {})) as {
      items: Array<{ notified: boolean; name: string | null; email: string }>;
    };
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((a) => a.notified)).toBe(true);
    // One per alert up to three ("client: what"), else one summary with the count.
    if (items.length <= 3) expect(n.body.startsWith(`${items[0]!.name ?? items[0]!.email}: `)).toBe(true);
    else expect(n.body).toMatch(new RegExp(`^${items.length} `));
    // A click brings the window forward.
    run.window!.minimize();
    n.userClicks();
    expect(run.window!.isMinimized()).toBe(false);
  });

  it('the View menu shows the command palette with CmdOrCtrl+K and asks the page to open it', async () => {
    const ru = resources.ru.menu;
    const item = run.double.applicationMenu!.find(ru.view, ru.commandPalette);
    expect(item?.accelerator).toBe('CmdOrCtrl+K');
    const before = run.window!.webContents.sent.length;
    item!.click();
    const sent = run.window!.webContents.sent.slice(before).filter((m) => m.channel === IPC.command);
    expect(sent.map((m) => m.args)).toEqual([['openPalette']]);
  });

  it('the Help menu opens the logs folder in userData', async () => {
    const { double } = run;
    const ru = resources.ru.menu;
    const item = double.applicationMenu!.find(ru.help, ru.openLogs);
    expect(item).toBeDefined();
    item!.click();
    expect(double.shell.openedPaths).toEqual([join(double.app.getPath('userData'), 'logs')]);
  });
});
