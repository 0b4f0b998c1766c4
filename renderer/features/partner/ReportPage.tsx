/**
 * The monthly consumption report: choose a month (from the cached ledger) and all clients or a
 * list of ids; the core builds the XLSX in the background (`report.progress` events) and the file
 * is downloaded when ready. Works offline for synced months.
 */
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, onEvent } from '../../bridge';
import type { ReportJob } from '../../../shared/contract/rpc/partner';
import { formatMonth } from '../../../shared/i18n/format';
import { errorText } from '../../ui/errors';
import { useLang } from '../../ui/format';
import { Loading, ErrorState } from '../../ui/States';
import { saveFile } from '../../ui/files';
import { useSelection } from '../../state/selection';
import './partner.css';

export function parseIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];
}

export default function ReportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const months = useQuery({ queryKey: ['transactions', 'report-months'], queryFn: () => call('report.months', {}) });
  const [month, setMonth] = useState<string | null>(null);
  const [scope, setScope] = useState<'all' | 'list'>('all');
  const [idsText, setIdsText] = useState('');
  const [job, setJob] = useState<Pick<ReportJob, 'jobId' | 'state' | 'done' | 'total' | 'error'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<ReportJob['file']>(null);

  const chosen = month ?? months.data?.months[1]?.month ?? months.data?.current ?? null;
  const cached = months.data?.months.find((m) => m.month === chosen)?.cached ?? true;
  const ids = parseIds(idsText);
  const selected = useSelection((x) => x.ids);

  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const id = job.jobId;
    const off = onEvent((e) => {
      if (e.event !== 'report.progress') return;
      const p = e.payload as { jobId: string; state: ReportJob['state']; done: number; total: number };
      if (p.jobId !== id) return;
      setJob((j) => (j && j.jobId === id ? { ...j, ...p } : j));
    });
    // The job may have finished before the subscription: ask once.
    void call('report.get', { jobId: id }).then((r) => setJob((j) => (j && j.jobId === id && j.state === 'running' ? r : j)));
    return off;
  }, [job?.jobId, job?.state]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!job || job.state === 'running' || file) return;
    void call('report.get', { jobId: job.jobId }).then((r) => {
      if (r.state === 'done' && r.file) {
        setFile(r.file);
        return saveFile(r.file);
      }
      if (r.state === 'failed') setError(t('partner:report.failed', { message: r.error ?? '' }));
      return undefined;
    });
  }, [job, file, t]);

  async function build() {
    if (!chosen) return;
    setError(null);
    setFile(null);
    try {
      const r = await call('report.start', { month: chosen, lang: lang === 'en' ? 'en' : 'ru', ...(scope === 'list' ? { clientIds: ids } : {}) });
      setJob({ jobId: r.jobId, state: 'running', done: 0, total: 0, error: null });
    } catch (e) {
      setError(errorText(t, e));
    }
  }

  if (months.isPending) return <Loading />;
  if (months.isError) return <ErrorState error={months.error} onRetry={() => void months.refetch()} />;

  const running = job?.state === 'running';
  return (
    <div className="page page-scroll" data-testid="page-report">
      <div className="page-head">
        <h1 className="page-title">{t('partner:report.title')}</h1>
      </div>
      <p className="pt-intro">{t('partner:report.intro')}</p>
      <div className="card stack pt-narrow">
        <div className="pt-form">
          <div className="field">
            <label htmlFor="report-month">{t('partner:report.month')}</label>
            <select id="report-month" value={chosen ?? ''} onChange={(e) => setMonth(e.target.value)} data-testid="report-month">
              {months.data.months.map((m) => (
                <option key={m.month} value={m.month}>
                  {formatMonth(m.month, lang, true)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field pt-wide" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="field-label">{t('partner:report.scope')}</legend>
            <label className="pt-check">
              <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
              {t('partner:report.scopeAll')}
            </label>
            {selected.size > 0 ? (
              <button
                type="button"
                className="btn btn-small"
                data-testid="report-use-selection"
                onClick={() => {
                  setScope('list');
                  setIdsText([...selected].join('\n'));
                }}
              >
                {t('partner:report.useSelection', { count: selected.size })}
              </button>
            ) : null}
            <label className="pt-check">
              <input type="radio" name="scope" checked={scope === 'list'} onChange={() => setScope('list')} data-testid="report-scope-list" />
              {t('partner:report.scopeList')}
            </label>
            {scope === 'list' ? (
              <>
                <textarea
                  rows={3}
                  value={idsText}
                  aria-label={t('partner:report.scopeList')}
                  placeholder={t('partner:report.idsPlaceholder')}
                  onChange={(e) => setIdsText(e.target.value)}
                  data-testid="report-ids"
                />
                <span className="field-hint">{t('partner:report.idsCount', { count: ids.length })}</span>
              </>
            ) : null}
          </fieldset>
        </div>
        {!cached && chosen ? (
          <div className="alert alert-warn" role="status" data-testid="report-not-cached">
            {t('partner:report.notCached', { month: formatMonth(chosen, lang, true) })}
          </div>
        ) : null}
        <div className="button-row">
          <button
            type="button"
            className="btn btn-primary"
            disabled={running || !chosen || (scope === 'list' && ids.length === 0)}
            onClick={() => void build()}
            data-testid="report-build"
          >
            {t('partner:report.build')}
          </button>
          {file ? (
            <button type="button" className="btn" onClick={() => void saveFile(file)} data-testid="report-download">
              {t('partner:report.download')}
            </button>
          ) : null}
        </div>
        {job ? (
          <div role="status" aria-live="polite" data-testid="report-status" data-state={job.state}>
            {running ? (
              <>
                <div>{t('partner:report.building', { done: job.done, total: job.total })}</div>
                <div className="progress">
                  <span style={{ width: `${job.total ? Math.round((100 * job.done) / job.total) : 0}%` }} />
                </div>
              </>
            ) : job.state === 'done' ? (
              <div>
                {t('partner:report.ready', { total: job.total })} <span className="muted">{file?.fileName ?? ''}</span>
              </div>
            ) : null}
          </div>
        ) : null}
        {error ? (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        ) : null}
      </div>
    </div>
  );
}
