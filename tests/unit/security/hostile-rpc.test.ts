/**
 * The hostile-input suite, RPC side: every method of the contract gets inputs of the wrong type,
 * missing and unknown fields, numbers out of range, huge strings and arrays. Each one must be
 * refused as invalid_input, with a message and field reasons that exist in both languages, and
 * nothing may be written (a digest of every table of the real cache is the same after).
 * Then hostile text (markup, SQL, FTS operators, LIKE wildcards, NUL, lone surrogates, bidi
 * overrides, zero-width characters, 10,000 characters) in searches and forms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { Core } from '../../../electron/core/create-core';
import { testCore } from '../../support/test-core';
import { METHODS, type MethodName } from '../../../shared/contract/rpc/index';
import { resources } from '../../../shared/i18n';
import { FIELD_KEY } from '../../../renderer/ui/labels';
import { startFakePlatform, type FakePlatform } from '../core/fake-platform';
import { makeClients } from '../core/fixtures';

const NOW = Date.parse('2026-03-15T12:00:00Z');
const PERIOD = { clientId: 'c000001', from: '2026-03-01', to: '2026-03-15' };
/** A well-formed input of every method that takes one (the mutations start from it). */
const VALID: Partial<Record<MethodName, Record<string, unknown>>> = {
  'settings.update': { language: 'en', syncIntervalMin: 15, ledgerWindowMonths: 3 },
  'connection.set': { kind: 'custom', url: 'https://partner.example.com', token: 'tok' },
  'clients.list': { search: '', statuses: ['active'], paymentModels: ['prepaid'], negativeOnly: false, sort: { column: 'name', dir: 'asc' }, offset: 0, limit: 10 },
  'clients.ids': { search: '', statuses: ['active'], paymentModels: ['prepaid'], negativeOnly: false },
  'clients.get': { id: 'c000001' },
  'clients.invite': { email: 'new@example.ru', name: 'New', phone: '+7 900 000-00-00', externalId: 'X-1' },
  'actions.enqueue': { action: 'block', ids: ['c000001'] },
  'actions.applicable': { ids: ['c000001'] },
  'actions.batches': { limit: 10 },
  'actions.batch': { batchId: 'b1', filter: 'all', offset: 0, limit: 10 },
  'actions.cancel': { batchId: 'b1' },
  'actions.retryFailed': { batchId: 'b1' },
  'actions.export': { batchId: 'b1', format: 'csv', lang: 'en' },
  'invitations.resend': { id: 'i1' },
  'invitations.revoke': { id: 'i1' },
  'invitations.discard': { id: 1 },
  'audit.list': { search: '', offset: 0, limit: 10 },
  'audit.export': { format: 'csv', lang: 'en', search: '' },
  'balance.card': { clientId: 'c000001' },
  'balance.detail': { ...PERIOD, kinds: ['debit'], projects: ['p1'], services: ['compute'], granularity: 'operation', offset: 0, limit: 10 },
  'balance.expenses': { ...PERIOD, granularity: 'day', groupBy: 'service' },
  'balance.export': { view: 'detail', ...PERIOD, format: 'csv', lang: 'en' },
  'balance.fetchRange': { ...PERIOD },
  'partner.apply': { name: 'Ann', email: 'ann@example.ru', phone: '+7 900 000-00-00', company: 'Co', message: 'hi' },
  'deals.list': { status: 'registered' },
  'deals.create': { customerName: 'Co', inn: '7707083893', decisionMaker: 'Ann', pids: ['p1'], amountMinor: 100, year: 2026, quarter: 1, description: '', requestId: 'req-12345678' },
  'deals.feedback': { dealId: 'd1', note: 'n' },
  'report.start': { month: '2026-02', clientIds: ['c000001'], lang: 'en' },
  'report.get': { jobId: 'j1' },
  'alerts.saveRule': { clientId: 'c000001', thresholdMinor: 100, negative: true, freezeDays: 7 },
  'alerts.notified': { ids: ['a1'] },
  'palette.search': { query: 'x', limit: 10 },
};

let dir: string;
let fp: FakePlatform;
let core: Core;

