/**
 * Exports of the current Detail or Expenses view, filters respected: XLSX (exceljs; sheet names and
 * headers in the chosen language, amounts as numbers with a money format, times as real dates in
 * region time) and CSV (export/csv.ts: UTF-8 with BOM, formulas neutralised, the
 * language's separators).
 */
import ExcelJS from 'exceljs';
import { resources, type Lang } from '../../../shared/i18n/index';
import type { DetailFilter, ExportOutput } from '../../../shared/contract/rpc/balance';
import { minorToDecimalString } from '../../../shared/domain/money';
import type { Currency } from '../../../shared/contract/platform';
import { localDateTimeOf, offsetMinutesAt } from '../../../shared/domain/time';
import { bucketRows, expenses, operations, type Env } from './service';
import { prepareClient } from './aggregate';
import { AppError } from '../../../shared/contract/rpc/errors';
import { SERVICE_KEY } from '../../../shared/i18n/keys/balance';
import { csvDecimal, csvFile, type CsvCell } from '../export/csv';

type Catalogue = (typeof resources)['en']['balance'];


/** A key of the balance catalogue, written in full ('balance:columns.date'), interpolated. */
export function balanceText(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = resources[lang].balance as Catalogue;
  for (const part of key.replace(/^balance:/, '').split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`missing i18n key balance.${key} (${lang})`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

const MONEY_FMT: Record<Currency, string> = { RUB: '#,##0.00 "₽"', KZT: '#,##0.00 "₸"' };
const DATE_FMT: Record<Lang, { dt: string; d: string }> = {
  ru: { dt: 'dd.mm.yyyy hh:mm:ss', d: 'dd.mm.yyyy' },
  en: { dt: 'yyyy-mm-dd hh:mm:ss', d: 'yyyy-mm-dd' },
};

type Cell = { v: string | number | null; kind?: 'money' | 'datetime' | 'date' | 'percent' };
interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
}

function keyLabel(lang: Lang, groupBy: 'service' | 'project', key: string): string {
  if (groupBy === 'project') return key || balanceText(lang, 'balance:noProject');
  return balanceText(lang, (SERVICE_KEY as Record<string, string | undefined>)[key || 'none'] ?? 'balance:service.none');
}

export function detailSheets(env: Env, q: DetailFilter, lang: Lang): Sheet[] {
  const money = (m: number): Cell => ({ v: m, kind: 'money' });
  if (q.granularity === 'operation') {
    const rows = operations(env, q, 0, null).map((o): Cell[] => [
      { v: o.at, kind: 'datetime' },
      { v: balanceText(lang, o.kind === 'debit' ? 'balance:kind.debit' : 'balance:kind.credit') },
      money(o.kind === 'debit' ? -o.amountMinor : o.amountMinor),
      { v: o.service ? balanceText(lang, SERVICE_KEY[o.service] ?? 'balance:service.none') : '' },
      { v: o.projectPid ?? '' },
      { v: o.description },
    ]);
    const h = ['balance:columns.date', 'balance:columns.kind', 'balance:columns.amount', 'balance:columns.service', 'balance:columns.project', 'balance:columns.description'].map((k) => balanceText(lang, k));
    return [{ name: balanceText(lang, 'balance:export.sheetDetail'), header: h, rows }];
  }
  const rows = bucketRows(env, q).map((b): Cell[] => [
    { v: b.bucket, kind: 'date' },
    money(b.debitsMinor),
    money(b.creditsMinor),
    money(b.netMinor),
    { v: b.count },
  ]);
  const h = ['balance:columns.period', 'balance:columns.debits', 'balance:columns.credits', 'balance:columns.net', 'balance:columns.count'].map((k) => balanceText(lang, k));
  return [{ name: balanceText(lang, 'balance:export.sheetDetail'), header: h, rows }];
}

export function expensesSheets(env: Env, q: Parameters<typeof expenses>[1], lang: Lang): Sheet[] {
  const e = expenses(env, q);
  const keyHeader = balanceText(lang, q.groupBy === 'service' ? 'balance:columns.service' : 'balance:columns.project');
  const totals: Sheet = {
    name: balanceText(lang, 'balance:export.sheetExpenses'),
    header: [keyHeader, balanceText(lang, 'balance:columns.amount'), balanceText(lang, 'balance:columns.share'), balanceText(lang, 'balance:columns.previous'), balanceText(lang, 'balance:columns.change')],
    rows: e.totals.map((t) => [
      { v: keyLabel(lang, q.groupBy, t.key) },
      { v: t.amountMinor, kind: 'money' },
      { v: t.shareBp, kind: 'percent' },
      { v: t.previousMinor, kind: 'money' },
      { v: t.amountMinor - t.previousMinor, kind: 'money' },
    ]),
  };
  const keys = e.totals.map((t) => t.key);
  const byBucket = new Map<string, Map<string, number>>();
  for (const s of e.series) {
    let m = byBucket.get(s.bucket);
    if (!m) byBucket.set(s.bucket, (m = new Map()));
    m.set(s.key, s.amountMinor);
  }
  const series: Sheet = {
    name: balanceText(lang, 'balance:export.sheetSeries'),
    header: [balanceText(lang, 'balance:columns.period'), ...keys.map((k) => keyLabel(lang, q.groupBy, k))],
    rows: e.buckets.map((b) => [{ v: b, kind: 'date' }, ...keys.map((k): Cell => ({ v: byBucket.get(b)?.get(k) ?? 0, kind: 'money' }))]),
  };
  return [totals, series];
}

async function toXlsx(sheets: Sheet[], lang: Lang, currency: Currency, zone: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Partner Desk';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    ws.addRow(s.header).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of s.rows) {
      const row = ws.addRow(
        r.map((c) => {
          if (c.v === null) return null;
          if (c.kind === 'money') return Number(minorToDecimalString(c.v as number, currency));
          if (c.kind === 'percent') return (c.v as number) / 10000;
          // Region wall time as an Excel date (Excel dates carry no zone).
          if (c.kind === 'datetime') {
            const ms = Date.parse(c.v as string);
            return new Date(ms + offsetMinutesAt(zone, ms) * 60000);
          }
          if (c.kind === 'date') return new Date((c.v as string) + 'T00:00:00Z');
          return c.v;
        }),
      );
      r.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c.kind === 'money') cell.numFmt = MONEY_FMT[currency];
        if (c.kind === 'percent') cell.numFmt = '0.00%';
        if (c.kind === 'datetime') cell.numFmt = DATE_FMT[lang].dt;
        if (c.kind === 'date') cell.numFmt = DATE_FMT[lang].d;
      });
    }
    ws.columns.forEach((col, i) => {
      col.width = Math.min(60, Math.max(12, (s.header[i]?.length ?? 10) + 4));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function toCsv(sheet: Sheet, lang: Lang, currency: Currency, zone: string): Buffer {
  const dec = (s: string) => csvDecimal(s, lang);
  const fmtDate = (d: string) => (lang === 'ru' ? `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}` : d);
  const cell = (c: Cell): CsvCell => {
    if (c.v === null) return null;
    if (c.kind === 'money') return dec(minorToDecimalString(c.v as number, currency));
    if (c.kind === 'percent') return dec(((c.v as number) / 100).toFixed(2));
    if (c.kind === 'datetime') {
      const l = localDateTimeOf(c.v as string, zone);
      return `${fmtDate(l.slice(0, 10))} ${l.slice(11)}`;
    }
    if (c.kind === 'date') return fmtDate(c.v as string);
    return c.v;
  };
  return csvFile([sheet.header, ...sheet.rows.map((r) => r.map(cell))], { lang });
}

export async function exportView(
  env: Env,
  q:
    | ({ view: 'detail'; format: 'xlsx' | 'csv'; lang: Lang } & DetailFilter)
    | ({ view: 'expenses'; format: 'xlsx' | 'csv'; lang: Lang } & Parameters<typeof expenses>[1]),
): Promise<ExportOutput> {
  prepareClient(env.statements, q.clientId, env.zone, env.now);
  const client = env.statements.db.prepare('SELECT currency FROM clients WHERE id = ?').get(q.clientId) as { currency: Currency } | undefined;
  if (!client) throw new AppError('not_found', `No client ${q.clientId} in the cache`, { params: { id: q.clientId } });
  const cur = client.currency;
  const sheets = q.view === 'detail' ? detailSheets(env, q, q.lang) : expensesSheets(env, q, q.lang);
  const base = balanceText(q.lang, 'balance:export.file', {
    view: balanceText(q.lang, q.view === 'detail' ? 'balance:export.viewDetail' : 'balance:export.viewExpenses'),
    client: q.clientId,
    from: q.from,
    to: q.to,
  });
  if (q.format === 'xlsx') {
    const buf = await toXlsx(sheets, q.lang, cur, env.zone);
    return { fileName: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64') };
  }
  // CSV holds one table: the main sheet of the view.
  const buf = toCsv(sheets[0] as Sheet, q.lang, cur, env.zone);
  return { fileName: `${base}.csv`, mime: 'text/csv;charset=utf-8', base64: buf.toString('base64') };
}
