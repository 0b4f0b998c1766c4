/**
 * RPC: saved views of the client list (search, filters, sort and columns under a name, shown as
 * tabs), the list's current columns (kept as a preference), the count of many filters at once
 * (each tab's count) and the list's export as on screen.
 */
import { z } from 'zod';
import { method, NoInput } from './define';
import { ClientFilter, SortColumn } from './clients';
import { LIMITS } from '../platform';

/** A column of the list (every sortable field is one). */
export const ColumnId = SortColumn;
export type ColumnId = SortColumn;
export const COLUMN_IDS = ColumnId.options;

/** Width of a column in CSS pixels, when the user set one. */
export const ColumnWidth = z.number().int().min(48).max(800);

/** Which columns show, in which order, how wide (absent: the column's own default width). */
export const ColumnsState = z.strictObject({
  order: z.array(ColumnId).max(COLUMN_IDS.length),
  hidden: z.array(ColumnId).max(COLUMN_IDS.length),
  widths: z.partialRecord(ColumnId, ColumnWidth),
});
export type ColumnsState = z.infer<typeof ColumnsState>;

export const DEFAULT_COLUMNS: ColumnsState = {
  order: ['name', 'email', 'phone', 'externalId', 'status', 'paymentModel', 'payment', 'bonus', 'projectsCount', 'invitedAt', 'registeredAt'],
  hidden: ['externalId'],
  widths: {},
};

export const ListSort = z.strictObject({ column: SortColumn, dir: z.enum(['asc', 'desc']) });

/** What a view holds: the list's filter (no id set), its sort and its columns. */
export const ViewSpec = z.strictObject({
  filter: ClientFilter.omit({ ids: true }),
  sort: ListSort,
  columns: ColumnsState,
});
export type ViewSpec = z.infer<typeof ViewSpec>;
export type ViewSpecInput = z.input<typeof ViewSpec>;

/** The views every user starts with; their names come from the catalogue (clients:views.default.<key>). */
export const DefaultViewKey = z.enum(['inDebt', 'runsOut', 'invitedStale', 'blocked']);
export type DefaultViewKey = z.infer<typeof DefaultViewKey>;

const NO_FILTER: ViewSpec['filter'] = { search: '', statuses: [], paymentModels: [], negativeOnly: false };
export const DEFAULT_VIEWS: { key: DefaultViewKey; spec: ViewSpec }[] = [
  { key: 'inDebt', spec: { filter: { ...NO_FILTER, negativeOnly: true }, sort: { column: 'payment', dir: 'asc' }, columns: DEFAULT_COLUMNS } },
  { key: 'runsOut', spec: { filter: { ...NO_FILTER, runsOutWithinDays: 7 }, sort: { column: 'payment', dir: 'asc' }, columns: DEFAULT_COLUMNS } },
  { key: 'invitedStale', spec: { filter: { ...NO_FILTER, invitedOverDays: 7 }, sort: { column: 'invitedAt', dir: 'asc' }, columns: DEFAULT_COLUMNS } },
  { key: 'blocked', spec: { filter: { ...NO_FILTER, statuses: ['blocked'] }, sort: { column: 'name', dir: 'asc' }, columns: DEFAULT_COLUMNS } },
];

export const ViewName = z.string().trim().min(1).max(80);
const ViewId = z.string().min(1).max(LIMITS.id);

export const SavedView = z.object({
  id: z.string(),
  /** The user's name; null: a default view named by `defaultKey` in the current language. */
  name: z.string().nullable(),
  defaultKey: DefaultViewKey.nullable(),
  spec: ViewSpec,
});
export type SavedView = z.infer<typeof SavedView>;

const Ok = z.object({ ok: z.literal(true) });

export const viewsMethods = {
  /** Every saved view in tab order. */
  'views.list': method(NoInput, z.object({ views: z.array(SavedView) })),
  'views.create': method(z.strictObject({ name: ViewName, spec: ViewSpec }), z.object({ view: SavedView })),
  /** Renames a view and/or replaces what it holds. */
  'views.update': method(z.strictObject({ id: ViewId, name: ViewName.optional(), spec: ViewSpec.optional() }), Ok),
  'views.delete': method(z.strictObject({ id: ViewId }), Ok),
  /** The new tab order: every view's id once. */
  'views.reorder': method(z.strictObject({ ids: z.array(ViewId).max(200) }), Ok),
  /** Puts the default views back first, as they were shipped; the user's own views stay after them. */
  'views.restoreDefaults': method(NoInput, Ok),
  /** The list's columns outside any view (a preference, kept across restarts). */
  'views.columns': method(NoInput, z.object({ columns: ColumnsState })),
  'views.setColumns': method(z.strictObject({ columns: ColumnsState }), Ok),
  /** The list as on screen (filter, search, sort, the columns shown in their order) as a CSV or XLSX file in the language. */
  'clients.export': method(
    ClientFilter.extend({
      sort: ListSort,
      columns: z.array(ColumnId).min(1).max(COLUMN_IDS.length),
      format: z.enum(['csv', 'xlsx']),
      lang: z.enum(['ru', 'en']),
    }),
    z.object({ fileName: z.string(), mime: z.string(), base64: z.string() }),
  ),
  /** How many clients each filter matches, read in one pass over the clients. */
  'clients.countMany': method(z.strictObject({ filters: z.array(ClientFilter).max(100) }), z.object({ totals: z.array(z.number().int()) })),
};
