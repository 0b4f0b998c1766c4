/**
 * The audit log records the app's own changes, over real HTTP against the demo platform and a real
 * core on a temp folder: a deal registered (once, even when the request is replayed), an alert rule
 * changed, a partner application sent, the connection changed (kind and address, never the token),
 * the settings that matter changed (only what actually changed; not the interface language or the
 * start screen). Each entry is read back through audit.list
 * (the contract's AuditRow) and in words through the audit export, in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../../../electron/demo-platform/index';
import { createCore, type Core } from '../../../electron/core/create-core';
import { AuditRow } from '../../../shared/contract/rpc/actions';
import { parseCsv } from '../../support/csv';

let work: string;
let platform: Awaited<ReturnType<typeof start>>;
let core: Core;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pd-int-audit-'));
  platform = await start({ port: 0, seed: 5, clients: 20, dataDir: join(work, 'platform') });
  core = await createCore({
    mode: 'browser',
    version: 'test',
    autoSync: false,
    dataDir: join(work, 'app'),
    connection: { kind: 'demo', url: platform.url, token: platform.token },
    apiOptions: { retryBaseMs: 5, retryMaxMs: 50, maxRetries: 2, timeoutMs: 10_000 },
  });
  await core.engine.run();
});
afterAll(async () => {
  await core?.close();
  await platform?.stop();
  rmSync(work, { recursive: true, force: true });
});

async function entries(action: string): Promise<AuditRow[]> {
  const r = (await core.call('audit.list', { search: '', offset: 0, limit: 1000 })) as { rows: unknown[] };
  return r.rows.map((x) => AuditRow.parse(x)).filter((x) => x.action === action);
}

/** The audit export's detail cell of the newest entry of this kind, in a language. */
async function exported(action: string, lang: 'ru' | 'en', search = ''): Promise<string> {
  const f = (await core.call('audit.export', { format: 'csv', lang, search })) as { base64: string };
  const rows = parseCsv(Buffer.from(f.base64, 'base64'), lang === 'ru' ? ';' : ',');
  const head = rows[0]!;
  const detailCol = head.length - 2; // the details, before the client ids
  const label = { en: { deal: 'Deal registered', alert_rule: 'Alert rule changed', apply: 'Partner application sent', connection: 'Connection changed', settings: 'Settings changed' }, ru: { deal: 'Регистрация сделки', alert_rule: 'Изменение правила оповещений', apply: 'Заявка на партнёрство', connection: 'Изменение подключения', settings: 'Изменение настроек' } }[lang][action as 'deal']!;
  const row = rows.slice(1).find((r) => r.includes(label));
  expect(row, `${action} in the ${lang} export`).toBeTruthy();
  return row![detailCol]!;
}

describe('audit entries of the app’s own changes', () => {
  it('a deal registered: one entry even when the request is replayed', async () => {
    const input = { customerName: 'ООО «Аудит»', inn: '7707083893', decisionMaker: 'Петров', pids: [], amountMinor: 10_000_00, year: 2026, quarter: 3, description: '', requestId: 'req-audit-0001' };
    const d = (await core.call('deals.create', input)) as { id: string };
    await core.call('deals.create', input);
    const e = await entries('deal');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ detail: 'ООО «Аудит» · 7707083893', result: { ok: 1, failed: 0 } });
    expect((await core.call('audit.list', { search: d.id, offset: 0, limit: 10 })) as { total: number }).toMatchObject({ total: 1 });
    expect(await exported('deal', 'ru')).toBe('ООО «Аудит» · 7707083893');
  });

  it('an alert rule changed: for all clients and for one client, in words', async () => {
    await core.call('alerts.saveRule', { clientId: null, thresholdMinor: 1000_00, negative: true, freezeDays: 7 });
    const client = (core.ctx.db.prepare('SELECT id FROM clients LIMIT 1').get() as { id: string }).id;
    await core.call('alerts.saveRule', { clientId: client, thresholdMinor: null, negative: false, freezeDays: 3 });
    const e = await entries('alert_rule');
    expect(e.map((x) => x.clientIds)).toEqual([[client], []]);
    const en = await exported('alert_rule', 'en', 'alert_rule');
    const ru = await exported('alert_rule', 'ru', 'alert_rule');
    expect(en).toBe('runs out within 3 days'); // the newest: the client's rule
    expect(ru).toBe('средств меньше чем на 3 дня');
    const all = (await core.call('audit.export', { format: 'csv', lang: 'en', search: '' })) as { base64: string };
    expect(Buffer.from(all.base64, 'base64').toString('utf8')).toMatch(/below .1,000\.00; negative balance; runs out within 7 days/);
  });

  it('a partner application sent through the platform', async () => {
    await core.call('partner.apply', { name: 'Анна', email: 'anna@integrator.ru', phone: '+7 900 123-45-67', company: 'ООО «Интегратор»', message: '' });
    const e = await entries('apply');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ detail: 'ООО «Интегратор» · anna@integrator.ru', result: { ok: 1 } });
  });

  it('settings changed: only what changed, in words; the same values again record nothing', async () => {
    await core.call('settings.update', { language: 'en', syncIntervalMin: 21 });
    await core.call('settings.update', { language: 'en', syncIntervalMin: 21 });
    const e = await entries('settings');
    expect(e).toHaveLength(1);
    // The language changed too, but it is the person's view, not an action on the partner's data.
    expect(JSON.parse(e[0]!.detail!)).toEqual({ syncIntervalMin: 21 });
    expect(await exported('settings', 'ru')).toBe('Синхронизация каждую 21 минуту');
    expect(await exported('settings', 'en')).toBe('Sync every 21 minutes');
    await core.call('settings.update', { ledgerWindowMonths: 5 });
    expect((await entries('settings')).map((x) => JSON.parse(x.detail!) as unknown)).toContainEqual({ ledgerWindowMonths: 5 });
  });

  it('switching the interface language or the start screen records nothing', async () => {
    const before = ((await core.call('audit.list', { search: '', offset: 0, limit: 1 })) as { total: number }).total;
    await core.call('settings.update', { language: 'ru' });
    await core.call('settings.update', { language: 'en', startScreen: 'clients' });
    await core.call('settings.update', { startScreen: 'home' });
    expect(((await core.call('audit.list', { search: '', offset: 0, limit: 1 })) as { total: number }).total).toBe(before);
    expect(await core.call('settings.get', {})).toMatchObject({ language: 'en', startScreen: 'home' });
  });

  it('the connection changed: kind and address, never the token', async () => {
    await core.call('connection.set', { kind: 'custom', url: 'https://partner.example.com', token: 'secret-token-value' });
    const e = await entries('connection');
    expect(e).toHaveLength(1);
    expect(JSON.stringify(e[0])).not.toContain('secret-token-value');
    expect(await exported('connection', 'en')).toBe('Another address: https://partner.example.com');
    expect(await exported('connection', 'ru')).toBe('Другой адрес: https://partner.example.com');
  });
});
