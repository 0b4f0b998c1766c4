import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { balanceDb, insertClient, insertTx } from './fixture';
import { card, detail, forecastDays, previousPeriod, sharesBp, expenses } from '../../../electron/core/balance/service';
import { exportView } from '../../../electron/core/balance/export';
import { formatMoney } from '../../../shared/domain/money';
import { DetailInput, ExpensesInput, ExportInput } from '../../../shared/contract/rpc/balance';

let t: ReturnType<typeof balanceDb> | null = null;
afterEach(() => {
  t?.close();
  t = null;
});
const NOW = Date.parse('2026-11-22T07:00:00Z');
const H = 3600000;

describe('forecast, shares, periods', () => {
  it('days until zero at the 30-day average', () => {
    expect(forecastDays(30_000, 30_000)).toEqual({ days: 30, avgDailySpendMinor: 1000, basisDays: 30 });
    expect(forecastDays(29_999, 30_000)?.days).toBe(29);
    expect(forecastDays(0, 30_000)?.days).toBe(0);
    expect(forecastDays(-5, 30_000)?.days).toBe(0);
    expect(forecastDays(100, 0)).toBeNull();
  });
  it('shares are integers summing to 10000', () => {
    expect(sharesBp([1, 1, 1])).toEqual([3334, 3333, 3333]);
    expect(sharesBp([5, 0])).toEqual([10000, 0]);
    expect(sharesBp([0, 0])).toEqual([0, 0]);
    const s = sharesBp([123, 4567, 89, 1011]);
    expect(s.reduce((a, b) => a + b, 0)).toBe(10000);
  });
  it('previous period has the same length', () => {
    expect(previousPeriod('2026-11-01', '2026-11-30')).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    expect(previousPeriod('2026-03-01', '2026-03-01')).toEqual({ from: '2026-02-28', to: '2026-02-28' });
  });
  it('money is formatted for both languages', () => {
    expect(formatMoney(-123456, 'RUB', 'ru').replace(/[\u00a0\u202f]/g, ' ')).toBe('-1 234,56 ₽');
    expect(formatMoney(123456, 'RUB', 'en')).toBe('₽1,234.56');
    expect(formatMoney(500, 'KZT', 'ru').replace(/[\u00a0\u202f]/g, ' ')).toBe('5,00 ₸');
  });
});

function seedSmall() {
  t = balanceDb();
  insertClient(t.db, 'a', { payment: 9_000_00, bonus: 1_000_00, projects: ['pa', 'pb'] });
  insertTx(t.db, { client: 'a', atMs: NOW - 2 * H, amount: 10_000_00, kind: 'credit', project: 'pa' });
  for (let d = 1; d <= 30; d++) insertTx(t.db, { client: 'a', atMs: NOW - d * 24 * H, amount: 1_000_00, service: d % 2 ? 'compute' : 'dbaas', project: d % 3 ? 'pa' : 'pb' });
  return { statements: t.statements, zone: 'Europe/Moscow', now: NOW };
}

