/** The audit log: every action taken from this app (client actions and the app's own changes), searchable, exportable; never truncated. */
import { useDeferredValue, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import type { AuditRow } from '../../../shared/contract/rpc/actions';
import { formatDateTime, formatNumber } from '../../../shared/i18n/format';
import { useRegion } from '../../app/data';
import { Empty, ErrorState, Loading } from '../../ui/States';
import { errorText } from '../../ui/errors';
import { ActionsLayer } from './ActionsLayer';
import { saveFile } from '../../ui/files';
import { ACTION_KEY } from './labels';
import { auditDetailText } from '../../../shared/i18n/audit-detail';
import { useToast } from '../../ui/Toast';
import { openResults } from './useBatches';
import { countParams, useLang } from '../../ui/format';

const PAGE = 100;

export default function AuditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { zone } = useRegion();
  const toast = useToast();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [offset, setOffset] = useState(0);
  const q = useQuery({
    queryKey: ['audit', deferred, offset],
    queryFn: () => call('audit.list', { search: deferred, offset, limit: PAGE }),
    placeholderData: keepPreviousData,
  });

  async function exportAs(format: 'xlsx' | 'csv') {
    try {
      await saveFile(await call('audit.export', { format, lang, search: deferred }));
    } catch (e) {
      toast(errorText(t, e));
    }
  }

  return (
    <div className="page page-scroll" data-testid="audit-page">
      <ActionsLayer />
      <div className="page-head">
        <h1>{t('actions:audit.title')}</h1>
        <input
          type="search"
          className="search search-wide"
          value={search}
          placeholder={t('actions:audit.search')}
          aria-label={t('actions:audit.search')}
          data-testid="audit-search"
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
        />
        {q.data ? <span className="note" data-testid="audit-count">{t('actions:audit.count', countParams(q.data.total, lang))}</span> : null}
        <span className="spacer" />
        <button type="button" className="btn" data-testid="audit-export-xlsx" onClick={() => void exportAs('xlsx')}>
          {t('actions:audit.exportXlsx')}
        </button>
        <button type="button" className="btn" data-testid="audit-export-csv" onClick={() => void exportAs('csv')}>
          {t('actions:audit.exportCsv')}
        </button>
      </div>
      {q.isLoading ? <Loading /> : null}
      {q.error ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data && q.data.total === 0 ? <Empty title={t('actions:audit.empty')} /> : null}
      {q.data && q.data.rows.length > 0 ? (
        <table className="data-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('actions:audit.time')}</th>
              <th>{t('actions:audit.user')}</th>
              <th>{t('actions:audit.action')}</th>
              <th>{t('actions:audit.clients')}</th>
              <th>{t('actions:audit.result')}</th>
              <th>{t('actions:audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.rows.map((r) => (
              <AuditLine key={r.id} r={r} lang={lang} zone={zone} />
            ))}
          </tbody>
        </table>
      ) : null}
      {q.data && q.data.total > PAGE ? (
        <div className="button-row">
          <button type="button" className="btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {'‹'}
          </button>
          <span>{`${offset + 1}–${Math.min(offset + PAGE, q.data.total)} / ${q.data.total}`}</span>
          <button type="button" className="btn" disabled={offset + PAGE >= q.data.total} onClick={() => setOffset(offset + PAGE)}>
            {'›'}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function AuditLine({ r, lang, zone }: { r: AuditRow; lang: string; zone: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const fmt = (x: number) => formatNumber(x, lang);
  const res = r.result;
  const pending = res ? res.pending + res.sending : 0;
  return (
    <tr data-action={r.action}>
      <td>{formatDateTime(r.at, lang, zone, true)}</td>
      <td>{r.user}</td>
      <td>{t(ACTION_KEY[r.action])}</td>
      <td>
        <button type="button" className="btn-link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('actions:clients', countParams(r.count, lang))}
        </button>
        {open ? <div className="client-ids">{r.clientIds.join(', ')}</div> : null}
      </td>
      <td>
        {res ? t('actions:audit.resultSummary', { ok: fmt(res.ok), failed: fmt(res.failed) }) : ''}
        {pending ? <div className="note">{t('actions:audit.resultPending', { pending: fmt(pending) })}</div> : null}
        {res?.cancelled ? <div className="note">{t('actions:audit.resultCancelled', { cancelled: fmt(res.cancelled) })}</div> : null}
        {r.batchId ? (
          <button type="button" className="btn-link" onClick={() => openResults(r.batchId)}>
            {t('actions:progress.results')}
          </button>
        ) : null}
      </td>
      <td>{auditDetailText((k, p) => t(k, p ?? {}), lang, r.action, r.detail)}</td>
    </tr>
  );
}
