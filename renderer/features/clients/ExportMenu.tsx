/**
 * "Export" of the client list as on screen: the current search, filters and sort, the columns shown
 * in their order, in the current language, as CSV or XLSX (built by the core: clients.export),
 * saved with the desktop's Save dialog or the browser's download.
 */
import { useState } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { listFilterOf, usePrefs } from '../../state/prefs';
import { saveFile } from '../../ui/files';
import { useLang } from '../../ui/format';
import { useToast } from '../../ui/Toast';
import { visibleColumns } from './columns';

export function ExportMenu() {
  const { t } = useTranslation();
  const lang = useLang();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = async (format: 'csv' | 'xlsx') => {
    const { clientsView, columns } = usePrefs.getState();
    setBusy(true);
    try {
      const file = await call('clients.export', {
        ...listFilterOf(clientsView),
        sort: clientsView.sort,
        columns: visibleColumns(columns).map((c) => c.id),
        format,
        lang,
      });
      await saveFile(file);
    } catch {
      toast({ key: 'clients:export.failed' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <MenuTrigger>
      <Button className="btn btn-small" isDisabled={busy} data-testid="clients-export">
        {t('clients:export.menu')}
      </Button>
      <Popover className="popover" placement="bottom end" offset={4}>
        <Menu className="menu" aria-label={t('clients:export.menu')} onAction={(key) => void run(key === 'xlsx' ? 'xlsx' : 'csv')}>
          <MenuItem id="csv" className="menu-item" data-testid="clients-export-csv">
            {t('clients:export.csv')}
          </MenuItem>
          <MenuItem id="xlsx" className="menu-item" data-testid="clients-export-xlsx">
            {t('clients:export.xlsx')}
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
