/**
 * The client list's export from a core synced with the demo platform: CSV and XLSX, in both
 * languages, for a filter + search + sort with some columns hidden and the rest reordered. Each file
 * is opened (CSV parsed; XLSX unzipped with zlib and its sheet read) and checked against the list
 * the screen shows (clients.list pages with the same filter and sort): the same rows in the same
 * order, the columns asked for in their order, headers and statuses in the language, money as
 * numbers in major units (XLSX: number cells with a money format), dates in region time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../../../electron/demo-platform/index';
import type { Core } from '../../../electron/core/create-core';
import { testCore } from '../../support/test-core';
import type { ClientRow } from '../../../shared/contract/rpc/clients';
import { formatDate } from '../../../shared/i18n/format';
import { localDateOf } from '../../../shared/domain/time';
import { resources } from '../../../shared/i18n/index';
import { parseCsv } from '../../support/csv';
import { excelDay, readSheet } from '../../support/xlsx';

let work: string;
let platform: Awaited<ReturnType<typeof start>>;
let core: Core;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pd-int-export-'));
  platform = await start({ port: 0, seed: 5, clients: 400, dataDir: join(work, 'platform') });
  core = await testCore(join(work, 'app'), platform, 'demo');
  await core.engine.run();
}, 120_000);
afterAll(async () => {
  await core?.close();
  await platform?.stop();
  rmSync(work, { recursive: true, force: true });
});

const FILTER = { statuses: ['active', 'blocked'] as ('active' | 'blocked')[], paymentModels: [], negativeOnly: false, search: 'a' };
const SORT = { column: 'payment' as const, dir: 'desc' as const };
const COLUMNS = ['email', 'status', 'payment', 'name', 'invitedAt', 'paymentModel', 'registeredAt'] as const;

async function screenRows(): Promise<ClientRow[]> {
  const out: ClientRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = (await core.call('clients.list', { ...FILTER, sort: SORT, offset, limit: 500 })) as { rows: ClientRow[] };
    out.push(...page.rows);
    if (page.rows.length < 500) return out;
  }
}

const fileOf = async (format: 'csv' | 'xlsx', lang: 'ru' | 'en') => {
  const f = (await core.call('clients.export', { ...FILTER, sort: SORT, columns: [...COLUMNS], format, lang })) as { fileName: string; mime: string; base64: string };
  return { ...f, bytes: Buffer.from(f.base64, 'base64') };
};

describe('client list export', () => {
  for (const lang of ['ru', 'en'] as const) {
    const c = resources[lang].clients;
    const header = COLUMNS.map((k) => c.column[k]);
    const zone = 'Europe/Moscow';

    it(`CSV (${lang}): the screen's rows in its order, the columns asked for, words in the language`, async () => {
      const rows = await screenRows();
      expect(rows.length).toBeGreaterThan(20);
      const f = await fileOf('csv', lang);
      expect(f.fileName).toMatch(/\.csv$/);
      const csv = parseCsv(f.bytes, lang === 'ru' ? ';' : ',');
      expect(csv[0]).toEqual(header);
      expect(csv.length).toBe(rows.length + 1);
      const money = (m: number) => {
        const s = (m / 100).toFixed(2);
        return lang === 'ru' ? s.replace('.', ',') : s;
      };
      rows.forEach((r, i) => {
        expect(csv[i + 1]).toEqual([
          r.email,
          c.status[r.status],
          money(r.payment),
          r.name ?? '',
          formatDate(r.invitedAt, lang, zone),
          c.paymentModel[r.paymentModel],
          r.registeredAt ? formatDate(r.registeredAt, lang, zone) : '',
        ]);
      });
    });

    it(`XLSX (${lang}): the same rows as numbers and dates with their formats`, async () => {
      const rows = await screenRows();
      const f = await fileOf('xlsx', lang);
      expect(f.fileName).toMatch(/\.xlsx$/);
      expect(f.bytes.subarray(0, 2).toString()).toBe('PK');
      const sheet = readSheet(f.bytes);
      expect(Object.values(sheet[0]!).map((x) => x.v)).toEqual(header);
      expect(sheet.length).toBe(rows.length + 1);
      rows.forEach((r, i) => {
        const x = sheet[i + 1]!;
        expect(x.A?.v).toBe(r.email);
        expect(x.A?.t).toBe('s');
        expect(x.B?.v).toBe(c.status[r.status]);
        expect(x.C?.t).toBe('n');
        expect(Number(x.C?.v)).toBeCloseTo(r.payment / 100, 6);
        expect(x.C?.fmt).toContain('#,##0.00');
        expect(x.D?.v ?? '').toBe(r.name ?? '');
        expect(Number(x.E?.v)).toBe(excelDay(localDateOf(r.invitedAt, zone)));
        expect(x.E?.fmt).toBe(lang === 'ru' ? 'dd.mm.yyyy' : 'dd/mm/yyyy');
        expect(x.F?.v).toBe(c.paymentModel[r.paymentModel]);
        if (r.registeredAt) expect(Number(x.G?.v)).toBe(excelDay(localDateOf(r.registeredAt, zone)));
        else expect(x.G).toBeUndefined();
      });
    });
  }

  it('refuses an empty column list and an unknown column', async () => {
    await expect(core.call('clients.export', { ...FILTER, sort: SORT, columns: [], format: 'csv', lang: 'en' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(core.call('clients.export', { ...FILTER, sort: SORT, columns: ['nope'], format: 'csv', lang: 'en' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
