/**
 * Saved views of the client list in `saved_views` (migration 006), in tab order, and the list's
 * current columns as a preference (meta settings.listColumns, exported with the other
 * preferences). The default views are put in on the first read of a cache (settings.viewsSeeded); "restore" puts them
 * back first, as shipped, and keeps the user's own views after them.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/contract/rpc/errors';
import {
  ColumnsState,
  DEFAULT_COLUMNS,
  DEFAULT_VIEWS,
  DefaultViewKey,
  ViewSpec,
  type SavedView,
} from '../../../shared/contract/rpc/views';
import { getMeta, setMeta } from '../settings/store';

type Db = Database.Database;
/** A preference (exported with the others): the defaults were put in once, and are not again after the user deleted them. */
const SEEDED = 'settings.viewsSeeded';
export const COLUMNS_PREF = 'settings.listColumns';

interface ViewDb {
  id: string;
  position: number;
  name: string | null;
  default_key: string | null;
  spec: string;
}

/** A stored row as the contract has it; a row that no longer parses falls back to the defaults' spec. */
function fromDb(r: ViewDb): SavedView {
  const key = DefaultViewKey.safeParse(r.default_key);
  let spec: ViewSpec;
  try {
    const parsed = ViewSpec.safeParse(JSON.parse(r.spec));
    spec = parsed.success ? parsed.data : fallbackSpec(key.success ? key.data : null);
  } catch {
    spec = fallbackSpec(key.success ? key.data : null);
  }
  return { id: r.id, name: r.name, defaultKey: key.success ? key.data : null, spec };
}

function fallbackSpec(key: DefaultViewKey | null): ViewSpec {
  return DEFAULT_VIEWS.find((d) => d.key === key)?.spec ?? { filter: ViewSpec.shape.filter.parse({}), sort: { column: 'name', dir: 'asc' }, columns: DEFAULT_COLUMNS };
}

function insertDefaults(db: Db, firstPosition: number, now: number): void {
  const ins = db.prepare('INSERT OR IGNORE INTO saved_views (id, position, name, default_key, spec, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, ?)');
  DEFAULT_VIEWS.forEach((d, i) => ins.run(`default-${d.key}`, firstPosition + i, d.key, JSON.stringify(d.spec), now, now));
}

export function listViews(db: Db, now: number): SavedView[] {
  if (getMeta(db, SEEDED) === null) {
    db.transaction(() => {
      insertDefaults(db, 0, now);
      setMeta(db, SEEDED, '1');
    }).immediate();
  }
  return (db.prepare('SELECT id, position, name, default_key, spec FROM saved_views ORDER BY position, id').all() as ViewDb[]).map(fromDb);
}

export function createView(db: Db, name: string, spec: ViewSpec, now: number): SavedView {
  listViews(db, now);
  const id = randomUUID();
  db.prepare(
    `INSERT INTO saved_views (id, position, name, default_key, spec, created_at, updated_at)
     VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM saved_views), ?, NULL, ?, ?, ?)`,
  ).run(id, name, JSON.stringify(spec), now, now);
  return { id, name, defaultKey: null, spec };
}

export function updateView(db: Db, id: string, patch: { name?: string | undefined; spec?: ViewSpec | undefined }, now: number): void {
  const r = db
    .prepare('UPDATE saved_views SET name = coalesce(?, name), spec = coalesce(?, spec), updated_at = ? WHERE id = ?')
    .run(patch.name ?? null, patch.spec ? JSON.stringify(patch.spec) : null, now, id);
  if (r.changes === 0) throw new AppError('not_found', `No saved view ${id}`, { params: { id } });
}

export function deleteView(db: Db, id: string): void {
  const r = db.prepare('DELETE FROM saved_views WHERE id = ?').run(id);
  if (r.changes === 0) throw new AppError('not_found', `No saved view ${id}`, { params: { id } });
}

/** The new tab order; it must name every view exactly once. */
export function reorderViews(db: Db, ids: string[]): void {
  db.transaction(() => {
    const have = db.prepare('SELECT id FROM saved_views').pluck().all() as string[];
    const want = new Set(ids);
    if (want.size !== ids.length || have.length !== ids.length || have.some((id) => !want.has(id))) {
      throw new AppError('invalid_input', 'The new order must name every saved view once', { fields: { ids: 'custom' } });
    }
    const st = db.prepare('UPDATE saved_views SET position = ? WHERE id = ?');
    ids.forEach((id, i) => st.run(i, id));
  }).immediate();
}

export function restoreDefaultViews(db: Db, now: number): void {
  db.transaction(() => {
    db.prepare('DELETE FROM saved_views WHERE default_key IS NOT NULL').run();
    const own = db.prepare('SELECT id FROM saved_views ORDER BY position, id').pluck().all() as string[];
    const st = db.prepare('UPDATE saved_views SET position = ? WHERE id = ?');
    own.forEach((id, i) => st.run(DEFAULT_VIEWS.length + i, id));
    insertDefaults(db, 0, now);
    setMeta(db, SEEDED, '1');
  }).immediate();
}

/** The list's current columns (the defaults until the user changes them, or when the stored value no longer parses). */
export function currentColumns(db: Db): ColumnsState {
  const raw = getMeta(db, COLUMNS_PREF);
  if (raw === null) return DEFAULT_COLUMNS;
  try {
    const r = ColumnsState.safeParse(JSON.parse(raw));
    return r.success ? r.data : DEFAULT_COLUMNS;
  } catch {
    return DEFAULT_COLUMNS;
  }
}

export function setCurrentColumns(db: Db, columns: ColumnsState): void {
  setMeta(db, COLUMNS_PREF, JSON.stringify(columns));
}
