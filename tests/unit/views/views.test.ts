/**
 * Saved views in a migrated temp cache: the defaults appear once (not again after the user deleted
 * them), create / rename / reorder / delete / restore, a bad order is refused; the one-pass count
 * of many filters equals each filter's own count (clients.ids). Its time at 100k clients is the
 * bench's `views_counts_ms` (tests/bench/sections/views.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../../support/temp-db';
import { rng } from '../../../electron/demo-platform/prng';
import { StatementCache } from '../../../electron/core/db/statements';
import { clientIds, searchTextOf } from '../../../electron/core/clients/queries';
import { countMany } from '../../../electron/core/views/counts';
import { createView, deleteView, listViews, reorderViews, restoreDefaultViews, updateView } from '../../../electron/core/views/store';
import { DEFAULT_VIEWS, type ViewSpec } from '../../../shared/contract/rpc/views';
import type { ClientFilter } from '../../../shared/contract/rpc/clients';
import { AppError } from '../../../shared/contract/rpc/errors';

const NOW = Date.UTC(2026, 10, 18, 12);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const F: ClientFilter = { search: '', statuses: [], paymentModels: [], negativeOnly: false };

let t: TempDb | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

function seed(n: number): TempDb {
  const d = tempDb({ prefix: 'views' });
  const r = rng(7);
  const ins = d.db.prepare(
    `INSERT INTO clients (id, email, name, phone, external_id, status, payment_model, invited_at, registered_at, updated_at,
       payment_minor, bonus_minor, currency, balance_as_of, projects_count, search_text) VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, NULL, ?, ?, 0, 'RUB', ?, 0, ?)`,
  );
  const spent = d.db.prepare('INSERT INTO home_client (client_id, cur_minor, prev_minor, spent30_minor) VALUES (?, 0, 0, ?)');
  d.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const status = ['invited', 'active', 'active', 'blocked'][Math.floor(r.next() * 4)] as string;
      const name = `${['Atlas', 'Bluefin', 'Ромашка'][i % 3]} ${i}`;
      const c = { id: `c${i}`, name, email: `c${i}@x.test`, phone: null, external_id: null };
      ins.run(c.id, c.email, name, status, r.next() < 0.5 ? 'prepaid' : 'postpaid', iso(NOW - Math.floor(r.next() * 20) * DAY), iso(NOW), Math.floor(r.next() * 200_000) - 60_000, iso(NOW), searchTextOf(c));
      spent.run(c.id, Math.floor(r.next() * 400_000));
    }
  })();
  return d;
}

const spec = (filter: Partial<ClientFilter>): ViewSpec => ({ filter: { ...F, ...filter }, sort: { column: 'name', dir: 'asc' }, columns: DEFAULT_VIEWS[0]!.spec.columns });

describe('saved views', () => {
  it('the defaults once; create, rename, reorder, delete, restore', () => {
    t = tempDb({ prefix: 'views-store' });
    const db = t.db;
    expect(listViews(db, NOW).map((v) => [v.defaultKey, v.name])).toEqual(DEFAULT_VIEWS.map((d) => [d.key, null]));
    const mine = createView(db, 'Mine', spec({ search: 'atlas' }), NOW);
    updateView(db, 'default-inDebt', { name: 'Debtors' }, NOW);
    expect(listViews(db, NOW).map((v) => v.name ?? v.defaultKey)).toEqual(['Debtors', 'runsOut', 'invitedStale', 'blocked', 'Mine']);
    reorderViews(db, [mine.id, 'default-blocked', 'default-inDebt', 'default-runsOut', 'default-invitedStale']);
    expect(listViews(db, NOW).map((v) => v.id)).toEqual([mine.id, 'default-blocked', 'default-inDebt', 'default-runsOut', 'default-invitedStale']);
    expect(() => reorderViews(db, [mine.id])).toThrow(AppError);
    expect(() => reorderViews(db, [mine.id, mine.id, 'default-inDebt', 'default-runsOut', 'default-invitedStale'])).toThrow(AppError);
    expect(() => updateView(db, 'nope', { name: 'x' }, NOW)).toThrow(AppError);
    // Deleting every view leaves none: the defaults are not put back by themselves.
    for (const v of listViews(db, NOW)) deleteView(db, v.id);
    expect(listViews(db, NOW)).toEqual([]);
    createView(db, 'Mine 2', spec({ statuses: ['blocked'] }), NOW);
    restoreDefaultViews(db, NOW);
    const after = listViews(db, NOW);
    expect(after.map((v) => v.name ?? v.defaultKey)).toEqual(['inDebt', 'runsOut', 'invitedStale', 'blocked', 'Mine 2']);
    expect(after[0]?.spec).toEqual(DEFAULT_VIEWS[0]?.spec);
  });

  it('counts many filters in one pass, each equal to its own count', () => {
    t = seed(3000);
    const st = new StatementCache(t.db);
    const filters: ClientFilter[] = [
      F,
      { ...F, negativeOnly: true },
      { ...F, statuses: ['blocked'] },
      { ...F, runsOutWithinDays: 7 },
      { ...F, invitedOverDays: 7 },
      { ...F, search: 'atlas' },
      { ...F, search: 'ромашка 1', paymentModels: ['prepaid'] },
      { ...F, search: 'at' },
      { ...F, statuses: ['invited', 'active'], negativeOnly: true, search: 'blue' },
    ];
    const totals = countMany(st, filters);
    expect(totals).toEqual(filters.map((f) => clientIds(st, f).length));
    expect(totals.every((n) => n > 0)).toBe(true);
    expect(countMany(st, [])).toEqual([]);
  });
});
