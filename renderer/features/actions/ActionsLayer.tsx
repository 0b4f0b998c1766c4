/**
 * The progress dock: every batch still running (or finished in this session and not closed) with
 * its counts, a progress bar, cancel, and the results. Mount once per page.
 */
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import type { BatchSummary } from '../../../shared/contract/rpc/actions';
import { useLive } from '../../state/live';
import { PROGRESS_TITLE_KEY } from './labels';
import { ResultsDialog } from './ResultsDialog';
import './actions.css';
import { dismissBatch, openResults, useBatchList, useProgress, useProgressEvents } from './useBatches';
import { countParams, useLang } from '../../ui/format';
import { formatNumber } from '../../../shared/i18n/format';

export function ActionsLayer() {
  useProgressEvents();
  const { data } = useBatchList(20);
  const { byBatch, dismissed, opened } = useProgress();
  const shown = (data?.batches ?? []).filter((b) => !dismissed[b.id] && (!b.done || byBatch[b.id]));
  return (
    <>
      {shown.length ? (
        <div className="batch-dock" data-testid="actions-dock">
          {shown.slice(0, 4).map((b) => (
            <BatchCard key={b.id} batch={b} />
          ))}
        </div>
      ) : null}
      {opened ? <ResultsDialog batchId={opened} onClose={() => openResults(null)} /> : null}
    </>
  );
}

function BatchCard({ batch }: { batch: BatchSummary }) {
  const { t } = useTranslation();
  const lang = useLang();
  const fmt = (x: number) => formatNumber(x, lang);
  const live = useProgress((s) => s.byBatch[batch.id]);
  const offline = useLive((s) => s.connectivity?.state === 'offline' || s.connectivity?.state === 'not_configured');
  const total = live?.total ?? batch.total;
  const failed = live?.failed ?? batch.failed;
  const pending = live?.pending ?? batch.pending + batch.sending;
  const done = live?.done ?? batch.ok + batch.failed + batch.cancelled;
  const finished = pending === 0;
  const pct = total ? Math.round((done / total) * 100) : 100;
  return (
    <div className="batch-card" data-testid="batch-card" data-batch={batch.id} data-finished={finished ? 'true' : 'false'}>
      <div className="batch-card-title">
        <span>{t(PROGRESS_TITLE_KEY[batch.action])}</span>
        {finished ? <span className="badge badge-ok">{t('actions:progress.finished')}</span> : null}
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-label={t(PROGRESS_TITLE_KEY[batch.action])}
      >
        <div style={{ width: `${pct}%` }} />
      </div>
      <div className="button-row">
        <span data-testid="batch-counts">{t('actions:progress.counts', { done: fmt(done), total: fmt(total) })}</span>
        {failed > 0 ? <span className="failed-count">{t('actions:progress.failed', countParams(failed, lang))}</span> : null}
      </div>
      {!finished && offline ? <div className="note" data-testid="batch-waiting">{t('actions:progress.waiting')}</div> : null}
      <div className="button-row">
        {!finished ? (
          <button type="button" className="btn" data-testid="batch-cancel" onClick={() => void call('actions.cancel', { batchId: batch.id })}>
            {t('actions:progress.cancel')}
          </button>
        ) : null}
        <button type="button" className="btn" data-testid="batch-results" onClick={() => openResults(batch.id)}>
          {t('actions:progress.results')}
        </button>
        {finished ? (
          <button type="button" className="btn-link" onClick={() => dismissBatch(batch.id)}>
            {t('actions:progress.close')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