/** Every table's rows, hashed: equal digests mean nothing was written. */
function digest(): string {
  const db = core.ctx.db;
  const h = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const t of tables) {
    h.update(t);
    for (const row of db.prepare(`SELECT * FROM "${t}"`).iterate()) h.update(JSON.stringify(row));
  }
  return h.digest('hex') + ':' + readdirSync(dir).sort().join(',');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pd-hostile-'));
  fp = await startFakePlatform();
  for (const c of makeClients(40, 5)) fp.upsert(c);
  fp.upsert({ ...makeClients(1, 9)[0]!, id: 'needle', name: 'Needle 50%_off "q" NEAR(x) AND y* <b>bold</b>', email: 'needle@example.ru' });
  core = await testCore(dir, fp, 'custom', {
    now: () => NOW,
    apiOptions: { retryBaseMs: 1, retryMaxMs: 5, maxRetries: 0, timeoutMs: 5000 },
  });
  await core.engine.run();
});
afterAll(async () => {
  await core.close();
  await fp.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The call is refused with a translated message and translated field reasons; nothing changed. */
async function expectRefused(method: string, input: unknown, code = 'invalid_input') {
  const before = digest();
  let err: { code?: string; fields?: Record<string, string> } | null = null;
  try {
    await core.call(method, input);
  } catch (e) {
    err = e as typeof err;
  }
  expect(err, `${method} accepted ${JSON.stringify(input)?.slice(0, 120)}`).not.toBeNull();
  expect(err!.code).toBe(code);
  for (const lang of ['en', 'ru'] as const) {
    const text = (resources[lang].errors as unknown as Record<string, unknown>)[err!.code!];
    expect(typeof text === 'string' && text.length > 0, `${lang} errors.${err!.code}`).toBe(true);
    for (const reason of Object.values(err!.fields ?? {})) {
      const key = (FIELD_KEY[reason] ?? 'errors:field.other').replace('errors:field.', '');
      expect((resources[lang].errors.field as Record<string, string>)[key], `${lang} ${reason}`).toBeTruthy();
    }
  }
  expect(digest(), `${method}: something was written`).toBe(before);
  return err!;
}

const HUGE_STRING = 'x'.repeat(100_000);
const wrongTypeOf = (v: unknown): unknown => (typeof v === 'string' ? 12345 : typeof v === 'number' ? '1' : typeof v === 'boolean' ? 'yes' : Array.isArray(v) ? 'x' : v === null ? [] : 7);

interface Case {
  name: string;
  input: unknown;
}
function casesOf(method: MethodName): Case[] {
  const valid = VALID[method];
  const out: Case[] = [
    { name: 'a number instead of an object', input: 42 },
    { name: 'a string instead of an object', input: 'input' },
    { name: 'an array instead of an object', input: [] },
    { name: 'an unknown field', input: { ...(valid ?? {}), surprise: 1 } },
    { name: 'a __proto__ field', input: JSON.parse(`{"__proto__": {"polluted": true}${valid ? ',' + JSON.stringify(valid).slice(1, -1) : ''}}`) },
  ];
  if (!valid) return out;
  const schema = METHODS[method].input as z.ZodType;
  const required = new Set((z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { required?: string[] }).required ?? []);
  for (const [k, v] of Object.entries(valid)) {
    if (required.has(k)) {
      const { [k]: _gone, ...rest } = valid;
      out.push({ name: `missing ${k}`, input: rest });
    }
    out.push({ name: `${k} of the wrong type`, input: { ...valid, [k]: wrongTypeOf(v) } });
    if (typeof v === 'string') out.push({ name: `${k} 100,000 characters`, input: { ...valid, [k]: HUGE_STRING } });
    if (typeof v === 'number') {
      out.push({ name: `${k} negative and huge`, input: { ...valid, [k]: -1e15 } });
      out.push({ name: `${k} fractional`, input: { ...valid, [k]: 1.5 } });
    }
    if (Array.isArray(v)) out.push({ name: `${k} with 300,000 items`, input: { ...valid, [k]: Array.from({ length: 300_000 }, () => v[0]) } });
  }
  return out;
}

// Mutations the contract accepts on purpose (each with its reason), so they are not refusals.
const ACCEPTED = new Set([
  'alerts.saveRule thresholdMinor negative and huge', // a threshold may be any amount, negative too
]);

const ALL = (Object.keys(METHODS) as MethodName[]).flatMap((m) => casesOf(m).map((c) => ({ method: m, ...c })));

describe('every RPC method refuses malformed input, and writes nothing', () => {
  it('has at least 150 cases', () => expect(ALL.length).toBeGreaterThanOrEqual(150));
  for (const c of ALL) {
    if (ACCEPTED.has(`${c.method} ${c.name}`)) continue;
    it(`${c.method}: ${c.name}`, async () => {
      await expectRefused(c.method, c.input);
    });
  }
  it('an unknown method is refused as unknown_method', async () => {
    await expectRefused('clients.dropAll', {}, 'unknown_method');
    await expectRefused('__proto__', {}, 'unknown_method');
    await expectRefused('constructor', {}, 'unknown_method');
  });
});

const MARKUP = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const HOSTILE_TEXT: [string, string][] = [
  ['markup', MARKUP],
  ['SQL injection', "' OR 1=1; DROP TABLE clients; --"],
  ['a double quote (FTS)', '"'],
  ['a star (FTS prefix)', '*'],
  ['NEAR( (FTS)', 'NEAR('],
  ['AND (FTS operator)', 'AND'],
  ['OR NOT (FTS operators)', 'OR NOT'],
  ['a column filter (FTS)', 'name:x'],
  ['a percent sign (LIKE)', '%'],
  ['an underscore (LIKE)', '_'],
  ['a backslash', '\\'],
  ['NUL', 'a\u0000b'],
  ['a lone surrogate', 'a\ud800b'],
  ['a right-to-left override', '\u202Egnp.exe'],
  ['zero-width characters', 'a\u200b\u200c\u200db\ufeff'],
];

describe('hostile text in searches is matched literally, never as syntax', () => {
  for (const [what, text] of HOSTILE_TEXT) {
    it(`clients.list, clients.ids and audit.list with ${what}`, async () => {
      const before = digest();
      const list = (await core.call('clients.list', { search: text, limit: 500 })) as { rows: { id: string; name: string | null; email: string }[]; total: number };
      const ids = (await core.call('clients.ids', { search: text })) as { ids: string[] };
      expect(ids.ids.length).toBe(list.total);
      // Every row found carries the text itself: a wildcard or operator matched nothing else.
      for (const r of list.rows) expect(JSON.stringify(r).toLowerCase(), `${what}: ${r.id}`).toContain(JSON.stringify(text).slice(1, -1).toLowerCase());
      await core.call('audit.list', { search: text });
      expect(digest()).toBe(before);
    });
  }
  for (const token of ['%', '_', '"q"', 'NEAR(x)', 'AND', 'y*', '<b>']) {
    it(`finds the client whose name holds ${token} literally`, async () => {
      const list = (await core.call('clients.list', { search: token, limit: 50 })) as { rows: { id: string }[] };
      expect(list.rows.map((r) => r.id)).toContain('needle');
    });
  }
  it('a 10,000-character search is refused', async () => {
    await expectRefused('clients.list', { search: 'n'.repeat(10_000) });
    await expectRefused('audit.list', { search: 'n'.repeat(10_000) });
  });
});

describe('hostile text in forms: refused with a translated reason before anything is sent', () => {
  const form = (patch: Record<string, string>) => ({ ...VALID['clients.invite'], ...patch });
  const cases: [string, Record<string, string>, string][] = [
    ['a 10,000-character name', { name: 'n'.repeat(10_000) }, 'too_big'],
    ['a NUL in the name', { name: 'Ann\u0000' }, 'invalid_chars'],
    ['a lone surrogate in the name', { name: 'Ann\udc00' }, 'invalid_chars'],
    ['a right-to-left override in the name', { name: 'Ann \u202Etxt.exe' }, 'invalid_chars'],
    ['a zero-width space in the email', { email: 'ann\u200b@example.ru' }, 'invalid_chars'],
    ['a right-to-left override in the email', { email: '\u202Eann@example.ru' }, 'invalid_chars'],
    ['markup as the email', { email: MARKUP }, 'invalid_email'],
    ['SQL as the phone', { phone: "'; DROP TABLE clients; --" }, 'invalid_phone'],
    ['a control character in the external id', { externalId: 'X\u0007' }, 'invalid_chars'],
  ];
  for (const [what, patch, reason] of cases) {
    it(`invite with ${what}`, async () => {
      const hits = [...fp.hits.values()].reduce((a, b) => a + b, 0);
      const e = await expectRefused('clients.invite', form(patch));
      expect(Object.values(e.fields ?? {})).toContain(reason);
      expect([...fp.hits.values()].reduce((a, b) => a + b, 0)).toBe(hits); // nothing reached the platform
    });
  }
  for (const [what, patch, reason] of [
    ['a NUL in the company', { company: 'Co\u0000' }, 'invalid_chars'],
    ['a 10,000-character message', { message: 'm'.repeat(10_000) }, 'too_big'],
    ['a bidi isolate in the name', { name: 'Ann\u2066x' }, 'invalid_chars'],
  ] as const) {
    it(`partner application with ${what}`, async () => {
      const e = await expectRefused('partner.apply', { ...VALID['partner.apply'], ...patch });
      expect(Object.values(e.fields ?? {})).toContain(reason);
    });
  }
  it('file names from the platform cannot carry path separators into an export', async () => {
    for (const clientId of ['../../etc/passwd', '..\\..\\evil', '/abs', 'a/b']) {
      const e = await core.call('balance.export', { view: 'detail', clientId, from: '2026-03-01', to: '2026-03-15', format: 'csv', lang: 'en' }).catch((x: unknown) => x as { code: string });
      expect((e as { code?: string }).code, clientId).toBe('not_found');
    }
  });
});
