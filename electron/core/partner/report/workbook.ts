/**
 * The monthly consumption report's workbook: a summary sheet and a sheet per client, written with
 * exceljs' streaming writer. Amounts are numbers (major units with a money format), text is
 * always a shared-string cell, never a formula; sheet names are unique and at most 31
 * characters; headers are in the chosen language.
 */
import type ExcelJS from 'exceljs';
import { resources, type Lang } from '../../../../shared/i18n/index';
import { SERVICE_CODES, type ServiceCode } from '../../../../shared/contract/platform';
import type { ClientTotals } from './query';
import { MONEY_FMT, writeWorkbook } from '../../export/xlsx';

/** Per-client sheets beyond this many are left out (the summary still lists every client and says so). */
export const MAX_CLIENT_SHEETS = 2000;
const SERVICE_KEY: Record<ServiceCode | 'other', string> = {
  compute: 'partner:report.services.compute',
  block_storage: 'partner:report.services.block_storage',
  object_storage: 'partner:report.services.object_storage',
  kubernetes: 'partner:report.services.kubernetes',
  dbaas: 'partner:report.services.dbaas',
  network: 'partner:report.services.network',
  licenses: 'partner:report.services.licenses',
  other: 'partner:report.services.other',
};
const MODEL_KEY = { prepaid: 'partner:report.model.prepaid', postpaid: 'partner:report.model.postpaid' } as const;

/** A 'partner:…' catalogue key in the language, interpolated. */
export function reportText(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = resources[lang].partner;
  for (const part of key.replace(/^partner:/, '').split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`missing i18n key partner.${key} (${lang})`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** Excel's rules: 1–31 characters, none of []:*?/\, no apostrophe at either end, unique ignoring case. */
export function uniqueSheetName(raw: string, used: Set<string>): string {
  let base = raw.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  if (!base) base = 'Sheet';
  if (base.toLowerCase() === 'history') base = `${base} 1`;
  let name = base.slice(0, 31).trim();
  for (let i = 2; used.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = base.slice(0, 31 - suffix.length).trim() + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

const major = (minor: number) => minor / 100;

const tick = () => new Promise<void>((r) => setImmediate(r));

/**
 * Writes the workbook with the exports' streaming writer (export/xlsx.ts: rows are committed as they
 * are written, so memory stays flat) and yields between chunks for other calls.
 */
export async function buildWorkbook(
  totals: ClientTotals[],
  month: string,
  zone: string,
  lang: Lang,
  onProgress: (done: number) => void = () => {},
): Promise<Buffer> {
  return writeWorkbook((wb) => fill(wb, totals, month, zone, lang, onProgress));
}

async function fill(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  totals: ClientTotals[],
  month: string,
  zone: string,
  lang: Lang,
  onProgress: (done: number) => void,
): Promise<void> {
  const used = new Set<string>();
  const services = [...SERVICE_CODES, 'other'] as const;
  const svcLabel = (s: (typeof services)[number]) => reportText(lang, SERVICE_KEY[s]);
  const put = (ws: ExcelJS.Worksheet, values: (string | number | null)[], money: number[] = [], fmt = MONEY_FMT.RUB, bold = false) => {
    const row = ws.addRow(values);
    for (const c of money) row.getCell(c).numFmt = fmt;
    if (bold) row.font = { bold: true };
    row.commit();
  };

  const currency = totals[0]?.currency ?? 'RUB';
  const summary = wb.addWorksheet(uniqueSheetName(reportText(lang, 'partner:report.sheet.summary'), used), { views: [{ state: 'frozen', ySplit: 2 }] });
  summary.columns = [{ width: 36 }, { width: 28 }, { width: 14 }, { width: 14 }, ...services.map(() => ({ width: 16 })), { width: 16 }, { width: 16 }, { width: 12 }];
  const moneyCols = Array.from({ length: services.length + 2 }, (_, i) => 5 + i);
  put(summary, [reportText(lang, 'partner:report.sheet.title', { month, zone })], [], MONEY_FMT[currency], true);
  put(
    summary,
    [
      reportText(lang, 'partner:report.col.client'),
      reportText(lang, 'partner:report.col.email'),
      reportText(lang, 'partner:report.col.id'),
      reportText(lang, 'partner:report.col.model'),
      ...services.map(svcLabel),
      reportText(lang, 'partner:report.col.debits'),
      reportText(lang, 'partner:report.col.credits'),
      reportText(lang, 'partner:report.col.operations'),
    ],
    [],
    MONEY_FMT[currency],
    true,
  );
  const sum = new Map<string, number>();
  let k = 0;
  for (const t of totals) {
    const svc = services.map((s) => t.byService.get(s)?.amount ?? 0);
    services.forEach((s, i) => sum.set(s, (sum.get(s) ?? 0) + (svc[i] ?? 0)));
    put(
      summary,
      [
        t.name ?? t.email,
        t.email,
        t.id,
        t.paymentModel === 'prepaid' || t.paymentModel === 'postpaid' ? reportText(lang, MODEL_KEY[t.paymentModel]) : '',
        ...svc.map(major),
        major(t.debits),
        major(t.credits),
        t.operations,
      ],
      moneyCols,
      MONEY_FMT[t.currency],
    );
    if (++k % 2000 === 0) await tick();
  }
  put(
    summary,
    [
      reportText(lang, 'partner:report.col.total'),
      '',
      '',
      '',
      ...services.map((s) => major(sum.get(s) ?? 0)),
      major(totals.reduce((a, t) => a + t.debits, 0)),
      major(totals.reduce((a, t) => a + t.credits, 0)),
      totals.reduce((a, t) => a + t.operations, 0),
    ],
    moneyCols,
    MONEY_FMT[currency],
    true,
  );
  if (totals.length > MAX_CLIENT_SHEETS) {
    put(summary, [reportText(lang, 'partner:report.sheet.capped', { shown: MAX_CLIENT_SHEETS, total: totals.length })]);
  }
  summary.commit();

  let done = 0;
  for (const t of totals.slice(0, MAX_CLIENT_SHEETS)) {
    const ws = wb.addWorksheet(uniqueSheetName(t.name ?? t.email ?? t.id, used));
    ws.columns = [{ width: 30 }, { width: 14 }, { width: 18 }];
    const fmt = MONEY_FMT[t.currency];
    put(ws, [t.name ?? t.email], [], fmt, true);
    put(ws, [reportText(lang, 'partner:report.col.id'), t.id]);
    put(ws, [reportText(lang, 'partner:report.col.email'), t.email]);
    put(ws, [reportText(lang, 'partner:report.col.month'), month, zone]);
    put(ws, []);
    put(ws, [reportText(lang, 'partner:report.col.service'), reportText(lang, 'partner:report.col.operations'), reportText(lang, 'partner:report.col.amount')], [], fmt, true);
    for (const s of services) {
      const v = t.byService.get(s);
      if (v) put(ws, [svcLabel(s), v.count, major(v.amount)], [3], fmt);
    }
    put(ws, [reportText(lang, 'partner:report.col.debits'), null, major(t.debits)], [3], fmt, true);
    put(ws, [reportText(lang, 'partner:report.col.credits'), null, major(t.credits)], [3], fmt);
    ws.commit();
    done++;
    if (done % 50 === 0) {
      onProgress(done);
      await tick();
    }
  }
  onProgress(done);
}
