/**
 * The streaming XLSX writer of the exports (exceljs' WorkbookWriter: rows are committed as they
 * are written, so memory stays flat): the money formats per currency, the date formats per
 * language, and `writeWorkbook`, which runs a build step against a new streaming workbook and
 * returns the file. Used by the consumption report (partner/report/workbook.ts) and the client
 * list export (views/export.ts).
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { Currency } from '../../../shared/contract/platform';

/** Amounts are numbers in major units with this format. */
export const MONEY_FMT: Record<Currency, string> = { RUB: '#,##0.00 "₽"', KZT: '#,##0.00 "₸"' };
/** Dates (region wall time as an Excel date) in the language's order. */
export const DATE_FMT: Record<'ru' | 'en', string> = { ru: 'dd.mm.yyyy', en: 'dd/mm/yyyy' };

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Writes a workbook with `build` (add sheets, commit rows and sheets) and returns the file. */
export async function writeWorkbook(build: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  // Shared strings: text is written as string cells (t="s"); without them the streaming writer
  // writes t="str", the cached result of a formula.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'Partner Desk';
  await build(wb);
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}
