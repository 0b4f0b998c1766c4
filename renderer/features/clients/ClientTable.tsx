/**
 * The virtualized client table: sortable headers (ClientTableHead: the user's columns, in their
 * order and widths), a checkbox column, rows loaded by window, and at the end of each row its
 * actions (features/actions/clientActions): a "⋯" menu button, the same menu on right-click and on
 * the context-menu key / Shift+F10 of a focused row.
 */
import { memo, useCallback, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ClientRow } from '../../../shared/contract/rpc/clients';
import type { Lang } from '../../../shared/i18n';
import { usePrefs } from '../../state/prefs';
import { useSelection } from '../../state/selection';
import { useNav } from '../../state/nav';
import { PAYMENT_MODEL_KEY, STATUS_KEY } from '../../ui/labels';
import { dateIn, moneyIn, useLangT } from '../../ui/format';
import { formatNumber } from '../../../shared/i18n/format';
import { ROW_HEIGHT, gridTemplate, visibleColumns } from './columns';
import { ClientTableHead } from './ClientTableHead';
import type { ColumnId } from '../../../shared/contract/rpc/views';
import type { ClientWindow } from './useClientPages';
import { clickRow, listKey } from '../actions/rowSelection';
import { clientLabel, pendingText, useClientActions } from '../actions/clientActions';
import { ContextMenu, LazyMenuButton, useContextMenu, type MenuAction } from '../../ui/Menu';
import { useFixedRows } from '../../ui/useFixedRows';

/** The row's actions, from the table (rows are memoized: these are stable callbacks). */
interface RowMenu {
  items(row: ClientRow): MenuAction[];
  onContextMenu(e: MouseEvent, row: ClientRow): void;
  onKeyDown(e: KeyboardEvent<HTMLElement>, row: ClientRow): void;
}

/**
 * The language and the translated labels every row shows, made once per language by the table:
 * rows mount by the hundred while scrolling and hold no subscription of their own.
 */
interface RowText {
  t: TFunction;
  lang: Lang;
  status: Record<ClientRow['status'], string>;
  paymentModel: Record<ClientRow['paymentModel'], string>;
}

function rowText(t: TFunction, lang: Lang): RowText {
  const status = {} as RowText['status'];
  for (const [k, key] of Object.entries(STATUS_KEY)) status[k as ClientRow['status']] = t(key);
  const paymentModel = {} as RowText['paymentModel'];
  for (const [k, key] of Object.entries(PAYMENT_MODEL_KEY)) paymentModel[k as ClientRow['paymentModel']] = t(key);
  return { t, lang, status, paymentModel };
}

export interface ClientTableProps {
  window: ClientWindow;
  total: number;
  zone: string;
  onRange(first: number, last: number): void;
}

/** An email that wraps before its "@" first (then anywhere) when the column is narrow. */
function EmailText({ email }: { email: string }) {
  const at = email.indexOf('@');
  return (
    <bdi className="cell-wrap cell-wrap-any" data-testid="client-email-cell">
      {at > 0 ? (
        <>
          {email.slice(0, at)}
          <wbr />
          {email.slice(at)}
        </>
      ) : (
        email
      )}
    </bdi>
  );
}

/** One cell of a row, by its column (a plain function: no component of its own per cell). */
function cell(id: ColumnId, row: ClientRow, zone: string, text: RowText) {
  const { t, lang } = text;
  switch (id) {
    case 'name':
      return (
        <div key={id} className={row.pendingAction ? 'cell cell-name cell-name-pending' : 'cell cell-name'} role="cell" title={row.name ?? undefined}>
          {/* <bdi>: platform text keeps its own direction and cannot reorder its neighbours. */}
          {row.name !== null ? (
            <bdi className="cell-text cell-wrap" data-testid="client-name-cell">
              {row.name}
            </bdi>
          ) : (
            <span className="cell-text cell-wrap muted">{'—'}</span>
          )}
          {row.pendingAction ? (
            <span className="pending-text" data-testid="pending-text">
              {pendingText(t, row)}
            </span>
          ) : null}
        </div>
      );
    case 'email':
      return (
        <div key={id} className="cell" role="cell" title={row.email}>
          <EmailText email={row.email} />
        </div>
      );
    case 'phone':
      return <div key={id} className="cell" role="cell">{row.phone !== null ? <bdi>{row.phone}</bdi> : <span className="muted">{'—'}</span>}</div>;
    case 'externalId':
      return <div key={id} className="cell" role="cell" title={row.externalId ?? undefined}>{row.externalId !== null ? <bdi>{row.externalId}</bdi> : <span className="muted">{'—'}</span>}</div>;
    case 'status':
      return (
        <div key={id} className="cell" role="cell">
          <span className={`badge badge-${row.status}`} data-testid="status-badge">{text.status[row.status]}</span>
        </div>
      );
    case 'paymentModel':
      return <div key={id} className="cell" role="cell">{text.paymentModel[row.paymentModel]}</div>;
    case 'payment':
      return <div key={id} className="cell cell-end" role="cell">{moneyIn(row.payment, row.currency, lang)}</div>;
    case 'bonus':
      return <div key={id} className="cell cell-end" role="cell">{moneyIn(row.bonus, row.currency, lang)}</div>;
    case 'projectsCount':
      return <div key={id} className="cell cell-end" role="cell">{formatNumber(row.projectsCount, lang)}</div>;
    case 'invitedAt':
      return <div key={id} className="cell" role="cell">{dateIn(row.invitedAt, zone, lang)}</div>;
    case 'registeredAt':
      return <div key={id} className="cell" role="cell">{dateIn(row.registeredAt, zone, lang)}</div>;
  }
}

