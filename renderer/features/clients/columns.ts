/**
 * The list's columns: each one's default width and narrowest width, and the grid template of the
 * columns the user shows, in their order, at their widths (shared/contract/rpc/views.ts
 * ColumnsState). Name and email share the room left (fr) until the user sets their width; at
 * 1280 px every default column fits without sideways scrolling.
 */
import { COLUMN_IDS, DEFAULT_COLUMNS, type ColumnId, type ColumnsState } from '../../../shared/contract/rpc/views';

export interface ColumnDef {
  id: ColumnId;
  /** Default width in px (the narrowest, for the columns that share the room left). */
  width: number;
  /** Shares the room left, in this proportion, until the user sets a width. */
  flex?: number;
  align?: 'end';
}

export const COLUMN_DEFS: Record<ColumnId, ColumnDef> = {
  name: { id: 'name', width: 130, flex: 1.3 },
  email: { id: 'email', width: 130, flex: 1 },
  phone: { id: 'phone', width: 142 },
  externalId: { id: 'externalId', width: 120 },
  status: { id: 'status', width: 128 },
  paymentModel: { id: 'paymentModel', width: 104 },
  payment: { id: 'payment', width: 124, align: 'end' },
  bonus: { id: 'bonus', width: 100, align: 'end' },
  projectsCount: { id: 'projectsCount', width: 76, align: 'end' },
  invitedAt: { id: 'invitedAt', width: 100 },
  registeredAt: { id: 'registeredAt', width: 108 },
};

export const MIN_WIDTH = 48;
export const MAX_WIDTH = 800;
export const CHECK_WIDTH = 36;
export const ACTIONS_WIDTH = 44;
export const ROW_HEIGHT = 34;

/** Every column once, in the user's order (columns the state does not name come last, in the default order). */
export function orderedColumns(state: ColumnsState): ColumnId[] {
  const seen = new Set<ColumnId>();
  const out: ColumnId[] = [];
  for (const id of state.order) {
    if (!COLUMN_IDS.includes(id) || seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  for (const id of DEFAULT_COLUMNS.order) if (!seen.has(id)) out.push(id);
  return out;
}

/** The columns shown, in order (at least one: the name, if the user hid them all). */
export function visibleColumns(state: ColumnsState): ColumnDef[] {
  const shown = orderedColumns(state).filter((id) => !state.hidden.includes(id));
  return (shown.length ? shown : (['name'] as ColumnId[])).map((id) => COLUMN_DEFS[id]);
}

/** The width a column is drawn at by default or as the user set it (null: it shares the room left). */
export function fixedWidth(state: ColumnsState, c: ColumnDef): number | null {
  const w = state.widths[c.id];
  if (w !== undefined) return w;
  return c.flex ? null : c.width;
}

/** The checkbox, the columns shown, then the row's actions menu. */
export function gridTemplate(state: ColumnsState): string {
  const cols = visibleColumns(state);
  // With every width set by the user, the last column takes the room left so rows reach the edge.
  const anyFlex = cols.some((c) => fixedWidth(state, c) === null);
  const parts = cols.map((c, i) => {
    const w = fixedWidth(state, c);
    if (w === null) return `minmax(${c.width}px, ${c.flex ?? 1}fr)`;
    return !anyFlex && i === cols.length - 1 ? `minmax(${w}px, 1fr)` : `${w}px`;
  });
  return [`${CHECK_WIDTH}px`, ...parts, `${ACTIONS_WIDTH}px`].join(' ');
}

/** The state with one column moved by `by` places in the order of all columns (clamped at the ends). */
export function moveColumn(state: ColumnsState, id: ColumnId, by: number): ColumnsState {
  const order = orderedColumns(state);
  const i = order.indexOf(id);
  const j = Math.max(0, Math.min(order.length - 1, i + by));
  if (i < 0 || i === j) return state;
  const rest = order.filter((c) => c !== id);
  rest.splice(j, 0, id);
  return { ...state, order: rest };
}

/** The state with `id` placed right before (or after) `target`. */
export function placeColumn(state: ColumnsState, id: ColumnId, target: ColumnId, after: boolean): ColumnsState {
  if (id === target) return state;
  const rest = orderedColumns(state).filter((c) => c !== id);
  rest.splice(rest.indexOf(target) + (after ? 1 : 0), 0, id);
  return { ...state, order: rest };
}

export function setHidden(state: ColumnsState, id: ColumnId, hidden: boolean): ColumnsState {
  const others = state.hidden.filter((c) => c !== id);
  const next = hidden ? [...others, id] : others;
  // One column always stays.
  if (orderedColumns(state).every((c) => next.includes(c))) return state;
  return { ...state, hidden: next };
}

export function setWidth(state: ColumnsState, id: ColumnId, px: number | null): ColumnsState {
  const widths = { ...state.widths };
  if (px === null) delete widths[id];
  else widths[id] = Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, px)));
  return { ...state, widths };
}
