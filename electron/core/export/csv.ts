/**
 * The one CSV writer of every export (balance views, action results, the audit log, the client
 * list, reports): UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting. The file's language decides
 * the separators, here and nowhere else: where decimals are written with a comma (Russian) cells
 * are separated by ';' and numbers use the decimal comma, as a spreadsheet in that language
 * expects; otherwise ',' and a decimal point.
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

/** The language's decimal separator ('.' or ','), as Intl writes numbers in it. */
function decimalSeparator(lang: string): '.' | ',' {
  return new Intl.NumberFormat(lang).formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.';
}

/** The separator between cells of a CSV file in this language: ';' where decimals take a comma, ',' otherwise. */
export function csvSeparator(lang: string): ',' | ';' {
  return decimalSeparator(lang) === ',' ? ';' : ',';
}

/** A decimal written with a point ('-1234.50', as minorToDecimalString gives it) in the language's form. */
export function csvDecimal(text: string, lang: string): CsvNumber {
  return csvNumber(decimalSeparator(lang) === ',' ? text.replace('.', ',') : text);
}

/** The text as a spreadsheet will show it, never as a formula. */
export function neutralise(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

function quote(s: string, sep: string): string {
  return s.includes('"') || s.includes(sep) || /[\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvCell(v: CsvCell, lang: string): string {
  const sep = csvSeparator(lang);
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? csvDecimal(String(v), lang).csvNumber : '';
  if (typeof v === 'object') return NUMBER_TEXT.test(v.csvNumber) ? v.csvNumber : quote(neutralise(v.csvNumber), sep);
  return quote(neutralise(v), sep);
}

export interface CsvOptions {
  /** The language of the file's words: it decides the separators (csvSeparator). */
  lang: string;
}

/** The whole file: BOM, the rows (the header is the first), CRLF after each. */
export function csvFile(rows: Iterable<readonly CsvCell[]>, opts: CsvOptions): Buffer {
  const sep = csvSeparator(opts.lang);
  const lines: string[] = [];
  for (const r of rows) lines.push(r.map((c) => csvCell(c, opts.lang)).join(sep));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}
