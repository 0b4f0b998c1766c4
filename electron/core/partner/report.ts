/**
 * The monthly consumption report (issue 7): one XLSX over all clients with activity in a region
 * month (or a chosen list), a summary sheet and a sheet per client, built from the cached ledger
 * (so it works offline for synced months) in the background with `report.progress` events.
 * Amounts are numbers (major units with a money format); sheet names are unique and at most 31
 * characters; headers are in the chosen language.
 */
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type Database from 'better-sqlite3';
import { resources, type Lang } from '../../../shared/i18n/index';
import { SERVICE_CODES, type Currency, type ServiceCode } from '../../../shared/contract/platform';
import type { ReportJob } from '../../../shared/contract/rpc/partner';
import { addMonths, localDateOf, localMidnightUtc } from '../../../shared/domain/time';
import { AppError } from '../../../shared/contract/rpc/errors';
import type { CoreContext } from '../context';
import { ledgerWindowMonths } from '../settings/store';

type Db = Database.Database;
/** Per-client sheets beyond this many are left out (the summary still lists every client and says so). */
export const MAX_CLIENT_SHEETS = 2000;
const SERVICE_KEY: Record<ServiceCode | 'other', string> = {
  compute: 'partner:report.services.compute',
  block_storage: 'partner:report.services.block_storage',
  object_storage: 'partner:report.services.object_storage',
  kubernetes: 'partner:report.services.kubernetes',
  dbaas: 'partner:report.services.dbaas',
  network: 'partner:report.services.network',
  licenses: 'partner:report.services.licenses',
  other: 'partner:report.services.other',
};
const MODEL_KEY = { prepaid: 'partner:report.model.prepaid', postpaid: 'partner:report.model.postpaid' } as const;
const MONEY_FMT: Record<Currency, string> = { RUB: '#,##0.00 "₽"', KZT: '#,##0.00 "₸"' };

