/**
 * The client list's export exactly as on screen: the same filter, search and sort (every matching
 * row, read in order from the cache one at a time), the columns shown in their order, headers and
 * statuses and payment models in the chosen language, money as numbers in major units (XLSX: number
 * cells with the currency's format; CSV: the language's separators), dates in the platform's region
 * time (XLSX: real dates). CSV through export/csv.ts, XLSX through export/xlsx.ts.
 */
import { resources, type Lang } from '../../../shared/i18n/index';
import type { ClientFilter, ClientRow } from '../../../shared/contract/rpc/clients';
import type { ColumnId } from '../../../shared/contract/rpc/views';
import { minorToDecimalString } from '../../../shared/domain/money';
import { formatDate } from '../../../shared/i18n/format';
import { localDateOf } from '../../../shared/domain/time';
import type { CoreContext } from '../context';
import { iterateRows } from '../clients/queries';
import { csvDecimal, csvFile, type CsvCell } from '../export/csv';
import { DATE_FMT, MONEY_FMT, XLSX_MIME, writeWorkbook } from '../export/xlsx';
import { COLUMN_KEY, PAYMENT_MODEL_KEY, STATUS_KEY } from '../../../shared/i18n/keys/clients';

export interface ExportInput extends ClientFilter {
  sort: { column: ColumnId; dir: 'asc' | 'desc' };
  columns: ColumnId[];
  format: 'csv' | 'xlsx';
  lang: Lang;
}

const WIDTH: Record<ColumnId, number> = { name: 34, email: 32, phone: 18, externalId: 16, status: 14, paymentModel: 14, payment: 16, bonus: 14, projectsCount: 10, invitedAt: 13, registeredAt: 13 };

/** A key of the clients catalogue, written in full ('clients:column.name'), interpolated. */
export function clientsText(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = resources[lang].clients;
  for (const part of key.replace(/^clients:/, '').split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`missing i18n key clients.${key} (${lang})`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

const tick = () => new Promise<void>((r) => setImmediate(r));

export async function exportClients(ctx: Pick<CoreContext, 'statements' | 'timeZone' | 'now'>, q: ExportInput): Promise<{ fileName: string; mime: string; base64: string }> {
  const zone = ctx.timeZone();
  const { lang, columns } = q;
  const header = columns.map((c) => clientsText(lang, COLUMN_KEY[c]));
  const base = clientsText(lang, 'clients:export.file', { date: localDateOf(ctx.now(), zone) });
  const rows = iterateRows(ctx.statements, q);
  // The columns written as text alike in both formats: labels in the file's language, the rest as cached.
  const text = (c: ColumnId, r: ClientRow) =>
    c === 'status' ? clientsText(lang, STATUS_KEY[r.status]) : c === 'paymentModel' ? clientsText(lang, PAYMENT_MODEL_KEY[r.paymentModel]) : r[c];

  if (q.format === 'csv') {
    const dec = (minor: number, r: ClientRow) => csvDecimal(minorToDecimalString(minor, r.currency), lang);
    const cell = (c: ColumnId, r: ClientRow): CsvCell => {
      switch (c) {
        case 'payment':
          return dec(r.payment, r);
        case 'bonus':
          return dec(r.bonus, r);
        case 'invitedAt':
          return formatDate(r.invitedAt, lang, zone);
        case 'registeredAt':
          return r.registeredAt ? formatDate(r.registeredAt, lang, zone) : null;
        default:
          return text(c, r);
      }
    };
    function* lines(): Generator<CsvCell[]> {
      yield header;
      for (const r of rows) yield columns.map((c) => cell(c, r));
    }
    const buf = csvFile(lines(), { lang });
    return { fileName: `${base}.csv`, mime: 'text/csv;charset=utf-8', base64: buf.toString('base64') };
  }

  // A date of region time as an Excel date (Excel dates carry no zone).
  const day = (utc: string) => new Date(`${localDateOf(utc, zone)}T00:00:00Z`);
  // Read to the end before the writer yields to other calls: a sync may not write while a read statement is open.
  const all = [...rows];
  const buf = await writeWorkbook(async (wb) => {
    const ws = wb.addWorksheet(clientsText(lang, 'clients:export.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ width: WIDTH[c] }));
    const head = ws.addRow(header);
    head.font = { bold: true };
    head.commit();
    let n = 0;
    for (const r of all) {
      const values = columns.map((c) => {
        switch (c) {
          case 'payment':
            return Number(minorToDecimalString(r.payment, r.currency));
          case 'bonus':
            return Number(minorToDecimalString(r.bonus, r.currency));
          case 'invitedAt':
            return day(r.invitedAt);
          case 'registeredAt':
            return r.registeredAt ? day(r.registeredAt) : null;
          default:
            return text(c, r);
        }
      });
      const row = ws.addRow(values);
      columns.forEach((c, i) => {
        if (c === 'payment' || c === 'bonus') row.getCell(i + 1).numFmt = MONEY_FMT[r.currency];
        if (c === 'invitedAt' || c === 'registeredAt') row.getCell(i + 1).numFmt = DATE_FMT[lang];
      });
      row.commit();
      if (++n % 2000 === 0) await tick();
    }
    ws.commit();
  });
  return { fileName: `${base}.xlsx`, mime: XLSX_MIME, base64: buf.toString('base64') };
}
