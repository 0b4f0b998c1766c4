/**
 * Reads a CSV file the way a spreadsheet does (RFC 4180: quoted cells, doubled quotes, CR/LF
 * inside quotes), after the UTF-8 BOM, and tells whether a cell would run as a formula.
 */
export function parseCsv(file: Buffer, sep: ',' | ';' = ','): string[][] {
  let text = file.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Whether Excel or LibreOffice would evaluate this cell text (after the leading whitespace they skip). */
export function runsAsFormula(cell: string): boolean {
  return /^[\t\r\n ]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) && !/^-?\d+(?:[.,]\d+)?$/.test(cell);
}