describe('card, detail, expenses', () => {
  it('card: client, projects, balance and forecast', () => {
    const env = seedSmall();
    const c = card(env, 'a');
    expect(c.projects.map((p) => p.pid)).toEqual(['pa', 'pb']);
    expect(c.balance.paymentMinor).toBe(9_000_00);
    // 30 000,00 spent in 30 days = 1 000,00 a day; 10 000,00 of funds = 10 days.
    expect(c.forecast).toEqual({ days: 10, avgDailySpendMinor: 1_000_00, basisDays: 30 });
    expect(c.cachedFrom).toBe('2026-08-01');
  });
  it('detail: paging, filters, totals, outside the window', () => {
    const env = seedSmall();
    const base = DetailInput.parse({ clientId: 'a', from: '2026-10-01', to: '2026-11-22', limit: 5 });
    const d = detail(env, base);
    expect(d.total).toBe(31);
    expect(d.rows).toHaveLength(5);
    expect(d.totals).toEqual({ debitsMinor: 30_000_00, creditsMinor: 10_000_00, netMinor: -20_000_00, count: 31 });
    expect(d.rows[0]).toMatchObject({ type: 'operation', kind: 'credit' });
    const p2 = detail(env, { ...base, offset: 30 });
    expect(p2.rows).toHaveLength(1);
    const dbaas = detail(env, { ...base, services: ['dbaas'], projects: ['pa'], limit: 100 });
    expect(dbaas.rows.every((r) => r.type === 'operation' && r.service === 'dbaas' && r.projectPid === 'pa')).toBe(true);
    expect(dbaas.total).toBe(dbaas.rows.length);
    const credits = detail(env, { ...base, kinds: ['credit'] });
    expect(credits.totals.creditsMinor).toBe(10_000_00);
    expect(credits.totals.debitsMinor).toBe(0);
    const weeks = detail(env, { ...base, granularity: 'week' });
    expect(weeks.totals).toEqual(d.totals);
    expect(weeks.rows.every((r) => r.type === 'bucket')).toBe(true);
    expect(d.outsideWindow).toBe(false);
    expect(detail(env, { ...base, from: '2026-01-01' }).outsideWindow).toBe(true);
  });
  it('expenses: totals, shares, series, previous period', () => {
    const env = seedSmall();
    const e = expenses(env, ExpensesInput.parse({ clientId: 'a', from: '2026-11-08', to: '2026-11-22', granularity: 'week' }));
    expect(e.totalMinor).toBe(e.totals.reduce((s, x) => s + x.amountMinor, 0));
    expect(e.totals.reduce((s, x) => s + x.shareBp, 0)).toBe(10000);
    expect(e.series.reduce((s, x) => s + x.amountMinor, 0)).toBe(e.totalMinor);
    expect(e.previous).toMatchObject({ from: '2026-10-24', to: '2026-11-07' });
    expect(e.change.amountMinor).toBe(e.totalMinor - e.previous.totalMinor);
    const byProject = expenses(env, ExpensesInput.parse({ clientId: 'a', from: '2026-11-08', to: '2026-11-22', groupBy: 'project' }));
    expect(byProject.totals.map((x) => x.key).sort()).toEqual(['pa', 'pb']);
    expect(byProject.totalMinor).toBe(e.totalMinor);
  });
});

describe('export', () => {
  it('XLSX: headers in the language, numbers as numbers, dates as dates', async () => {
    const env = seedSmall();
    const input = ExportInput.parse({ view: 'detail', clientId: 'a', from: '2026-11-01', to: '2026-11-22', format: 'xlsx', lang: 'ru' });
    if (input.view !== 'detail') throw new Error('view');
    const out = await exportView(env, input);
    expect(out.fileName).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Детализация');
    expect(ws).toBeTruthy();
    expect(ws!.getRow(1).getCell(1).value).toBe('Дата и время');
    const r2 = ws!.getRow(2);
    expect(r2.getCell(1).value).toBeInstanceOf(Date);
    // Region wall time: NOW - 2h = 05:00 UTC = 08:00 MSK.
    expect((r2.getCell(1).value as Date).toISOString()).toBe('2026-11-22T08:00:00.000Z');
    expect(r2.getCell(3).value).toBe(10000);
    expect(ws!.rowCount).toBe(1 + 22);
  });
  it('CSV: UTF-8 with BOM, separator per language, expenses view', async () => {
    const env = seedSmall();
    for (const lang of ['ru', 'en'] as const) {
      const input = ExportInput.parse({ view: 'expenses', clientId: 'a', from: '2026-11-01', to: '2026-11-22', format: 'csv', lang });
      if (input.view !== 'expenses') throw new Error('view');
      const out = await exportView(env, input);
      const buf = Buffer.from(out.base64, 'base64');
      expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = buf.toString('utf8').slice(1);
      const header = text.split('\r\n')[0];
      expect(header).toBe(lang === 'ru' ? 'Услуга;Сумма;Доля;Прошлый период;Изменение' : 'Service,Amount,Share,Previous period,Change');
    }
  });
});
