/**
 * The native menu in the chosen language (texts from shared/i18n/{en,ru}/menu.json), rebuilt when
 * the language changes.
 */
import { Menu, app, dialog, shell, type MenuItemConstructorOptions } from 'electron';
import { resources, type Lang } from '../../shared/i18n/index';
import { PARTNER_ACCOUNT_URL, PARTNER_PROGRAM_URL } from '../../shared/domain/links';

type MenuKey = keyof (typeof resources)['en']['menu'];

/** `t('menu:key', {vars})` — the namespaced form the i18n checks look for. */
export function menuText(lang: Lang, key: `menu:${MenuKey}`, vars: Record<string, string> = {}): string {
  const k = key.slice('menu:'.length) as MenuKey;
  const text: string = resources[lang].menu[k] ?? resources.en.menu[k] ?? k;
  return text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => vars[name] ?? '');
}

export interface MenuActions {
  syncNow(): void;
  /** Opens the folder with the app's log files. */
  openLogs(): void;
  /** Asks the page to open the command palette. */
  openPalette(): void;
}

export function buildMenu(lang: Lang, actions: MenuActions): void {
  const t = (key: `menu:${MenuKey}`, vars?: Record<string, string>) => menuText(lang, key, vars);
  const mac = process.platform === 'darwin';
  const about = () =>
    void dialog.showMessageBox({
      type: 'info',
      title: t('menu:about'),
      message: t('menu:app'),
      detail: t('menu:aboutDetail', { version: app.getVersion() }),
    });
  const template: MenuItemConstructorOptions[] = [
    ...(mac
      ? [
          {
            label: t('menu:app'),
            submenu: [
              { label: t('menu:about'), click: about },
              { type: 'separator' },
              { label: t('menu:hide'), role: 'hide' },
              { label: t('menu:hideOthers'), role: 'hideOthers' },
              { label: t('menu:showAll'), role: 'unhide' },
              { type: 'separator' },
              { label: t('menu:quit'), role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: t('menu:file'),
      submenu: [
        { label: t('menu:syncNow'), accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.syncNow() },
        { type: 'separator' },
        mac ? { label: t('menu:closeWindow'), role: 'close' } : { label: t('menu:quit'), role: 'quit' },
      ],
    },
    {
      label: t('menu:edit'),
      submenu: [
        { label: t('menu:undo'), role: 'undo' },
        { label: t('menu:redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('menu:cut'), role: 'cut' },
        { label: t('menu:copy'), role: 'copy' },
        { label: t('menu:paste'), role: 'paste' },
        { label: t('menu:selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('menu:view'),
      submenu: [
        { label: t('menu:commandPalette'), accelerator: 'CmdOrCtrl+K', click: () => actions.openPalette() },
        { type: 'separator' },
        { label: t('menu:reload'), role: 'reload' },
        ...(app.isPackaged ? [] : [{ label: t('menu:devTools'), role: 'toggleDevTools' } as const]),
        { type: 'separator' },
        { label: t('menu:resetZoom'), role: 'resetZoom' },
        { label: t('menu:zoomIn'), role: 'zoomIn' },
        { label: t('menu:zoomOut'), role: 'zoomOut' },
        { type: 'separator' },
        { label: t('menu:fullScreen'), role: 'togglefullscreen' },
      ],
    },
    {
      label: t('menu:window'),
      role: 'window',
      submenu: [
        { label: t('menu:minimize'), role: 'minimize' },
        { label: t('menu:zoom'), role: 'zoom' },
        ...(mac ? [{ type: 'separator' } as const, { label: t('menu:front'), role: 'front' } as const] : []),
      ],
    },
    {
      label: t('menu:help'),
      role: 'help',
      submenu: [
        { label: t('menu:docs'), click: () => void shell.openExternal('https://cloud.vk.com/docs') },
        { label: t('menu:partnerProgram'), click: () => void shell.openExternal(PARTNER_PROGRAM_URL) },
        { label: t('menu:partnerAccount'), click: () => void shell.openExternal(PARTNER_ACCOUNT_URL) },
        { type: 'separator' },
        { label: t('menu:openLogs'), click: () => actions.openLogs() },
        ...(mac ? [] : [{ type: 'separator' } as const, { label: t('menu:about'), click: about }]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
