/** A batch's result per client: filter by outcome, reasons of failures, retry failed, export (of the rows the filter shows). */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import type { BatchFilter } from '../../../shared/contract/rpc/actions';
import { formatDateTime, formatNumber } from '../../../shared/i18n/format';
import { useRegion } from '../../app/data';
import { errorText } from '../../ui/errors';
import { Dialog } from '../../ui/Dialog';
import { saveFile } from '../../ui/files';
import { ACTION_KEY, FILTER_KEY, STATE_KEY, reasonLabel } from './labels';
import { useToast } from '../../ui/Toast';
import { countParams, useLang } from '../../ui/format';

const FILTERS: BatchFilter[] = ['all', 'failed', 'ok', 'pending', 'cancelled'];
const PAGE = 200;

export function ResultsDialog({ batchId, onClose }: { batchId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const fmt = (x: number) => formatNumber(x, lang);
  const qc = useQueryClient();
  const toast = useToast();
  const { zone } = useRegion();
  const [filter, setFilter] = useState<BatchFilter>('all');
  const [offset, setOffset] = useState(0);
  const [current, setCurrent] = useState(batchId);
  const { data } = useQuery({
    queryKey: ['actions', 'batch', current, filter, offset],
    queryFn: () => call('actions.batch', { batchId: current, filter, offset, limit: PAGE }),
  });
  const b = data?.batch;

  async function retry() {
    try {
      const r = await call('actions.retryFailed', { batchId: current });
      void qc.invalidateQueries({ queryKey: ['actions'] });
      if (r.batchId) {
        setCurrent(r.batchId);
        setFilter('all');
        setOffset(0);
      }
    } catch (e) {
      toast(errorText(t, e));
    }
  }
  async function exportAs(format: 'xlsx' | 'csv') {
    try {
      // Exactly what the results filter shows.
      await saveFile(await call('actions.export', { batchId: current, format, lang, filter }));
    } catch (e) {
      toast(errorText(t, e));
    }
  }

  return (
    <Dialog
      wide
      title={b ? `${t('actions:results.title')}: ${t(ACTION_KEY[b.action])}` : t('actions:results.title')}
      onClose={onClose}
      testId="results-dialog"
      footer={
        <>
          {b && b.failed > 0 && b.done ? (
            <button type="button" className="btn btn-primary" data-testid="retry-failed" onClick={() => void retry()}>
              {t('actions:results.retryFailed', countParams(b.failed, lang))}
            </button>
          ) : null}
          <button type="button" className="btn" data-testid="export-xlsx" onClick={() => void exportAs('xlsx')}>
            {t('actions:results.exportXlsx')}
          </button>
          <button type="button" className="btn" data-testid="export-csv" onClick={() => void exportAs('csv')}>
            {t('actions:results.exportCsv')}
          </button>
          <button type="button" className="btn" data-close onClick={onClose}>
            {t('actions:progress.close')}
          </button>
        </>
      }
    >
      {b ? (
        <p className="note" data-testid="results-summary">
          {t('actions:batches.summary', { ok: fmt(b.ok), failed: fmt(b.failed), pending: fmt(b.pending + b.sending), cancelled: fmt(b.cancelled) })}
          {b.parentId ? ` · ${t('actions:results.retryOf')}` : ''}
        </p>
      ) : null}
      <div className="results-filters" role="group">
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            className="btn"
            aria-pressed={filter === f}
            data-testid={`results-filter-${f}`}
            onClick={() => {
              setFilter(f);
              setOffset(0);
            }}
          >
            {t(FILTER_KEY[f])}
          </button>
        ))}
      </div>
      {data && data.rows.length === 0 ? <p className="note">{t('actions:results.empty')}</p> : null}
      {data && data.rows.length > 0 ? (
        <table className="data-table" data-testid="results-table">
          <thead>
            <tr>
              <th>{t('actions:results.client')}</th>
              <th>{t('actions:results.email')}</th>
              <th>{t('actions:results.state')}</th>
              <th>{t('actions:results.reason')}</th>
              <th>{t('actions:results.attempts')}</th>
              <th>{t('actions:results.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.clientId} data-state={r.state}>
                <td><bdi>{r.name ?? r.clientId}</bdi></td>
                <td><bdi>{r.email ?? ''}</bdi></td>
                <td>
                  <span className={r.state === 'failed' ? 'badge badge-bad' : r.state === 'ok' ? 'badge badge-ok' : 'badge'}>
                    {t(STATE_KEY[r.state])}
                  </span>
                </td>
                <td>{r.error ? reasonLabel(t, r.error) : ''}</td>
                <td>{r.attempts}</td>
                <td>{formatDateTime(r.updatedAt, lang, zone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data && data.total > PAGE ? (
        <div className="button-row">
          <button type="button" className="btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {'‹'}
          </button>
          <span>{`${offset + 1}–${Math.min(offset + PAGE, data.total)} / ${data.total}`}</span>
          <button type="button" className="btn" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
            {'›'}
          </button>
        </div>
      ) : null}
    </Dialog>
  );
}
