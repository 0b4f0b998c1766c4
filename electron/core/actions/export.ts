/**
 * Exports of a batch's results and of the audit log: XLSX (headers in the chosen language, numbers
 * as numbers, times as dates in region time) and CSV (export/csv.ts: formulas neutralised, the
 * language's separators). Words come from shared/i18n/<lang>/actions.json.
 */
import ExcelJS from 'exceljs';
import { resources } from '../../../shared/i18n/index';
import { offsetMinutesAt, utcOffsetLabel } from '../../../shared/domain/time';
import { formatDateTime } from '../../../shared/i18n/format';
import type { AuditRow, BatchItem, BatchSummary, ActionsExportFile } from '../../../shared/contract/rpc/actions';
import { ACTION_KEY, REASON_KEY, STATE_KEY } from '../../../shared/i18n/keys/actions';
import { csvFile } from '../export/csv';
import { auditDetailText } from '../../../shared/i18n/audit-detail';

type Lang = 'ru' | 'en';
type Dict = { [k: string]: string | Dict };

/** A tiny lookup of the actions namespace (the core has no i18next): nested keys, {{x}}, plurals. */
export function actionsText(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const root = resources[lang].actions as unknown as Dict;
  key = key.replace(/^actions:/, '');
  const lookup = (k: string): string | undefined => {
    let cur: string | Dict | undefined = root;
    for (const part of k.split('.')) cur = typeof cur === 'object' ? cur[part] : undefined;
    return typeof cur === 'string' ? cur : undefined;
  };
  if (typeof params.count === 'number' && params.n === undefined) params = { ...params, n: new Intl.NumberFormat(lang).format(params.count) };
  let s: string | undefined;
  if (typeof params.count === 'number') s = lookup(`${key}_${new Intl.PluralRules(lang).select(params.count)}`) ?? lookup(`${key}_other`);
  s ??= lookup(key) ?? key;
  return s.replace(/\{\{(\w+)\}\}/g, (_, p: string) => String(params[p] ?? ''));
}



export function reasonText(lang: Lang, code: string | null): string {
  if (!code) return '';
  const key = REASON_KEY[code];
  return key ? actionsText(lang, key) : actionsText(lang, 'actions:reason.other', { code });
}

interface Sheet {
  name: string;
  headers: string[];
  rows: (string | number | Date | null)[][];
  dateCols: number[];
}

/** The wall-clock time of the zone as a Date whose UTC fields read that time (what Excel shows). */
function zoned(iso: string, zone: string): Date {
  const ms = Date.parse(iso);
  return new Date(ms + offsetMinutesAt(zone, ms) * 60_000);
}

async function toXlsx(sheet: Sheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Partner Desk';
  const ws = wb.addWorksheet(sheet.name.slice(0, 31));
  ws.addRow(sheet.headers).font = { bold: true };
  for (const r of sheet.rows) ws.addRow(r);
  sheet.headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.min(60, Math.max(12, h.length + 2));
    if (sheet.dateCols.includes(i)) col.numFmt = 'yyyy-mm-dd hh:mm:ss';
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function toCsv(sheet: Sheet, lang: Lang, zone: string): Buffer {
  const fmt = (d: Date) => formatDateTime(d.getTime() - offsetMinutesAt(zone, d.getTime()) * 60_000, lang, zone, true);
  return csvFile([sheet.headers, ...sheet.rows.map((r) => r.map((c) => (c instanceof Date ? fmt(c) : c)))], { lang });
}

async function file(sheet: Sheet, base: string, format: 'xlsx' | 'csv', lang: Lang, zone: string, now: number): Promise<ActionsExportFile> {
  const stamp = new Date(now + offsetMinutesAt(zone, now) * 60_000).toISOString().slice(0, 16).replace(/[:T]/g, '-');
  if (format === 'xlsx') {
    return {
      fileName: `${base}-${stamp}.xlsx`,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: (await toXlsx(sheet)).toString('base64'),
    };
  }
  return { fileName: `${base}-${stamp}.csv`, mime: 'text/csv;charset=utf-8', base64: toCsv(sheet, lang, zone).toString('base64') };
}

export function exportBatch(
  batch: BatchSummary,
  items: BatchItem[],
  opts: { format: 'xlsx' | 'csv'; lang: Lang; zone: string; now: number },
): Promise<ActionsExportFile> {
  const { lang, zone } = opts;
  const zoneLabel = utcOffsetLabel(offsetMinutesAt(zone, opts.now));
  const sheet: Sheet = {
    name: actionsText(lang, 'actions:export.sheetResults'),
    headers: [
      actionsText(lang, 'actions:export.clientId'),
      actionsText(lang, 'actions:export.name'),
      actionsText(lang, 'actions:export.email'),
      actionsText(lang, 'actions:export.action'),
      actionsText(lang, 'actions:export.result'),
      actionsText(lang, 'actions:export.reason'),
      actionsText(lang, 'actions:export.attempts'),
      actionsText(lang, 'actions:export.updated', { zone: zoneLabel }),
    ],
    rows: items.map((i) => [
      i.clientId,
      i.name,
      i.email,
      actionsText(lang, ACTION_KEY[batch.action]),
      actionsText(lang, STATE_KEY[i.state]),
      reasonText(lang, i.error),
      i.attempts,
      zoned(i.updatedAt, zone),
    ]),
    dateCols: [7],
  };
  return file(sheet, actionsText(lang, 'actions:export.fileResults'), opts.format, lang, zone, opts.now);
}

export function exportAudit(rows: Iterable<AuditRow>, opts: { format: 'xlsx' | 'csv'; lang: Lang; zone: string; now: number }): Promise<ActionsExportFile> {
  const { lang, zone } = opts;
  const out: Sheet['rows'] = [];
  for (const r of rows) {
    out.push([
      zoned(r.at, zone),
      r.user,
      actionsText(lang, ACTION_KEY[r.action]),
      r.count,
      r.result?.ok ?? null,
      r.result?.failed ?? null,
      r.result ? r.result.pending + r.result.sending : null,
      r.result?.cancelled ?? null,
      auditDetailText((k, p) => actionsText(lang, k, p), lang, r.action, r.detail) || null,
      r.clientIds.join(' '),
    ]);
  }
  const sheet: Sheet = {
    name: actionsText(lang, 'actions:export.sheetAudit'),
    headers: [
      actionsText(lang, 'actions:export.time', { zone: utcOffsetLabel(offsetMinutesAt(zone, opts.now)) }),
      actionsText(lang, 'actions:export.user'),
      actionsText(lang, 'actions:export.action'),
      actionsText(lang, 'actions:export.count'),
      actionsText(lang, 'actions:export.ok'),
      actionsText(lang, 'actions:export.failed'),
      actionsText(lang, 'actions:export.pending'),
      actionsText(lang, 'actions:export.cancelled'),
      actionsText(lang, 'actions:export.detail'),
      actionsText(lang, 'actions:export.clientIds'),
    ],
    rows: out,
    dateCols: [0],
  };
  return file(sheet, actionsText(lang, 'actions:export.fileAudit'), opts.format, lang, zone, opts.now);
}
