/**
 * The virtualized client table: sortable headers, a checkbox column, rows loaded by window, and at
 * the end of each row its actions (features/actions/clientActions): a "⋯" menu button, the same
 * menu on right-click and on the context-menu key / Shift+F10 of a focused row.
 */
import { memo, useCallback, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ClientRow } from '../../../shared/contract/rpc/clients';
import { usePrefs, nextSort, type ClientsView } from '../../state/prefs';
import { useSelection } from '../../state/selection';
import { useNav } from '../../state/nav';
import { COLUMN_KEY, PAYMENT_MODEL_KEY, STATUS_KEY } from '../../ui/labels';
import { DateCell, Money, useLang } from '../../ui/format';
import { formatNumber } from '../../../shared/i18n/format';
import { COLUMNS, GRID_TEMPLATE, ROW_HEIGHT } from './columns';
import type { ClientWindow } from './useClientPages';
import { clickRow, listKey } from '../actions/rowSelection';
import { clientLabel, pendingText, useClientActions } from '../actions/clientActions';
import { ContextMenu, MenuButton, useContextMenu, type MenuAction } from '../../ui/Menu';

/** The row's actions, from the table (rows are memoized: these are stable callbacks). */
interface RowMenu {
  items(row: ClientRow): MenuAction[];
  onContextMenu(e: MouseEvent, row: ClientRow): void;
  onKeyDown(e: KeyboardEvent<HTMLElement>, row: ClientRow): void;
}

export interface ClientTableProps {
  window: ClientWindow;
  total: number;
  zone: string;
  onRange(first: number, last: number): void;
}

