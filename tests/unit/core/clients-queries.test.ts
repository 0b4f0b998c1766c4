import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type Database from 'better-sqlite3';
import { tempDb, type TempDb } from '../../support/temp-db';
import { StatementCache } from '../../../electron/core/db/statements';
import { SyncStore } from '../../../electron/core/sync/store';
import { listClients, listRows, countClients, clientIds, getClient, normaliseSearch, type ListInput } from '../../../electron/core/clients/queries';
import { ClientsListInput, SortColumn } from '../../../shared/contract/rpc/clients';
import type { Client } from '../../../shared/contract/platform';
import { makeClients } from './fixtures';

let temp: TempDb;
let db: Database.Database;
let statements: StatementCache;
let clients: Client[];
const input = (x: Partial<ListInput> & Record<string, unknown> = {}) => ClientsListInput.parse(x) as ListInput;

beforeAll(() => {
  temp = tempDb({ prefix: 'q' });
  db = temp.db;
  statements = new StatementCache(db);
  clients = makeClients(2000, 7);
  new SyncStore(db).applyClientsPage(clients, 'cur');
});
afterAll(() => temp.close());

const FIELD: Record<SortColumn, (c: Client) => string | number | null> = {
  name: (c) => (c.name === null ? null : c.name.toLowerCase()),
  email: (c) => c.email,
  phone: (c) => c.phone,
  externalId: (c) => c.external_id,
  status: (c) => c.status,
  paymentModel: (c) => c.payment_model,
  payment: (c) => c.balance.payment.amount_minor,
  bonus: (c) => c.balance.bonus.amount_minor,
  projectsCount: (c) => c.projects_count,
  invitedAt: (c) => c.invited_at,
  registeredAt: (c) => c.registered_at,
};
function cmp(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1; // SQLite sorts NULL first
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

describe('clients.list', () => {
  it('sorts by every column both ways with a stable id tie-break', () => {
    for (const column of SortColumn.options) {
      for (const dir of ['asc', 'desc'] as const) {
        const sign = dir === 'asc' ? 1 : -1;
        const expected = [...clients]
          .sort((a, b) => sign * (cmp(FIELD[column](a), FIELD[column](b)) || cmp(a.id, b.id)))
          .slice(50, 150)
          .map((c) => c.id);
        const got = listClients(statements, input({ sort: { column, dir }, offset: 50, limit: 100 }));
        expect(got.total).toBe(2000);
        expect(got.rows.map((r) => r.id), `${column} ${dir}`).toEqual(expected);
      }
    }
  });

  it('searches name (Cyrillic, any case), email, phone digits, external id and id', () => {
    const byName = listClients(statements, input({ search: 'ромашка', limit: 500 }));
    expect(byName.total).toBe(clients.filter((c) => c.name?.includes('Ромашка')).length);
    expect(byName.total).toBeGreaterThan(0);
    expect(listClients(statements, input({ search: 'USER123@' })).rows.map((r) => r.id)).toEqual(
      clients.filter((c) => c.email.startsWith('user123@')).map((c) => c.id),
    );
    const withPhone = clients.find((c) => c.phone !== null)!;
    const digits = withPhone.phone!.replace(/\D/g, '');
    expect(listClients(statements, input({ search: withPhone.phone!.slice(0, 12) })).rows.length).toBeGreaterThan(0);
    expect(listClients(statements, input({ search: digits, limit: 500 })).rows.map((r) => r.id)).toContain(withPhone.id);
    const withExt = clients.find((c) => c.external_id !== null)!;
    expect(listClients(statements, input({ search: withExt.external_id!.toLowerCase(), limit: 500 })).rows.map((r) => r.id)).toContain(withExt.id);
    expect(listClients(statements, input({ search: 'c001999' })).rows.map((r) => r.id)).toEqual(['c001999']);
    expect(listClients(statements, input({ search: 'no such thing' })).total).toBe(0);
  });

  it('a search with many matches (read by walking the sort index) pages exactly like a full sort', () => {
    for (const [search, column, dir] of [
      ['example', 'payment', 'desc'],
      ['.ru', 'name', 'asc'],
      ['ltd', 'registeredAt', 'desc'],
      ['user1', 'email', 'desc'],
      ['ооо', 'bonus', 'asc'],
      // under three characters: the walk tests the search text itself
      ['о', 'name', 'desc'],
      ['1', 'phone', 'asc'],
      ['@', 'invitedAt', 'desc'],
    ] as const) {
      const q = search.toLowerCase();
      const sign = dir === 'asc' ? 1 : -1;
      const matches = clients.filter((c) => [c.name ?? '', c.email, c.phone?.replace(/\D/g, '') ?? '', c.external_id ?? '', c.id].join('\u0001').toLowerCase().includes(q));
      expect(matches.length, search).toBeGreaterThan(400);
      const expected = matches.sort((a, b) => sign * (cmp(FIELD[column](a), FIELD[column](b)) || cmp(a.id, b.id))).map((c) => c.id);
      for (const offset of [0, 300]) {
        const got = listClients(statements, input({ search, sort: { column, dir }, offset, limit: 100 }));
        expect(got.total, search).toBe(matches.length);
        expect(got.rows.map((r) => r.id), `${search} ${column} ${dir} @${offset}`).toEqual(expected.slice(offset, offset + 100));
        expect(listRows(statements, input({ search, sort: { column, dir }, offset, limit: 100 }))).toEqual(got.rows);
        expect(countClients(statements, input({ search }))).toBe(matches.length);
      }
    }
  });

  it('search input is data, never SQL', () => {
    for (const s of ["' OR 1=1 --", '%', '_', '"; DROP TABLE clients; --']) {
      expect(listClients(statements, input({ search: s })).total).toBe(0);
    }
    expect(listClients(statements, input()).total).toBe(2000);
  });

  it('filters by status, payment model and negative balance', () => {
    const got = listClients(statements, input({ statuses: ['blocked'], paymentModels: ['prepaid'], negativeOnly: true, limit: 500 }));
    const exp = clients.filter((c) => c.status === 'blocked' && c.payment_model === 'prepaid' && c.balance.payment.amount_minor < 0);
    expect(got.total).toBe(exp.length);
    expect(new Set(got.rows.map((r) => r.id))).toEqual(new Set(exp.map((c) => c.id)));
    expect(listClients(statements, input({ statuses: ['active', 'invited'] })).total).toBe(clients.filter((c) => c.status !== 'blocked').length);
  });

  it('clients.ids returns every match (not only a page); clients.get returns one with projects', () => {
    const ids = clientIds(statements, { search: '', statuses: ['active'], paymentModels: [], negativeOnly: false });
    expect(ids.length).toBe(clients.filter((c) => c.status === 'active').length);
    const one = getClient(statements, 'c000010');
    expect(one?.client.email).toBe('user10@example3.ru');
    expect(one?.client.pendingAction).toBeNull();
    expect(getClient(statements, 'nope')).toBeNull();
  });

  it('normalises phone-like searches to digits', () => {
    expect(normaliseSearch(' +7 (912) 345-67-89 ')).toBe('79123456789');
    expect(normaliseSearch('ООО')).toBe('ооо');
  });
});