/** A 'partner:…' catalogue key in the language, interpolated. */
export function tr(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = resources[lang].partner;
  for (const part of key.replace(/^partner:/, '').split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`missing i18n key partner.${key} (${lang})`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** Excel's rules: 1–31 characters, none of []:*?/\, no apostrophe at either end, unique ignoring case. */
export function uniqueSheetName(raw: string, used: Set<string>): string {
  let base = raw.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  if (!base) base = 'Sheet';
  if (base.toLowerCase() === 'history') base = `${base} 1`;
  let name = base.slice(0, 31).trim();
  for (let i = 2; used.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = base.slice(0, 31 - suffix.length).trim() + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

export function monthRange(month: string, zone: string): { fromMs: number; toMs: number } {
  const first = `${month}-01`;
  return { fromMs: localMidnightUtc(first, zone), toMs: localMidnightUtc(addMonths(first, 1), zone) };
}

export interface ClientTotals {
  id: string;
  name: string | null;
  email: string;
  paymentModel: string;
  currency: Currency;
  /** Debits per service (minor units) and operations per service. */
  byService: Map<ServiceCode | 'other', { amount: number; count: number }>;
  debits: number;
  credits: number;
  operations: number;
}

/** The month's per-client totals from the cache; every chosen client (or every client with activity). */
export function monthTotals(db: Db, month: string, zone: string, clientIds?: string[]): ClientTotals[] {
  const { fromMs, toMs } = monthRange(month, zone);
  const filter = clientIds ? 'AND t.client_id IN (SELECT value FROM json_each(?))' : '';
  const params: unknown[] = [fromMs, toMs];
  if (clientIds) params.push(JSON.stringify(clientIds));
  const rows = db
    .prepare(
      `SELECT t.client_id AS id, t.kind, t.service, t.currency, count(*) AS n, sum(t.amount_minor) AS s
       FROM transactions t WHERE t.at_ms >= ? AND t.at_ms < ? ${filter}
       GROUP BY t.client_id, t.kind, t.service`,
    )
    .all(...params) as { id: string; kind: 'debit' | 'credit'; service: string | null; currency: Currency; n: number; s: number }[];
  const ids = clientIds ?? [...new Set(rows.map((r) => r.id))];
  const info = new Map<string, { name: string | null; email: string; payment_model: string; currency: Currency }>();
  const get = db.prepare('SELECT name, email, payment_model, currency FROM clients WHERE id = ?');
  for (const id of ids) {
    const c = get.get(id) as { name: string | null; email: string; payment_model: string; currency: Currency } | undefined;
    if (c) info.set(id, c);
  }
  const out = new Map<string, ClientTotals>();
  for (const id of ids) {
    const c = info.get(id);
    out.set(id, {
      id,
      name: c?.name ?? null,
      email: c?.email ?? '',
      paymentModel: c?.payment_model ?? '',
      currency: c?.currency ?? 'RUB',
      byService: new Map(),
      debits: 0,
      credits: 0,
      operations: 0,
    });
  }
  for (const r of rows) {
    const t = out.get(r.id);
    if (!t) continue;
    t.operations += r.n;
    t.currency = r.currency;
    if (r.kind === 'credit') {
      t.credits += r.s;
      continue;
    }
    t.debits += r.s;
    const key = (SERVICE_CODES as readonly string[]).includes(r.service ?? '') ? (r.service as ServiceCode) : 'other';
    const cur = t.byService.get(key) ?? { amount: 0, count: 0 };
    cur.amount += r.s;
    cur.count += r.n;
    t.byService.set(key, cur);
  }
  return [...out.values()].sort((a, b) => b.debits - a.debits || a.id.localeCompare(b.id));
}

const major = (minor: number) => minor / 100;

const tick = () => new Promise<void>((r) => setImmediate(r));

/**
 * Writes the workbook with exceljs' streaming writer (rows are committed as they are written, so
 * memory stays flat and the thread yields between chunks for other calls).
 */
export async function buildWorkbook(
  totals: ClientTotals[],
  month: string,
  zone: string,
  lang: Lang,
  onProgress: (done: number) => void = () => {},
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Partner Desk';
  const used = new Set<string>();
  const services = [...SERVICE_CODES, 'other'] as const;
  const svcLabel = (s: (typeof services)[number]) => tr(lang, SERVICE_KEY[s]);
  const put = (ws: ExcelJS.Worksheet, values: (string | number | null)[], money: number[] = [], fmt = MONEY_FMT.RUB, bold = false) => {
    const row = ws.addRow(values);
    for (const c of money) row.getCell(c).numFmt = fmt;
    if (bold) row.font = { bold: true };
    row.commit();
  };

  const currency = totals[0]?.currency ?? 'RUB';
  const summary = wb.addWorksheet(uniqueSheetName(tr(lang, 'partner:report.sheet.summary'), used), { views: [{ state: 'frozen', ySplit: 2 }] });
  summary.columns = [{ width: 36 }, { width: 28 }, { width: 14 }, { width: 14 }, ...services.map(() => ({ width: 16 })), { width: 16 }, { width: 16 }, { width: 12 }];
  const moneyCols = Array.from({ length: services.length + 2 }, (_, i) => 5 + i);
  put(summary, [tr(lang, 'partner:report.sheet.title', { month, zone })], [], MONEY_FMT[currency], true);
  put(
    summary,
    [
      tr(lang, 'partner:report.col.client'),
      tr(lang, 'partner:report.col.email'),
      tr(lang, 'partner:report.col.id'),
      tr(lang, 'partner:report.col.model'),
      ...services.map(svcLabel),
      tr(lang, 'partner:report.col.debits'),
      tr(lang, 'partner:report.col.credits'),
      tr(lang, 'partner:report.col.operations'),
    ],
    [],
    MONEY_FMT[currency],
    true,
  );
  const sum = new Map<string, number>();
  let k = 0;
  for (const t of totals) {
    const svc = services.map((s) => t.byService.get(s)?.amount ?? 0);
    services.forEach((s, i) => sum.set(s, (sum.get(s) ?? 0) + (svc[i] ?? 0)));
    put(
      summary,
      [
        t.name ?? t.email,
        t.email,
        t.id,
        t.paymentModel === 'prepaid' || t.paymentModel === 'postpaid' ? tr(lang, MODEL_KEY[t.paymentModel]) : '',
        ...svc.map(major),
        major(t.debits),
        major(t.credits),
        t.operations,
      ],
      moneyCols,
      MONEY_FMT[t.currency],
    );
    if (++k % 2000 === 0) await tick();
  }
  put(
    summary,
    [
      tr(lang, 'partner:report.col.total'),
      '',
      '',
      '',
      ...services.map((s) => major(sum.get(s) ?? 0)),
      major(totals.reduce((a, t) => a + t.debits, 0)),
      major(totals.reduce((a, t) => a + t.credits, 0)),
      totals.reduce((a, t) => a + t.operations, 0),
    ],
    moneyCols,
    MONEY_FMT[currency],
    true,
  );
  if (totals.length > MAX_CLIENT_SHEETS) {
    put(summary, [tr(lang, 'partner:report.sheet.capped', { shown: MAX_CLIENT_SHEETS, total: totals.length })]);
  }
  summary.commit();

  let done = 0;
  for (const t of totals.slice(0, MAX_CLIENT_SHEETS)) {
    const ws = wb.addWorksheet(uniqueSheetName(t.name ?? t.email ?? t.id, used));
    ws.columns = [{ width: 30 }, { width: 14 }, { width: 18 }];
    const fmt = MONEY_FMT[t.currency];
    put(ws, [t.name ?? t.email], [], fmt, true);
    put(ws, [tr(lang, 'partner:report.col.id'), t.id]);
    put(ws, [tr(lang, 'partner:report.col.email'), t.email]);
    put(ws, [tr(lang, 'partner:report.col.month'), month, zone]);
    put(ws, []);
    put(ws, [tr(lang, 'partner:report.col.service'), tr(lang, 'partner:report.col.operations'), tr(lang, 'partner:report.col.amount')], [], fmt, true);
    for (const s of services) {
      const v = t.byService.get(s);
      if (v) put(ws, [svcLabel(s), v.count, major(v.amount)], [3], fmt);
    }
    put(ws, [tr(lang, 'partner:report.col.debits'), null, major(t.debits)], [3], fmt, true);
    put(ws, [tr(lang, 'partner:report.col.credits'), null, major(t.credits)], [3], fmt);
    ws.commit();
    done++;
    if (done % 50 === 0) {
      onProgress(done);
      await tick();
    }
  }
  onProgress(done);
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

// ---------- background jobs ----------
const jobs = new Map<string, ReportJob>();
const MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function startReport(ctx: CoreContext, month: string, lang: Lang, clientIds?: string[]): { jobId: string } {
  const jobId = randomUUID();
  const zone = ctx.timeZone();
  const job: ReportJob = { jobId, state: 'running', done: 0, total: 0, error: null, file: null };
  jobs.set(jobId, job);
  for (const k of [...jobs.keys()].slice(0, Math.max(0, jobs.size - 5))) jobs.delete(k);
  const progress = () => ctx.emit('report.progress', { jobId, state: job.state, done: job.done, total: job.total });
  let total = 0;
  setImmediate(() => {
    Promise.resolve()
      .then(() => {
        const totals = monthTotals(ctx.db, month, zone, clientIds);
        total = job.total = Math.min(totals.length, MAX_CLIENT_SHEETS);
        progress();
        return buildWorkbook(totals, month, zone, lang, (done) => {
          job.done = done;
          progress();
        });
      })
      .then((buf) => {
        job.file = { fileName: tr(lang, 'partner:report.fileName', { month }), mime: MIME, base64: buf.toString('base64') };
        job.done = total;
        job.state = 'done';
        progress();
      })
      .catch((e: unknown) => {
        job.state = 'failed';
        job.error = e instanceof Error ? e.message : String(e);
        progress();
      });
  });
  return { jobId };
}

export function getReport(jobId: string): ReportJob {
  const job = jobs.get(jobId);
  if (!job) throw new AppError('not_found', `No report job ${jobId}`, { params: { id: jobId } });
  return job;
}

/** Months from the oldest cached ledger row to now, newest first (at most 36), with whether each is wholly cached. */
export function reportMonths(ctx: CoreContext): { months: { month: string; cached: boolean }[]; current: string } {
  const zone = ctx.timeZone();
  const now = ctx.now();
  const current = localDateOf(now, zone).slice(0, 7);
  const windowStart = addMonths(localDateOf(now, zone), -ledgerWindowMonths(ctx.db)).slice(0, 7);
  const r = ctx.db.prepare('SELECT min(at_ms) AS m FROM transactions').get() as { m: number | null };
  const oldest = r.m === null ? current : localDateOf(r.m, zone).slice(0, 7);
  const months: { month: string; cached: boolean }[] = [];
  for (let m = current; m >= oldest && months.length < 36; m = addMonths(`${m}-01`, -1).slice(0, 7)) {
    months.push({ month: m, cached: m >= windowStart });
  }
  if (!months.length) months.push({ month: current, cached: true });
  return { months, current };
}
