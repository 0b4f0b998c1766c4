/**
 * The deals endpoints over real HTTP against the demo platform (contract and errors), and the
 * core's partner features against it: deals through the core, the partner application without
 * a connection, and the monthly report's totals against the platform's own consumption report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../../../electron/demo-platform/index';
import { createCore, type Core } from '../../../electron/core/create-core';
import { PartnerApi } from '../../../electron/core/partner-api/client';
import { API_BASE, ConsumptionReport, Deal, DealsPage, ErrorEnvelope } from '../../../shared/contract/platform';
import { monthTotals } from '../../../electron/core/partner/report/query';
import { localDateOf, addMonths } from '../../../shared/domain/time';
import type { DealRow } from '../../../shared/contract/rpc/partner';
import { demoControls } from '../../support/demo-controls';

let work: string;
let platform: Awaited<ReturnType<typeof start>>;
let core: Core;
let bare: Core;

const VALID_INN = ['7707083893', '7736207543', '500100732259', '7710140679'];

async function http(method: string, path: string, opts: { body?: unknown; raw?: string; token?: string | null; key?: string } = {}) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.token !== null) headers['x-access-token'] = opts.token ?? platform.token;
  if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
  if (opts.key) headers['idempotency-key'] = opts.key;
  const res = await fetch(platform.url + API_BASE + path, {
    method,
    headers,
    ...(opts.raw !== undefined ? { body: opts.raw } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}
const expectError = (r: { status: number; json: unknown }, status: number, code: string) => {
  expect(r.status).toBe(status);
  const env = ErrorEnvelope.parse(r.json);
  expect(env.error.code).toBe(code);
  return env.error;
};
const body = (over: Record<string, unknown> = {}) => ({
  customer_name: 'ООО «Ромашка»',
  inn: VALID_INN[0],
  decision_maker: 'Иванов Иван, ИТ-директор',
  pids: ['pid-1', 'pid-2'],
  amount: { amount_minor: 1_250_000_00, currency: 'RUB' },
  year: 2026,
  quarter: 2,
  description: 'Миграция 1С в облако',
  ...over,
});
const tick = (days: number) => demoControls(platform).tick({ days, accept_rate: 0 });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pd-int-partner-'));
  platform = await start({ port: 0, seed: 11, clients: 60, dataDir: join(work, 'platform'), allowDemoControls: true });
  const opts = {
    mode: 'browser' as const,
    version: 'test',
    autoSync: false,
    apiOptions: { retryBaseMs: 5, retryMaxMs: 50, maxRetries: 4, timeoutMs: 10_000 },
  };
  core = await createCore({ ...opts, dataDir: join(work, 'app'), connection: { kind: 'demo', url: platform.url, token: platform.token } });
  bare = await createCore({ ...opts, dataDir: join(work, 'bare'), connection: null });
});
afterAll(async () => {
  await core?.close();
  await bare?.close();
  await platform?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('deals endpoints (contract)', () => {
  let created: Deal;

  it('POST /deals registers a deal (201, the contract shape, status registered)', async () => {
    const r = await http('POST', '/deals', { body: body() });
    expect(r.status).toBe(201);
    created = Deal.parse(r.json);
    expect(created).toMatchObject({ customer_name: 'ООО «Ромашка»', inn: VALID_INN[0], status: 'registered', quarter: 2, year: 2026 });
    expect(created.amount).toEqual({ amount_minor: 1_250_000_00, currency: 'RUB' });
  });

  it('GET /deals/{id} returns it; unknown ids are 404', async () => {
    const r = await http('GET', `/deals/${created.id}`);
    expect(r.status).toBe(200);
    expect(Deal.parse(r.json)).toEqual(created);
    expectError(await http('GET', '/deals/deal_999999'), 404, 'not_found');
    expectError(await http('GET', '/deals/nonsense'), 404, 'not_found');
  });

  it('refuses a bad INN checksum, missing and unknown fields, wrong types, malformed JSON, a wrong currency', async () => {
    let e = expectError(await http('POST', '/deals', { body: body({ inn: '7707083894' }) }), 422, 'validation_failed');
    expect(Object.keys(e.fields ?? {})).toEqual(['inn']);
    e = expectError(await http('POST', '/deals', { body: body({ inn: '12345' }) }), 422, 'validation_failed');
    expect(e.fields?.inn).toBeTruthy();
    e = expectError(await http('POST', '/deals', { body: { ...body(), customer_name: undefined } }), 422, 'validation_failed');
    expect(e.fields?.customer_name).toBe('required');
    e = expectError(await http('POST', '/deals', { body: body({ extra: 1 }) }), 422, 'validation_failed');
    expect(e.fields?.extra).toBe('unknown_field');
    e = expectError(await http('POST', '/deals', { body: body({ quarter: 5 }) }), 422, 'validation_failed');
    expect(e.fields?.quarter).toBeTruthy();
    e = expectError(await http('POST', '/deals', { body: body({ amount: { amount_minor: 1.5, currency: 'RUB' } }) }), 422, 'validation_failed');
    expect(e.fields?.['amount.amount_minor']).toBeTruthy();
    e = expectError(await http('POST', '/deals', { body: body({ customer_name: 'x'.repeat(201) }) }), 422, 'validation_failed');
    expect(e.fields?.customer_name).toBe('too_long');
    expectError(await http('POST', '/deals', { raw: '{"customer_name": ' }), 400, 'malformed_json');
    e = expectError(await http('POST', '/deals', { body: body({ inn: VALID_INN[3], amount: { amount_minor: 100, currency: 'KZT' } }) }), 422, 'validation_failed');
    expect(e.fields?.['amount.currency']).toBe('invalid_value');
    // nothing was half-written
    const list = DealsPage.parse((await http('GET', '/deals')).json);
    expect(list.items.map((d) => d.id)).toEqual([created.id]);
  });

  it('needs the token', async () => {
    expectError(await http('GET', '/deals', { token: null }), 401, 'unauthorized');
    expectError(await http('POST', '/deals', { token: 'wrong', body: body({ inn: VALID_INN[1] }) }), 401, 'unauthorized');
    expectError(await http('GET', `/deals/${created.id}`, { token: '' }), 401, 'unauthorized');
  });

  it('an open deal for the same INN and quarter is 409 deal_exists; another quarter is fine', async () => {
    const e = expectError(await http('POST', '/deals', { body: body() }), 409, 'deal_exists');
    expect(e.fields?.inn).toBe('deal_exists');
    expect((await http('POST', '/deals', { body: body({ quarter: 3 }) })).status).toBe(201);
  });

  it('Idempotency-Key: a retried registration applies once; the same key with another body is refused', async () => {
    const b = body({ inn: VALID_INN[2], customer_name: 'ИП Петрова' });
    const a = await http('POST', '/deals', { body: b, key: 'deal-key-1' });
    const again = await http('POST', '/deals', { body: b, key: 'deal-key-1' });
    expect(a.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(a.json);
    expectError(await http('POST', '/deals', { body: { ...b, quarter: 4 }, key: 'deal-key-1' }), 422, 'idempotency_conflict');
    const list = DealsPage.parse((await http('GET', '/deals')).json);
    expect(list.items.filter((d) => d.inn === VALID_INN[2])).toHaveLength(1);
  });

  it('pages newest first with exact cursors; bad cursors and limits are 422', async () => {
    for (let q = 1; q <= 4; q++) expect((await http('POST', '/deals', { body: body({ inn: VALID_INN[3], year: 2027, quarter: q }) })).status).toBe(201);
    const all = DealsPage.parse((await http('GET', '/deals?limit=1000')).json).items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await http('GET', `/deals?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page = DealsPage.parse(r.json);
      seen.push(...page.items.map((d) => d.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.map((d) => d.id));
    expect(new Set(seen).size).toBe(seen.length);
    const nums = seen.map((id) => Number(id.replace('deal_', '')));
    expect([...nums].sort((a, b) => b - a)).toEqual(nums);
    expectError(await http('GET', '/deals?cursor=zzz'), 422, 'invalid_cursor');
    expectError(await http('GET', '/deals?limit=0'), 422, 'validation_failed');
    expectError(await http('GET', '/deals?limit=1001'), 422, 'validation_failed');
    expectError(await http('GET', '/deals?status=maybe'), 422, 'validation_failed');
  });

  it('statuses move as platform time passes, and the status filter follows them', async () => {
    await tick(2);
    let r = DealsPage.parse((await http('GET', '/deals?status=in_review')).json);
    expect(r.items.map((d) => d.id)).toContain(created.id);
    await tick(70);
    const all = DealsPage.parse((await http('GET', '/deals?limit=1000')).json).items;
    expect(all.every((d) => ['rejected', 'won', 'lost'].includes(d.status))).toBe(true);
    r = DealsPage.parse((await http('GET', '/deals?status=registered')).json);
    expect(r.items).toEqual([]);
  });
});

describe('the core against the platform', () => {
  it('deals.create registers through the platform, refuses a bad INN locally, and deals.list caches for offline', async () => {
    await expect(
      core.call('deals.create', { customerName: 'АО «Вектор»', inn: '1234567890', decisionMaker: 'Петров', amountMinor: 100, year: 2026, quarter: 1, requestId: 'req-00000001' }),
    ).rejects.toMatchObject({ code: 'invalid_input', fields: { inn: 'invalid_inn' } });
    const input = { customerName: 'АО «Вектор»', inn: '7736207543', decisionMaker: 'Петров', pids: ['p1'], amountMinor: 500_000_00, year: 2028, quarter: 1, requestId: 'req-00000002' };
    const d = (await core.call('deals.create', input)) as DealRow;
    expect(d).toMatchObject({ customerName: 'АО «Вектор»', status: 'registered', amountMinor: 500_000_00, currency: 'RUB', feedbackDue: false });
    // the same submission again (a retried click) registers nothing new
    const again = (await core.call('deals.create', input)) as DealRow;
    expect(again.id).toBe(d.id);
    // the platform refuses a duplicate open deal: shown on the INN field
    await expect(core.call('deals.create', { ...input, requestId: 'req-00000003' })).rejects.toMatchObject({ code: 'invalid_input', fields: { inn: 'deal_exists' } });
    const list = (await core.call('deals.list', {})) as { items: DealRow[]; offline: boolean };
    expect(list.offline).toBe(false);
    expect(list.items.length).toBeGreaterThanOrEqual(7);
    expect(list.items.filter((x) => x.id === d.id)).toHaveLength(1);
    await core.setConnection({ kind: 'demo', url: 'http://127.0.0.1:9', token: 'x' });
    const offline = (await core.call('deals.list', {})) as { items: DealRow[]; offline: boolean };
    expect(offline.offline).toBe(true);
    expect(offline.items.map((x) => x.id)).toEqual(list.items.map((x) => x.id));
    await core.setConnection({ kind: 'demo', url: platform.url, token: platform.token });
  });

  it('the cached copy says why it is shown: offline, or a rate limit (deals and invitations)', async () => {
    type Cached = { offline: boolean; unavailable: string | null };
    const fresh = { deals: (await core.call('deals.list', {})) as Cached, invitations: (await core.call('invitations.list', {})) as Cached };
    expect(fresh.deals).toMatchObject({ offline: false, unavailable: null });
    expect(fresh.invitations).toMatchObject({ offline: false, unavailable: null });
    // A 429 whose Retry-After is longer than the client waits: thrown at once, the cached copy shown with the reason.
    await demoControls(platform).setFaults({ rate_limit_rate: 1, retry_after_s: 3600 });
    try {
      expect(await core.call('deals.list', {})).toMatchObject({ offline: true, unavailable: 'rate_limited' });
      expect(await core.call('invitations.list', {})).toMatchObject({ offline: true, unavailable: 'rate_limited' });
    } finally {
      await demoControls(platform).clearFaults();
    }
    await core.setConnection({ kind: 'demo', url: 'http://127.0.0.1:9', token: 'x' });
    try {
      expect(await core.call('deals.list', {})).toMatchObject({ offline: true, unavailable: 'offline' });
      expect(await core.call('invitations.list', {})).toMatchObject({ offline: true, unavailable: 'offline' });
    } finally {
      await core.setConnection({ kind: 'demo', url: platform.url, token: platform.token });
    }
  });

  it('partner.apply checks fields first; with no connection it posts nowhere, with one it goes to that platform', async () => {
    await expect(bare.call('partner.apply', { name: 'Анна', email: 'anna@', phone: '12', company: '' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { email: 'invalid_email', phone: 'invalid_phone', company: 'required' },
    });
    const form = {
      name: 'Анна Смирнова',
      email: 'anna@integrator.ru',
      phone: '+7 900 123-45-67',
      company: 'ООО «Интегратор»',
      message: 'Хотим стать партнёром',
    };
    await expect(bare.call('partner.apply', form)).rejects.toMatchObject({ code: 'not_configured' });
    const r = (await core.call('partner.apply', form)) as { id: string; receivedAt: string };
    expect(r.id).toMatch(/^app/);
    expect(Date.parse(r.receivedAt)).toBeGreaterThan(0);
  });

  it("the monthly report's totals equal the platform's consumption report after a sync", async () => {
    await core.engine.run();
    const zone = core.ctx.timeZone();
    const api = new PartnerApi({ baseUrl: platform.url, token: platform.token });
    // the platform's clock ran ahead with the ticks above: take its month from a balance's as_of
    const platformNow = Date.parse(((await http('GET', '/clients?limit=1')).json as { items: { balance: { as_of: string } }[] }).items[0]!.balance.as_of);
    const thisMonth = localDateOf(platformNow, zone);
    for (const month of [addMonths(thisMonth, -1).slice(0, 7), addMonths(thisMonth, -2).slice(0, 7)]) {
      const theirs = ConsumptionReport.parse(await api.consumption(month));
      const mine = monthTotals(core.ctx.db, month, zone);
      const mineDebits = new Map(mine.filter((t) => t.debits > 0).map((t) => [t.id, t.debits]));
      const theirsTotals = new Map(theirs.items.map((i) => [i.client_id, i.total_minor]));
      expect(theirs.items.length).toBeGreaterThan(0);
      expect(mineDebits).toEqual(theirsTotals);
      for (const it of theirs.items) {
        const t = mine.find((x) => x.id === it.client_id)!;
        for (const s of it.by_service) expect(t.byService.get(s.service)?.amount).toBe(s.amount_minor);
      }
    }
  });

  it('alerts after the sync match the cache: one negative alert per client in debt; report.start -> progress -> file over RPC', async () => {
    await core.call('alerts.saveRule', { clientId: null, thresholdMinor: null, negative: true, freezeDays: null });
    const list = (await core.call('alerts.list', {})) as { items: { clientId: string; kind: string }[]; unseen: number };
    const debtors = core.ctx.db.prepare('SELECT id FROM clients WHERE payment_minor < 0 ORDER BY id').pluck().all() as string[];
    expect(debtors.length).toBeGreaterThan(0);
    expect(list.items.filter((a) => a.kind === 'negative').map((a) => a.clientId).sort()).toEqual(debtors);
    expect(list.unseen).toBe(list.items.length);
    await expect(core.call('alerts.saveRule', { clientId: null, thresholdMinor: null, negative: true, freezeDays: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(core.call('report.start', { month: '2026-13', lang: 'ru' })).rejects.toMatchObject({ code: 'invalid_input' });

    const months = (await core.call('report.months', {})) as { months: { month: string; cached: boolean }[] };
    const month = months.months[1]!.month;
    const events: { jobId: string; state: string; done: number; total: number }[] = [];
    let resolveDone: () => void = () => {};
    const finished = new Promise<void>((r) => (resolveDone = r));
    const off = core.onEvent((e) => {
      if (e.event !== 'report.progress') return;
      const p = e.payload as { jobId: string; state: string; done: number; total: number };
      events.push(p);
      if (p.state !== 'running') resolveDone();
    });
    const { jobId } = (await core.call('report.start', { month, lang: 'en' })) as { jobId: string };
    await finished;
    off();
    const job = (await core.call('report.get', { jobId })) as { state: string; file: { fileName: string; base64: string } | null; total: number };
    expect(job.state).toBe('done');
    expect(job.file?.fileName).toBe(`consumption-${month}.xlsx`);
    expect(events.every((e) => e.jobId === jobId)).toBe(true);
    expect(events.at(-1)).toMatchObject({ state: 'done', done: job.total });

    // offline: the same report from the cache alone gives the same file contents
    await core.setConnection({ kind: 'demo', url: 'http://127.0.0.1:9', token: 'x' });
    try {
      let finish: () => void = () => {};
      const over = new Promise<void>((resolve) => (finish = resolve));
      const stop = core.onEvent((e) => {
        if (e.event === 'report.progress' && (e.payload as { state: string }).state !== 'running') finish();
      });
      const again = (await core.call('report.start', { month, lang: 'en' })) as { jobId: string };
      await over;
      stop();
      const r = (await core.call('report.get', again)) as typeof job;
      expect(r.state).toBe('done');
      expect(r.total).toBe(job.total);
      expect(r.file?.base64.length).toBeGreaterThan(0);
    } finally {
      await core.setConnection({ kind: 'demo', url: platform.url, token: platform.token });
    }
  });
});