const Row = memo(function Row({
  row,
  index,
  zone,
  text,
  checked,
  loadedIds,
  menu,
  cols,
  template,
}: {
  row: ClientRow | undefined;
  index: number;
  zone: string;
  text: RowText;
  checked: boolean;
  loadedIds: () => string[];
  menu: RowMenu;
  cols: ColumnId[];
  template: string;
}) {
  const { t } = text;
  if (!row) {
    return (
      <div className="grid-row row-skeleton" role="row" aria-rowindex={index + 2} style={{ gridTemplateColumns: template }}>
        <div className="cell skeleton" role="cell" />
      </div>
    );
  }
  const open = () => useNav.getState().go('client', { clientId: row.id });
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
      style={{ gridTemplateColumns: template }}
      onClick={(e) => (e.ctrlKey || e.metaKey || e.shiftKey ? clickRow(e, row.id, loadedIds()) : open())}
      onKeyDown={onKey}
      onContextMenu={(e) => menu.onContextMenu(e, row)}
    >
      <div className="cell cell-check" role="cell">
        <input type="checkbox" checked={checked} readOnly onClick={onCheck} aria-label={t('clients:selection.one', { name: row.name ?? row.email })} />
      </div>
      {cols.map((id) => cell(id, row, zone, text))}
      {/* The menu's own clicks and keys stay here: they do not open or select the row. */}
      <div className="cell cell-actions" role="cell" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        <LazyMenuButton label={t('actions:row.menu', { name: clientLabel(row) })} items={() => menu.items(row)} testId="row-menu" />
      </div>
    </div>
  );
});

/**
 * The rows on screen, placed from the scroll position: a scroll event renders this body again,
 * not the table around it (its head, the actions' menus and dialogs).
 */
const TableBody = memo(function TableBody({
  scrollEl,
  win,
  total,
  zone,
  onRange,
  loadedIds,
  menu,
  cols,
  template,
}: {
  /** The scroll element, once mounted (a parent's ref is set only after its children's effects ran). */
  scrollEl: HTMLDivElement | null;
  win: ClientWindow;
  total: number;
  zone: string;
  onRange(first: number, last: number): void;
  loadedIds: () => string[];
  menu: RowMenu;
  cols: ColumnId[];
  template: string;
}) {
  const { t, lang } = useLangT();
  const text = useMemo(() => rowText(t, lang), [t, lang]);
  // The selection, read here once for every row (each row gets whether it is checked).
  const allMatching = useSelection((s) => s.allMatching);
  const selected = useSelection((s) => s.ids);
  const scrollRef = useMemo(() => ({ current: scrollEl }), [scrollEl]);
  const { rows: items, totalSize } = useFixedRows({ count: total, rowHeight: ROW_HEIGHT, overscan: 6, scrollRef, onRange });
  return (
    <div role="rowgroup" className="table-body" style={{ height: totalSize }}>
      {items.map((v) => {
        const row = win.rowAt(v.index);
        return (
          <div key={v.index} className="virtual-row" style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}>
            <Row
              row={row}
              index={v.index}
              zone={zone}
              text={text}
              checked={row ? allMatching || selected.has(row.id) : false}
              loadedIds={loadedIds}
              menu={menu}
              cols={cols}
              template={template}
            />
          </div>
        );
      })}
    </div>
  );
});

export function ClientTable({ window: win, total, zone, onRange }: ClientTableProps) {
  const { t } = useTranslation();
  const sort = usePrefs((s) => s.clientsView.sort);
  const columns = usePrefs((s) => s.columns);
  const template = useMemo(() => gridTemplate(columns), [columns]);
  const cols = useMemo(() => visibleColumns(columns).map((c) => c.id), [columns]);
  const [scrollEl, setScrollEl] = useState<HTMLDivElement | null>(null);
  // Rows are memoized; they read the loaded ids through a stable callback.
  const winRef = useRef(win);
  winRef.current = win;
  const loadedIds = useCallback(() => winRef.current.loadedIds(), []);
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
      <div className="table-scroll" ref={setScrollEl}>
        <div role="rowgroup" className="table-head-group">
          <ClientTableHead sort={sort} total={total} columns={columns} template={template} />
        </div>
        <TableBody scrollEl={scrollEl} win={win} total={total} zone={zone} onRange={onRange} loadedIds={loadedIds} menu={menu} cols={cols} template={template} />
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
