/**
 * The client table's header row: select-all, then each shown column's header. A header sorts on
 * click, moves when dragged onto another header (or from the Columns menu), and has a separator on
 * its right edge that resizes the column: drag it, or focus it and press ←/→ (Shift: bigger steps,
 * Home: back to the default width).
 */
import { memo, useRef, useState, type DragEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/i18n/format';
import type { ColumnId, ColumnsState } from '../../../shared/contract/rpc/views';
import { usePrefs, nextSort, type ClientsView } from '../../state/prefs';
import { useSelection } from '../../state/selection';
import { COLUMN_KEY } from '../../ui/labels';
import { useLang } from '../../ui/format';
import { MAX_WIDTH, MIN_WIDTH, placeColumn, setWidth, visibleColumns, type ColumnDef } from './columns';

const STEP = 8;
const BIG_STEP = 40;

function Resizer({ col, label, columns, cellRef }: { col: ColumnDef; label: string; columns: ColumnsState; cellRef: React.RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const setColumns = usePrefs((s) => s.setColumns);
  const drag = useRef<{ x: number; w: number } | null>(null);
  const current = () => columns.widths[col.id] ?? Math.round(cellRef.current?.getBoundingClientRect().width ?? col.width);
  const now = columns.widths[col.id] ?? null;
  const set = (px: number | null) => setColumns(setWidth(usePrefs.getState().columns, col.id, px));
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      set(current() + (e.key === 'ArrowRight' ? step : -step));
    } else if (e.key === 'Home') {
      e.preventDefault();
      set(null);
    }
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, w: current() };
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) set(drag.current.w + e.clientX - drag.current.x);
  };
  const onUp = () => {
    drag.current = null;
  };
  const shown = now ?? Math.round(cellRef.current?.getBoundingClientRect().width ?? col.width);
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t('clients:columns.resize', { name: label })}
      aria-valuenow={shown}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      aria-valuetext={t('clients:columns.width', { n: formatNumber(shown, lang) })}
      tabIndex={0}
      className="col-resizer"
      data-testid={`resize-${col.id}`}
      title={t('clients:columns.resizeHint')}
      onKeyDown={onKey}
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={onUp}
      onDoubleClick={() => set(null)}
    />
  );
}

function HeadCell({ col, sort, columns, dragging, setDragging }: { col: ColumnDef; sort: ClientsView['sort']; columns: ColumnsState; dragging: ColumnId | null; setDragging(id: ColumnId | null): void }) {
  const { t } = useTranslation();
  const setView = usePrefs((s) => s.setClientsView);
  const setColumns = usePrefs((s) => s.setColumns);
  const cellRef = useRef<HTMLDivElement>(null);
  const [over, setOver] = useState<'before' | 'after' | null>(null);
  const active = sort.column === col.id;
  const label = t(COLUMN_KEY[col.id]);
  const side = (e: DragEvent) => {
    const r = e.currentTarget.getBoundingClientRect();
    return e.clientX > r.left + r.width / 2 ? 'after' : 'before';
  };
  return (
    <div
      ref={cellRef}
      className={['cell', 'cell-head', col.align === 'end' ? 'cell-end' : '', over ? `drop-${over}` : ''].join(' ').replace(/\s+/g, ' ').trim()}
      role="columnheader"
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      data-testid={`col-${col.id}`}
      onDragOver={(e) => {
        if (!dragging || dragging === col.id) return;
        e.preventDefault();
        setOver(side(e));
      }}
      onDragLeave={() => setOver(null)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(null);
        if (dragging && dragging !== col.id) setColumns(placeColumn(usePrefs.getState().columns, dragging, col.id, side(e) === 'after'));
        setDragging(null);
      }}
    >
      <button
        type="button"
        className="sort-button"
        data-testid={`sort-${col.id}`}
        draggable
        onDragStart={(e) => {
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', col.id);
          setDragging(col.id);
        }}
        onDragEnd={() => setDragging(null)}
        onClick={() => setView({ sort: nextSort(sort, col.id) })}
      >
        <span className="sort-label">{label}</span>
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
      <Resizer col={col} label={label} columns={columns} cellRef={cellRef} />
    </div>
  );
}

export const ClientTableHead = memo(function ClientTableHead({ sort, total, columns, template }: { sort: ClientsView['sort']; total: number; columns: ColumnsState; template: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const allMatching = useSelection((s) => s.allMatching);
  const someSelected = useSelection((s) => s.ids.size > 0);
  const [dragging, setDragging] = useState<ColumnId | null>(null);
  return (
    <div className="grid-row grid-head" role="row" style={{ gridTemplateColumns: template }}>
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
      {visibleColumns(columns).map((c) => (
        <HeadCell key={c.id} col={c} sort={sort} columns={columns} dragging={dragging} setDragging={setDragging} />
      ))}
      <div className="cell cell-actions" role="columnheader">
        <span className="sr-only">{t('clients:actionsColumn')}</span>
      </div>
    </div>
  );
});