const Header = memo(function Header({ sort, total }: { sort: ClientsView['sort']; total: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const setView = usePrefs((s) => s.setClientsView);
  const allMatching = useSelection((s) => s.allMatching);
  const someSelected = useSelection((s) => s.ids.size > 0);
  return (
    <div className="grid-row grid-head" role="row" style={{ gridTemplateColumns: GRID_TEMPLATE }}>
      <div className="cell cell-check" role="columnheader">
        <input
          type="checkbox"
          aria-label={t('clients:selection.all', { count: total, n: formatNumber(total, lang) })}
          checked={allMatching}
          ref={(el) => {
            if (el) el.indeterminate = !allMatching && someSelected;
          }}
          data-testid="select-all"
          onChange={() => {
            const s = useSelection.getState();
            if (s.allMatching || s.ids.size > 0) s.clear();
            else s.selectAll();
          }}
        />
      </div>
      {COLUMNS.map((c) => {
        const active = sort.column === c.id;
        return (
          <div
            key={c.id}
            className={c.align === 'end' ? 'cell cell-end' : 'cell'}
            role="columnheader"
            aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <button
              type="button"
              className="sort-button"
              data-testid={`sort-${c.id}`}
              onClick={() => setView({ sort: nextSort(sort, c.id) })}
            >
              <span className="sort-label">{t(COLUMN_KEY[c.id])}</span>
              <span className="sort-mark" aria-hidden="true">
                {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
              </span>
            </button>
          </div>
        );
      })}
      <div className="cell cell-actions" role="columnheader">
        <span className="sr-only">{t('clients:actionsColumn')}</span>
      </div>
    </div>
  );
});

const Row = memo(function Row({ row, index, zone, loadedIds, menu }: { row: ClientRow | undefined; index: number; zone: string; loadedIds: () => string[]; menu: RowMenu }) {
  const { t } = useTranslation();
  const lang = useLang();
  const go = useNav((s) => s.go);
  const checked = useSelection((s) => (row ? s.allMatching || s.ids.has(row.id) : false));
  if (!row) {
    return (
      <div className="grid-row row-skeleton" role="row" aria-rowindex={index + 2} style={{ gridTemplateColumns: GRID_TEMPLATE }}>
        <div className="cell skeleton" role="cell" />
      </div>
    );
  }
  const open = () => go('client', { clientId: row.id });
  const onCheck = (e: MouseEvent<HTMLInputElement>) => {
    e.stopPropagation();
    const sel = useSelection.getState();
    if (e.shiftKey) sel.range(loadedIds(), row.id);
    else sel.toggle(row.id);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
      menu.onKeyDown(e, row);
      return;
    }
    if (e.key === 'Enter') open();
    if (e.key === ' ') {
      e.preventDefault();
      useSelection.getState().toggle(row.id);
      return;
    }
    const r = listKey(e, row.id, loadedIds());
    if (r.handled) e.preventDefault();
    if (r.focus && r.focus !== row.id) document.querySelector<HTMLElement>(`[data-testid="client-row"][data-id="${CSS.escape(r.focus)}"]`)?.focus();
  };
  return (
    <div
      className={checked ? 'grid-row row selected' : 'grid-row row'}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={checked}
      tabIndex={0}
      data-testid="client-row"
      data-id={row.id}
      style={{ gridTemplateColumns: GRID_TEMPLATE }}
      onClick={(e) => (e.ctrlKey || e.metaKey || e.shiftKey ? clickRow(e, row.id, loadedIds()) : open())}
      onKeyDown={onKey}
      onContextMenu={(e) => menu.onContextMenu(e, row)}
    >
      <div className="cell cell-check" role="cell">
        <input type="checkbox" checked={checked} readOnly onClick={onCheck} aria-label={t('clients:selection.one', { name: row.name ?? row.email })} />
      </div>
      <div className="cell cell-name" role="cell" title={row.name ?? undefined}>
        <span className="cell-text">{row.name ?? <span className="muted">{'—'}</span>}</span>
        {row.pendingAction ? (
          <span className="pending-text" data-testid="pending-text">
            {pendingText(t, row)}
          </span>
        ) : null}
      </div>
      <div className="cell" role="cell" title={row.email}>{row.email}</div>
      <div className="cell" role="cell">{row.phone ?? <span className="muted">{'—'}</span>}</div>
      <div className="cell" role="cell">
        <span className={`badge badge-${row.status}`} data-testid="status-badge">{t(STATUS_KEY[row.status])}</span>
      </div>
      <div className="cell" role="cell">{t(PAYMENT_MODEL_KEY[row.paymentModel])}</div>
      <div className="cell cell-end" role="cell"><Money minor={row.payment} currency={row.currency} /></div>
      <div className="cell cell-end" role="cell"><Money minor={row.bonus} currency={row.currency} /></div>
      <div className="cell cell-end" role="cell">{formatNumber(row.projectsCount, lang)}</div>
      <div className="cell" role="cell"><DateCell utc={row.invitedAt} zone={zone} /></div>
      <div className="cell" role="cell"><DateCell utc={row.registeredAt} zone={zone} /></div>
      {/* The menu's own clicks and keys stay here: they do not open or select the row. */}
      <div className="cell cell-actions" role="cell" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        <MenuButton label={t('actions:row.menu', { name: clientLabel(row) })} items={menu.items(row)} testId="row-menu" />
      </div>
    </div>
  );
});

export function ClientTable({ window: win, total, zone, onRange }: ClientTableProps) {
  const { t } = useTranslation();
  const sort = usePrefs((s) => s.clientsView.sort);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Rows are memoized; they read the loaded ids through a stable callback.
  const winRef = useRef(win);
  winRef.current = win;
  const loadedIds = useCallback(() => winRef.current.loadedIds(), []);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    onChange: (v) => {
      const items = v.getVirtualItems();
      const first = items[0]?.index ?? 0;
      const last = items[items.length - 1]?.index ?? 0;
      onRange(first, last);
    },
  });
  const items = virtualizer.getVirtualItems();
  const actions = useClientActions();
  const actionsRef = useRef(actions);
  actionsRef.current = actions;
  const ctx = useContextMenu<ClientRow>();
  const [menu] = useState<RowMenu>(() => ({
    items: (row) => actionsRef.current.itemsFor(row),
    onContextMenu: ctx.onContextMenu,
    onKeyDown: ctx.onKeyDown,
  }));
  const target = ctx.at?.target;
  return (
    <div className="client-table" role="table" aria-label={t('clients:title')} aria-rowcount={total + 1} data-testid="clients-table">
      <div className="table-scroll" ref={scrollRef}>
        <div role="rowgroup" className="table-head-group">
          <Header sort={sort} total={total} />
        </div>
        <div role="rowgroup" className="table-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => (
            <div key={v.key} className="virtual-row" style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}>
              <Row row={win.rowAt(v.index)} index={v.index} zone={zone} loadedIds={loadedIds} menu={menu} />
            </div>
          ))}
        </div>
      </div>
      <ContextMenu
        at={ctx.at}
        label={target ? t('actions:row.menu', { name: clientLabel(target) }) : ''}
        items={target ? actions.itemsFor(target) : []}
        onClose={ctx.close}
        testId="row-context-menu"
      />
      {actions.dialogs}
    </div>
  );
}