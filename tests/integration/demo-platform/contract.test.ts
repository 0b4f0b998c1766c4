/** Contract tests over real HTTP: every endpoint's answer parsed with the zod schemas, and every error. */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../../shared/contract/endpoints';
import * as P from '../../../shared/contract/platform';
import { boot, expectError, NOW, type Api } from './helpers';
import { MOSCOW_SEED_PLATFORM } from '../../support/platform-info';

let api: Api;
beforeAll(async () => {
  api = await boot();
});
afterAll(() => api.p.stop());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const firstOf = async (status: string): Promise<any> => (await api.get(`/clients?status=${status}&limit=1`)).json.items[0];
const count = (sql: string, ...args: unknown[]) => {
  const db = new Database(api.p.dbFile, { readonly: true });
  try {
    return (db.prepare(sql).get(...args) as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('platform and partner', () => {
  it('GET /platform: Moscow, RUB, the seed policies', async () => {
    const a = await api.get('/platform');
    expect(a.status).toBe(200);
    expect(P.PlatformInfo.parse(a.json)).toEqual(MOSCOW_SEED_PLATFORM);
  });

  it('GET /platform: Kazakhstan and vk-2025 policies', async () => {
    const kz = await boot({ clients: 5, region: 'kazakhstan', policies: 'vk-2025' });
    try {
      const p = P.PlatformInfo.parse((await kz.get('/platform')).json);
      expect(p.time_zone).toBe('+06:00');
      expect(p.currency).toBe('KZT');
      expect(p.policies.delete).toEqual({ resources: 'deleted_after_days', days: 3, can_log_in: false });
      expect(p.policies.block.resources).toBe('keep_running');
      const c = P.ClientsPage.parse((await kz.get('/clients')).json);
      expect(c.items.every((x) => x.balance.payment.currency === 'KZT')).toBe(true);
    } finally {
      await kz.p.stop();
    }
  });

  it('GET /partner', async () => {
    expect(P.Partner.parse((await api.get('/partner')).json).model).toBe('partner');
  });
});

describe('auth and bad input', () => {
  it('every endpoint that needs the token answers 401 without it or with a wrong one', async () => {
    for (const ep of ENDPOINTS.filter((e) => e.auth)) {
      const path = ep.path.replace('{id}', 'cl000001');
      expectError(await api.call(path, { method: ep.method, token: null }), 401, 'unauthorized');
      expectError(await api.call(path, { method: ep.method, token: 'wrong' }), 401, 'unauthorized');
    }
  });

  it('limit out of range, wrong types, unknown query fields: 422 validation_failed with fields', async () => {
    for (const q of ['limit=0', 'limit=1001', 'limit=abc', 'limit=1.5']) {
      expect(expectError(await api.get(`/clients?${q}`), 422, 'validation_failed').json.error.fields).toHaveProperty('limit');
    }
    expect(expectError(await api.get('/clients?status=gone'), 422, 'validation_failed').json.error.fields.status).toBe('invalid_value');
    expect(expectError(await api.get('/clients?colour=red'), 422, 'validation_failed').json.error.fields.colour).toBe('unknown_field');
    expect(expectError(await api.get(`/clients?search=${'x'.repeat(201)}`), 422, 'validation_failed').json.error.fields.search).toBe('too_long');
    expectError(await api.get('/platform?x=1'), 422, 'validation_failed');
  });

  it('bad cursors: 422 invalid_cursor, also a cursor of another feed', async () => {
    for (const path of ['/clients/changes', '/projects/changes', '/transactions/changes', '/clients', '/invitations']) {
      expectError(await api.get(`${path}?cursor=garbage!`), 422, 'invalid_cursor');
      expectError(await api.get(`${path}?cursor=${Buffer.from('z:1').toString('base64url')}`), 422, 'invalid_cursor');
    }
    const tx = (await api.get('/transactions/changes?limit=1')).json.next_cursor;
    expectError(await api.get(`/clients/changes?cursor=${tx}`), 422, 'invalid_cursor');
  });

  it('unknown paths and methods: 404 / 405 envelopes', async () => {
    expectError(await api.get('/nope'), 404, 'not_found');
    expectError(await api.call('/platform', { method: 'PUT' }), 405, 'method_not_allowed');
    expectError(await api.get(api.p.url + '/whatever'), 404, 'not_found');
  });

  it('unknown ids: 404', async () => {
    for (const id of ['cl999999', 'nope', 'x'.repeat(300), '%E2%82%AC']) {
      expectError(await api.get(`/clients/${id}`), 404, 'not_found');
      expectError(await api.get(`/clients/${id}/projects`), 404, 'not_found');
      expectError(await api.post(`/clients/${id}/block`), 404, 'not_found');
      expectError(await api.del(`/clients/${id}`), 404, 'not_found');
    }
    expectError(await api.post('/invitations/inv999999/resend'), 404, 'not_found');
    expectError(await api.del('/invitations/zzz'), 404, 'not_found');
  });

  it('invite: malformed JSON 400, wrong types, unknown fields, over-long strings, too large; nothing written', async () => {
    const before = count('SELECT COUNT(*) AS n FROM clients');
    expectError(await api.call('/clients', { method: 'POST', raw: '{"email": "a@b.c",' }), 400, 'malformed_json');
    expectError(await api.call('/clients', { method: 'POST', raw: '' }), 400, 'malformed_json');
    let f = expectError(await api.post('/clients', { email: 42 }), 422, 'validation_failed').json.error.fields;
    expect(f.email).toBe('invalid_type');
    f = expectError(await api.post('/clients', { name: 'x' }), 422, 'validation_failed').json.error.fields;
    expect(f.email).toBe('required');
    f = expectError(await api.post('/clients', { email: 'not-an-email' }), 422, 'validation_failed').json.error.fields;
    expect(f.email).toBe('invalid_email');
    f = expectError(await api.post('/clients', { email: 'a@b.cd', phone: '12' }), 422, 'validation_failed').json.error.fields;
    expect(f.phone).toBe('invalid_phone');
    f = expectError(await api.post('/clients', { email: 'a@b.cd', admin: true }), 422, 'validation_failed').json.error.fields;
    expect(f.admin).toBe('unknown_field');
    f = expectError(await api.post('/clients', { email: 'a@b.cd', name: 'я'.repeat(201) }), 422, 'validation_failed').json.error.fields;
    expect(f.name).toBe('too_long');
    expectError(await api.post('/clients', [1, 2]), 422, 'validation_failed');
    expectError(await api.post('/clients', null), 422, 'validation_failed');
    expectError(await api.call('/clients', { method: 'POST', raw: JSON.stringify({ email: 'a@b.cd', name: 'x'.repeat(300_000) }) }), 413, 'payload_too_large');
    expect(count('SELECT COUNT(*) AS n FROM clients')).toBe(before);
  });
});

describe('clients', () => {
  it('GET /clients pages through every live client; search and status filter', async () => {
    const all = (await api.all('/clients', 7)).map((c) => P.Client.parse(c));
    expect(all.length).toBe(count('SELECT COUNT(*) AS n FROM clients WHERE deleted_at IS NULL'));
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    const one = all[10] as P.Client;
    for (const s of [one.email.toUpperCase(), one.id, (one.name ?? '').slice(0, 6)]) {
      const found = (await api.get(`/clients?search=${encodeURIComponent(s)}`)).json.items.map((c: P.Client) => c.id);
      expect(found).toContain(one.id);
    }
    const blocked = (await api.all('/clients?status=blocked')) as P.Client[];
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.every((c) => c.status === 'blocked')).toBe(true);
  });

  it('GET /clients/{id} and projects', async () => {
    const c = await firstOf('active');
    expect(P.Client.parse((await api.get(`/clients/${c.id}`)).json)).toEqual(c);
    const projects = P.ProjectsList.parse((await api.get(`/clients/${c.id}/projects`)).json);
    expect(projects.length).toBe(c.projects_count);
  });

  it('invite: 201 invited with a 7-day invitation; 409 client_exists for a live email in any case', async () => {
    const a = await api.post('/clients', { email: 'New.Person@Example.org', name: 'ООО «Новый»', phone: '+7 900 123-45-67', external_id: 'X-1' });
    expect(a.status).toBe(201);
    const c = P.Client.parse(a.json);
    expect(c.status).toBe('invited');
    expect(c.registered_at).toBeNull();
    const invs = (await api.all('/invitations')).map((i) => P.Invitation.parse(i));
    const inv = invs.find((i) => i.client_id === c.id);
    expect(inv?.status).toBe('pending');
    expect(Date.parse(inv?.expires_at ?? '') - Date.parse(inv?.sent_at ?? '')).toBe(7 * 86_400_000);
    const dup = expectError(await api.post('/clients', { email: 'new.person@example.ORG' }), 409, 'client_exists');
    expect(dup.json.error.fields.email).toBe('exists');
  });

  it('block / unblock: idempotent; 409 invalid_state for an invited client', async () => {
    const c = await firstOf('active');
    const b1 = P.Client.parse((await api.post(`/clients/${c.id}/block`)).json);
    expect(b1.status).toBe('blocked');
    const seq1 = count('SELECT seq AS n FROM clients WHERE n = ?', Number(c.id.slice(2)));
    expect(P.Client.parse((await api.post(`/clients/${c.id}/block`)).json).status).toBe('blocked');
    expect(count('SELECT seq AS n FROM clients WHERE n = ?', Number(c.id.slice(2)))).toBe(seq1);
    expect(P.Client.parse((await api.post(`/clients/${c.id}/unblock`)).json).status).toBe('active');
    expect(P.Client.parse((await api.post(`/clients/${c.id}/unblock`)).json).status).toBe('active');
    const inv = await firstOf('invited');
    expectError(await api.post(`/clients/${inv.id}/block`), 409, 'invalid_state');
    expectError(await api.post(`/clients/${inv.id}/unblock`), 409, 'invalid_state');
  });

  it('projects feed: every live client once, with the same list as /clients/{id}/projects', async () => {
    const feed = (await api.all('/projects/changes')).map((x) => P.ClientProjects.parse(x));
    const clients = (await api.all('/clients/changes')).map((x) => P.ClientChange.parse(x));
    expect(feed.map((x) => x.client_id)).toEqual(clients.map((c) => c.id));
    for (const item of feed.slice(0, 40)) {
      const live = clients.find((c) => c.id === item.client_id);
      if (live && !('deleted' in live)) {
        expect(item.projects).toEqual(P.ProjectsList.parse((await api.get(`/clients/${item.client_id}/projects`)).json));
      } else expect(item.projects).toEqual([]);
    }
    const cc = (await api.get('/clients/changes?limit=1')).json.next_cursor;
    expectError(await api.get(`/projects/changes?cursor=${cc}`), 422, 'invalid_cursor');
  });

  it('delete: detaches, then 404; the feed shows a tombstone', async () => {
    const c = await firstOf('blocked');
    const d = P.Deleted.parse((await api.del(`/clients/${c.id}`)).json);
    expect(d.id).toBe(c.id);
    expectError(await api.get(`/clients/${c.id}`), 404, 'not_found');
    expectError(await api.del(`/clients/${c.id}`), 404, 'not_found');
    const feed = (await api.all('/clients/changes')).map((x) => P.ClientChange.parse(x));
    expect(feed).toContainEqual({ id: c.id, deleted: true });
  });

  it('bulk: one result per id, unknown ids not_found, invited invalid_state; at most 500 ids', async () => {
    const a = await firstOf('active');
    const inv = await firstOf('invited');
    const r = P.BulkResult.parse((await api.post('/clients/bulk', { action: 'block', ids: [a.id, 'cl999999', inv.id, a.id] })).json);
    expect(r.results).toEqual([
      { id: a.id, ok: true },
      { id: 'cl999999', ok: false, error: 'not_found' },
      { id: inv.id, ok: false, error: 'invalid_state' },
      { id: a.id, ok: true },
    ]);
    expect((await api.get(`/clients/${a.id}`)).json.status).toBe('blocked');
    await api.post('/clients/bulk', { action: 'unblock', ids: [a.id] });
    const ids = Array.from({ length: 501 }, (_, i) => `cl${String(i + 1).padStart(6, '0')}`);
    expect(expectError(await api.post('/clients/bulk', { action: 'block', ids }), 422, 'validation_failed').json.error.fields.ids).toBe('too_many');
    expectError(await api.post('/clients/bulk', { action: 'explode', ids: [a.id] }), 422, 'validation_failed');
    expectError(await api.post('/clients/bulk', { action: 'block', ids: [] }), 422, 'validation_failed');
  });
});

describe('ledger', () => {
  it('GET /transactions/changes: every row once, oldest change first; since filters by time', async () => {
    const all = (await api.all('/transactions/changes', 1000)).map((t) => P.Transaction.parse(t));
    const live = count('SELECT COUNT(*) AS n FROM transactions t JOIN clients c ON c.n = t.client_n WHERE c.deleted_at IS NULL');
    expect(all.length).toBe(live);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    const nums = all.map((t) => Number(t.id.slice(2)));
    expect(nums).toEqual([...nums].sort((x, y) => x - y));
    const since = new Date(NOW - 30 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const recent = (await api.all(`/transactions/changes?since=${since}`, 500)).map((t) => P.Transaction.parse(t));
    expect(recent.length).toBe(all.filter((t) => t.at >= since).length);
    expect(recent.every((t) => t.at >= since)).toBe(true);
    expectError(await api.get('/transactions/changes?since=yesterday'), 422, 'validation_failed');
  });

  it("GET /clients/{id}/transactions: filters and paging", async () => {
    const heavy = 'cl000003';
    const all = (await api.all(`/clients/${heavy}/transactions`, 1000)).map((t) => P.Transaction.parse(t));
    expect(all.length).toBe(count('SELECT COUNT(*) AS n FROM transactions WHERE client_n = 3'));
    const debits = (await api.all(`/clients/${heavy}/transactions?kind=debit`, 1000)) as P.Transaction[];
    expect(debits.length).toBe(all.filter((t) => t.kind === 'debit').length);
    const pid = all.find((t) => t.project_pid)?.project_pid as string;
    const byProject = (await api.all(`/clients/${heavy}/transactions?project=${pid}`, 1000)) as P.Transaction[];
    expect(byProject.length).toBe(all.filter((t) => t.project_pid === pid).length);
    const from = '2026-01-01T00:00:00Z';
    const to = '2026-02-01T00:00:00Z';
    const jan = (await api.all(`/clients/${heavy}/transactions?from=${from}&to=${to}`, 333)) as P.Transaction[];
    expect(jan.length).toBe(all.filter((t) => t.at >= from && t.at < to).length);
    expectError(await api.get(`/clients/${heavy}/transactions?kind=refund`), 422, 'validation_failed');
  });

  it('GET /clients/{id}/expenses equals the sum of debits in region time', async () => {
    const heavy = 'cl000003';
    const all = (await api.all(`/clients/${heavy}/transactions?kind=debit`, 1000)) as P.Transaction[];
    const e = P.Expenses.parse((await api.get(`/clients/${heavy}/expenses?from=2026-01-01&to=2026-01-31&granularity=week&group_by=project`)).json);
    const lo = Date.parse('2025-12-31T21:00:00Z');
    const hi = Date.parse('2026-01-31T21:00:00Z');
    const want = all.filter((t) => Date.parse(t.at) >= lo && Date.parse(t.at) < hi).reduce((s, t) => s + t.amount_minor, 0);
    expect(e.total_minor).toBe(want);
    expect(e.time_zone).toBe('Europe/Moscow');
    expect(e.buckets.reduce((s, b) => s + b.amount_minor, 0)).toBe(want);
    expect(e.buckets[0]?.bucket).toBe('2025-12-29');
    const d = P.Expenses.parse((await api.get(`/clients/${heavy}/expenses?from=2026-01-01&to=2026-01-31`)).json);
    expect(d.granularity).toBe('day');
    expect(d.group_by).toBe('service');
    expect(d.total_minor).toBe(want);
    expectError(await api.get(`/clients/${heavy}/expenses?from=2026-02-01&to=2026-01-01`), 422, 'validation_failed');
    expectError(await api.get(`/clients/${heavy}/expenses?from=2026-13-01&to=2026-01-01`), 422, 'validation_failed');
    expectError(await api.get(`/clients/${heavy}/expenses`), 422, 'validation_failed');
    expectError(await api.get('/clients/cl999999/expenses?from=2026-01-01&to=2026-01-31'), 404, 'not_found');
  });

  it('GET /reports/consumption: per-client totals for a region month', async () => {
    const r = P.ConsumptionReport.parse((await api.get('/reports/consumption?month=2026-02')).json);
    expect(r.items.length).toBeGreaterThan(0);
    for (const it of r.items) expect(it.by_service.reduce((s, x) => s + x.amount_minor, 0)).toBe(it.total_minor);
    const heavy = r.items.find((i) => i.client_id === 'cl000003');
    const e = P.Expenses.parse((await api.get('/clients/cl000003/expenses?from=2026-02-01&to=2026-02-28&granularity=month')).json);
    expect(heavy?.total_minor).toBe(e.total_minor);
    expectError(await api.get('/reports/consumption?month=2026-13'), 422, 'validation_failed');
    expectError(await api.get('/reports/consumption'), 422, 'validation_failed');
  });
});

describe('invitations and applications', () => {
  it('lists pending and expired invitations; resend renews; revoke removes', async () => {
    const invs = (await api.all('/invitations', 5)).map((i) => P.Invitation.parse(i));
    expect(invs.some((i) => i.status === 'expired')).toBe(true);
    expect(invs.some((i) => i.status === 'pending')).toBe(true);
    const expired = invs.find((i) => i.status === 'expired') as P.Invitation;
    const re = P.Invitation.parse((await api.post(`/invitations/${expired.id}/resend`)).json);
    expect(re.status).toBe('pending');
    expect(re.resent_count).toBe(expired.resent_count + 1);
    expect((await api.del(`/invitations/${expired.id}`)).json).toEqual({ id: expired.id, revoked: true });
    expectError(await api.del(`/invitations/${expired.id}`), 404, 'not_found');
    expectError(await api.post(`/invitations/${expired.id}/resend`), 404, 'not_found');
    expect((await api.all('/invitations')).some((i) => (i as P.Invitation).id === expired.id)).toBe(false);
  });

  it('POST /partner-applications is public and validated', async () => {
    const a = await api.post('/partner-applications', { name: 'Иван', email: 'ivan@example.ru', phone: '+7 900 000-00-00', company: 'ООО «Тест»' }, { token: null });
    expect(a.status).toBe(201);
    P.PartnerApplicationReceipt.parse(a.json);
    const f = expectError(await api.post('/partner-applications', { name: '', email: 'bad', phone: '1', company: 'x' }, { token: null }), 422, 'validation_failed').json.error.fields;
    expect(f).toMatchObject({ name: 'required', email: 'invalid_email', phone: 'invalid_phone' });
  });
});

describe('Idempotency-Key', () => {
  it('same key + same body: the stored answer, applied once; different body: 422 idempotency_conflict', async () => {
    const before = count('SELECT COUNT(*) AS n FROM clients');
    const body = { email: 'idem@example.com' };
    const a = await api.post('/clients', body, { key: 'k-invite-1' });
    const b = await api.post('/clients', body, { key: 'k-invite-1' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.json).toEqual(a.json);
    expect(count('SELECT COUNT(*) AS n FROM clients')).toBe(before + 1);
    expectError(await api.post('/clients', { email: 'other@example.com' }, { key: 'k-invite-1' }), 422, 'idempotency_conflict');
    expect(count('SELECT COUNT(*) AS n FROM clients')).toBe(before + 1);
    // A refusal is replayed too.
    const c1 = await api.post('/clients', body, { key: 'k-invite-2' });
    expectError(c1, 409, 'client_exists');
    expectError(await api.post('/clients', body, { key: 'k-invite-2' }), 409, 'client_exists');
  });

  it('block, delete and bulk with a key apply once', async () => {
    const c = await firstOf('active');
    const n = Number(c.id.slice(2));
    await api.post(`/clients/${c.id}/block`, undefined, { key: 'k-block' });
    const seq = count('SELECT seq AS n FROM clients WHERE n = ?', n);
    await api.post(`/clients/${c.id}/unblock`);
    const again = await api.post(`/clients/${c.id}/block`, undefined, { key: 'k-block' });
    expect(again.json.status).toBe('blocked'); // the stored answer
    expect((await api.get(`/clients/${c.id}`)).json.status).toBe('active'); // not applied again
    expect(count('SELECT seq AS n FROM clients WHERE n = ?', n)).toBeGreaterThan(seq);
    expectError(await api.post(`/clients/${c.id}/unblock`, undefined, { key: 'k-block' }), 422, 'idempotency_conflict');
    const d1 = await api.del(`/clients/${c.id}`, { key: 'k-del' });
    const d2 = await api.del(`/clients/${c.id}`, { key: 'k-del' });
    expect(d1.status).toBe(200);
    expect(d2.json).toEqual(d1.json);
    expectError(await api.post('/clients', { email: 'x@y.zz' }, { key: 'k'.repeat(129) }), 422, 'validation_failed');
  });
});
