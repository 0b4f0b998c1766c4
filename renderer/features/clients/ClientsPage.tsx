/** The client list screen: saved views as tabs, toolbar, virtualized table, empty/loading/error states. */
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFiltered, listFilterOf, usePrefs } from '../../state/prefs';
import { useSelection } from '../../state/selection';
import { useNav } from '../../state/nav';
import { useRegion, useSettings } from '../../app/data';
import { Empty, ErrorState, Loading } from '../../ui/States';
import { ClientsToolbar } from './ClientsToolbar';
import { ClientTable } from './ClientTable';
import { PAGE, useClientWindow, type ListFilter } from './useClientPages';
import { AddClientButton } from '../actions/AddClient';
import { BulkBar } from '../actions/BulkBar';
import { ViewTabs } from '../views/ViewTabs';
import { useColumnsPref } from '../views/columnsPref';
import { ColumnsMenu } from './ColumnsMenu';
import { ExportMenu } from './ExportMenu';

/**
 * The page's title, view tabs and their menus (and, memoized below, the toolbar and the bulk bar):
 * none depends on the rows on screen, so scrolling (a new window of rows) does not render them again.
 */
const ClientsHead = memo(function ClientsHead() {
  const { t } = useTranslation();
  return (
    <>
      <div className="page-head">
        <h1 className="page-title">{t('clients:title')}</h1>
        <AddClientButton />
      </div>
      <ViewTabs
        panelId="clients-panel"
        end={
          <>
            <ColumnsMenu />
            <ExportMenu />
          </>
        }
      />
    </>
  );
});
const Toolbar = memo(ClientsToolbar);
const Bulk = memo(BulkBar);
/** Rows either side of the screen whose page is already asked for. */
const AHEAD = 40;

export default function ClientsPage() {
  const { t } = useTranslation();
  const view = usePrefs((s) => s.clientsView);
  const reset = usePrefs((s) => s.resetClientsFilter);
  const go = useNav((s) => s.go);
  const { zone } = useRegion();
  const settings = useSettings();
  useColumnsPref();
  // The visible rows as whole pages, so scrolling within a page does not re-render the page.
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const filter: ListFilter = useMemo(
    () => listFilterOf(view),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter follows the filter fields only, not the sort or the box's text
    [view.search, view.statuses, view.paymentModels, view.negativeOnly, view.runsOutWithinDays, view.invitedOverDays, view.ids],
  );
  const win = useClientWindow(filter, view.sort, range[0] * PAGE, range[1] * PAGE + PAGE - 1);
  const onRange = useCallback((a: number, b: number) => {
    // The next page (or the one before) is asked for while still AHEAD rows away from the screen.
    const pa = Math.floor(Math.max(0, a - AHEAD) / PAGE);
    const pb = Math.floor((b + AHEAD) / PAGE);
    setRange((r) => (r[0] === pa && r[1] === pb ? r : [pa, pb]));
  }, []);

  // A selection belongs to the filter it was made under.
  useEffect(() => {
    useSelection.getState().clear();
  }, [filter]);

  const filtered = isFiltered(view);
  const notConfigured = settings.data ? settings.data.connection.kind !== 'demo' && !settings.data.connection.hasToken : false;

  let body;
  if (win.isLoading) body = <Loading label={t('clients:loading')} />;
  else if (win.error && win.total === null) body = <ErrorState error={win.error} onRetry={win.refetch} />;
  else if (win.total === 0 && filtered)
    body = (
      <Empty title={t('clients:empty.noMatchTitle')} hint={t('clients:empty.noMatchHint')}>
        <button type="button" className="btn" onClick={reset}>
          {t('clients:filter.reset')}
        </button>
      </Empty>
    );
  else if (win.total === 0)
    body = (
      <Empty title={t('clients:empty.noneTitle')} hint={notConfigured ? t('clients:empty.notConfiguredHint') : t('clients:empty.noneHint')}>
        {notConfigured ? (
          <button type="button" className="btn btn-primary" onClick={() => go('settings')}>
            {t('common:banner.openSettings')}
          </button>
        ) : null}
      </Empty>
    );
  else body = <ClientTable window={win} total={win.total ?? 0} zone={zone} onRange={onRange} />;

  return (
    <div className="page page-clients">
      <ClientsHead />
      <Toolbar total={win.total} counting={win.counting} />
      <Bulk />
      <div className="page-body" id="clients-panel" role="tabpanel" aria-label={t('clients:title')}>
        {body}
      </div>
    </div>
  );
}
