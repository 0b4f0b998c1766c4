/**
 * The monthly consumption report as a background job: the figures (query.ts) and the workbook
 * (workbook.ts) built off the request, with `report.progress` events; each core keeps its newest
 * jobs and their files in its context (ctx.reportJobs) until it closes.
 */
import { randomUUID } from 'node:crypto';
import type { Lang } from '../../../../shared/i18n/index';
import type { ReportJob } from '../../../../shared/contract/rpc/partner';
import { AppError } from '../../../../shared/contract/rpc/errors';
import type { CoreContext } from '../../context';
import { monthTotals } from './query';
import { buildWorkbook, MAX_CLIENT_SHEETS, reportText } from './workbook';

const MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** How many jobs (with their files) a core keeps. */
const KEEP = 5;

/** The report jobs of one core: the newest few, running or finished. */
export class ReportJobs {
  private readonly jobs = new Map<string, ReportJob>();

  /** Keeps the job, forgetting the oldest beyond the newest few. */
  add(job: ReportJob): void {
    this.jobs.set(job.jobId, job);
    for (const k of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEEP))) this.jobs.delete(k);
  }

  get(jobId: string): ReportJob {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not_found', `No report job ${jobId}`, { params: { id: jobId } });
    return job;
  }

  clear(): void {
    this.jobs.clear();
  }
}

export function startReport(ctx: CoreContext, month: string, lang: Lang, clientIds?: string[]): { jobId: string } {
  const jobId = randomUUID();
  const zone = ctx.timeZone();
  const job: ReportJob = { jobId, state: 'running', done: 0, total: 0, error: null, file: null };
  ctx.reportJobs.add(job);
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
        job.file = { fileName: reportText(lang, 'partner:report.fileName', { month }), mime: MIME, base64: buf.toString('base64') };
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
