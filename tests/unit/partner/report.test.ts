import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { monthRange, monthTotals, reportMonths } from '../../../electron/core/partner/report/query';
import { buildWorkbook, uniqueSheetName } from '../../../electron/core/partner/report/workbook';
import { startReport } from '../../../electron/core/partner/report/jobs';
import { makeCtx, putClient, putTx, type TestCtx } from './helpers';

let ctx: TestCtx;
afterEach(() => ctx?.cleanup());

describe('sheet names', () => {
  it('are at most 31 characters, without forbidden characters, unique ignoring case', () => {
    const used = new Set<string>();
    const long = 'ООО «Очень длинное название компании» [филиал]: Москва/Север';
    const a = uniqueSheetName(long, used);
    const b = uniqueSheetName(long, used);
    const c = uniqueSheetName(long.toUpperCase(), used);
    for (const n of [a, b, c]) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set([a, b, c].map((x) => x.toLowerCase())).size).toBe(3);
    expect(b.endsWith('(2)')).toBe(true);
    expect(uniqueSheetName("'quoted'", used)).toBe('quoted');
    expect(uniqueSheetName('***', used)).toBe('Sheet');
    expect(uniqueSheetName('History', used)).not.toBe('History');
  });
});

describe('month totals from the cache', () => {
  it('use region-time month boundaries (22:30 UTC on the last day belongs to the next month in Moscow)', () => {
    ctx = makeCtx();
    putClient(ctx.db, { id: 'c1', payment: 0 });
    putTx(ctx.db, { clientId: 'c1', at: '2026-01-31T22:30:00Z', amount: 100 }); // 1 Feb 01:30 MSK
    putTx(ctx.db, { clientId: 'c1', at: '2026-01-31T20:59:59Z', amount: 7 }); // 31 Jan 23:59:59 MSK
    putTx(ctx.db, { clientId: 'c1', at: '2026-02-28T21:00:00Z', amount: 1000 }); // 1 Mar 00:00 MSK
    expect(monthTotals(ctx.db, '2026-01', 'Europe/Moscow')[0]?.debits).toBe(7);
    expect(monthTotals(ctx.db, '2026-02', 'Europe/Moscow')[0]?.debits).toBe(100);
    expect(monthTotals(ctx.db, '2026-03', 'Europe/Moscow')[0]?.debits).toBe(1000);
    expect(monthRange('2026-02', '+06:00')).toEqual({ fromMs: Date.parse('2026-01-31T18:00:00Z'), toMs: Date.parse('2026-02-28T18:00:00Z') });
  });

  it('equal the raw ledger sums per client and service, and the workbook carries them as numbers', async () => {
    ctx = makeCtx();
    const services = ['compute', 'block_storage', 'object_storage', 'kubernetes', 'dbaas', 'network', 'licenses'];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
    for (const [i, id] of ids.entries()) putClient(ctx.db, { id, payment: 0, name: i % 5 === 0 ? 'ООО «Одинаковое имя очень длинной компании»' : `Client ${i}` });
    const from = Date.parse('2026-02-01T00:00:00+03:00');
    const to = Date.parse('2026-03-01T00:00:00+03:00');
    for (let k = 0; k < 3000; k++) {
      const id = ids[Math.floor(rnd() * ids.length)]!;
      const at = from - 5 * 86_400_000 + Math.floor(rnd() * (to - from + 10 * 86_400_000));
      const credit = rnd() < 0.1;
      putTx(ctx.db, { clientId: id, at, amount: 1 + Math.floor(rnd() * 100_000), kind: credit ? 'credit' : 'debit', service: services[k % 7]! });
    }
    const raw = ctx.db
      .prepare(
        "SELECT client_id AS id, sum(CASE WHEN kind = 'debit' THEN amount_minor ELSE 0 END) AS d, sum(CASE WHEN kind = 'credit' THEN amount_minor ELSE 0 END) AS c FROM transactions WHERE at_ms >= ? AND at_ms < ? GROUP BY client_id",
      )
      .all(from, to) as { id: string; d: number; c: number }[];
    const totals = monthTotals(ctx.db, '2026-02', 'Europe/Moscow');
    expect(totals.length).toBe(raw.length);
    for (const r of raw) {
      const t = totals.find((x) => x.id === r.id)!;
      expect(t.debits).toBe(r.d);
      expect(t.credits).toBe(r.c);
      expect([...t.byService.values()].reduce((a, v) => a + v.amount, 0)).toBe(r.d);
    }

    const buf = await buildWorkbook(totals, '2026-02', 'Europe/Moscow', 'ru');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBe(totals.length + 1);
    const names = wb.worksheets.map((w) => w.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    const summary = wb.worksheets[0]!;
    expect(summary.name).toBe('Сводка');
    expect(summary.getRow(2).getCell(1).value).toBe('Клиент');
    const header = summary.getRow(2).values as unknown[];
    const debitsCol = header.indexOf('Потребление');
    const totalRow = summary.getRow(2 + totals.length + 1);
    expect(totalRow.getCell(1).value).toBe('Итого');
    const rawTotal = raw.reduce((a, r) => a + r.d, 0);
    expect(Math.round((totalRow.getCell(debitsCol).value as number) * 100)).toBe(rawTotal);
    let sumRows = 0;
    for (let r = 3; r < 3 + totals.length; r++) {
      const v = summary.getRow(r).getCell(debitsCol).value;
      expect(typeof v).toBe('number');
      sumRows += Math.round((v as number) * 100);
    }
    expect(sumRows).toBe(rawTotal);
  });

  it('a chosen list includes clients with no consumption', () => {
    ctx = makeCtx();
    putClient(ctx.db, { id: 'a', payment: 0 });
    putClient(ctx.db, { id: 'b', payment: 0 });
    putTx(ctx.db, { clientId: 'a', at: '2026-02-10T10:00:00Z', amount: 5 });
    expect(monthTotals(ctx.db, '2026-02', 'Europe/Moscow').map((t) => t.id)).toEqual(['a']);
    expect(monthTotals(ctx.db, '2026-02', 'Europe/Moscow', ['b', 'a']).map((t) => [t.id, t.debits])).toEqual([
      ['a', 5],
      ['b', 0],
    ]);
  });
});

describe('report job', () => {
  it('builds in the background with progress events and returns the file', async () => {
    ctx = makeCtx({ now: Date.parse('2026-03-15T12:00:00Z') });
    for (let i = 0; i < 120; i++) {
      putClient(ctx.db, { id: `c${i}`, payment: 0 });
      putTx(ctx.db, { clientId: `c${i}`, at: '2026-03-02T10:00:00Z', amount: 100 + i });
    }
    const { jobId } = startReport(ctx, '2026-03', 'en');
    const jobs = ctx.reportJobs;
    expect(jobs.get(jobId).state).toBe('running');
    await new Promise<void>((resolve) => {
      const check = () => (jobs.get(jobId).state !== 'running' ? resolve() : setImmediate(check));
      check();
    });
    const job = jobs.get(jobId);
    expect(job.state).toBe('done');
    expect(job.file?.fileName).toBe('consumption-2026-03.xlsx');
    const progress = ctx.events.filter((e) => e.event === 'report.progress').map((e) => e.payload as { done: number; state: string });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toMatchObject({ state: 'done', done: 120, total: 120 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(job.file!.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe('Summary');
    expect(wb.worksheets.length).toBe(121);
  });

  it('lists months back to the oldest cached row, flagging those outside the window', () => {
    ctx = makeCtx({ now: Date.parse('2026-03-15T12:00:00Z') });
    putClient(ctx.db, { id: 'c', payment: 0 });
    putTx(ctx.db, { clientId: 'c', at: '2025-10-05T10:00:00Z', amount: 1 });
    const r = reportMonths(ctx);
    expect(r.current).toBe('2026-03');
    expect(r.months.map((m) => `${m.month}:${m.cached ? 1 : 0}`)).toEqual([
      '2026-03:1',
      '2026-02:1',
      '2026-01:1',
      '2025-12:1',
      '2025-11:0',
      '2025-10:0',
    ]);
  });
});
