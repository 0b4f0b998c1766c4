/**
 * The one CSV writer of every export (balance views, action results, the audit log, the client
 * list, reports): UTF-8 with a BOM, CRLF line ends, ',' or ';' between cells, RFC 4180 quoting.
 *
 * Text cells are neutralised: one that a spreadsheet would run as a formula (starting with `=`,
 * `+`, `-`, `@`, their full-width forms, or a tab, CR or LF — alone or before one of them) is
 * written with a leading apostrophe, so Excel and LibreOffice show it as text. Numbers stay
 * numbers: a JS number, or a pre-formatted decimal (`csvNumber('-1234,50')`) that is nothing but
 * a sign, digits and one decimal separator.
 */

/** A decimal already formatted for the file's language (e.g. a decimal comma in Russian). */
export interface CsvNumber {
  readonly csvNumber: string;
}
export type CsvCell = string | number | null | undefined | CsvNumber;

const NUMBER_TEXT = /^-?\d+(?:[.,]\d+)?$/;
/** Characters that start a formula, with the whitespace that may precede one. */
const FORMULA_START = /^[\t\r\n ]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

export function csvNumber(text: string): CsvNumber {
  return { csvNumber: text };
}

/** The text as a spreadsheet will show it, never as a formula. */
export function neutralise(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

function quote(s: string, sep: string): string {
  return s.includes('"') || s.includes(sep) || /[\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvCell(v: CsvCell, sep: ',' | ';' = ','): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'object') return NUMBER_TEXT.test(v.csvNumber) ? v.csvNumber : quote(neutralise(v.csvNumber), sep);
  return quote(neutralise(v), sep);
}

export interface CsvOptions {
  /** ';' where the decimal separator is a comma (Russian), ',' otherwise (default). */
  separator?: ',' | ';';
}

/** The whole file: BOM, the rows (the header is the first), CRLF after each. */
export function csvFile(rows: Iterable<readonly CsvCell[]>, opts: CsvOptions = {}): Buffer {
  const sep = opts.separator ?? ',';
  const lines: string[] = [];
  for (const r of rows) lines.push(r.map((c) => csvCell(c, sep)).join(sep));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}
