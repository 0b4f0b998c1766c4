/**
 * Deals: the list with statuses (fetched when online, else the cached copy), a status filter,
 * "Register a deal", and the monthly feedback reminder per open deal with a place to give it.
 */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { DealStatus } from '../../../shared/contract/platform';
import type { DealRow } from '../../../shared/contract/rpc/partner';
import { formatDate, formatDateTime, formatMonth } from '../../../shared/i18n/format';
import { Money, useLang } from '../../ui/format';
import { CachedCopy, Empty, ErrorState, Loading } from '../../ui/States';
import { errorText } from '../../ui/errors';
import { useRegion } from '../../app/data';
import { DealForm } from './DealForm';
import { helpLink } from './helpLink';
import { DEAL_STATUS_KEY } from './labels';
import './partner.css';

function Feedback({ deal }: { deal: DealRow }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [err, setErr] = useState<string | null>(null);
  if (!deal.feedbackDue) {
    return <span className="muted">{deal.lastFeedbackMonth ? t('partner:deals.feedbackGiven', { month: formatMonth(deal.lastFeedbackMonth, lang) }) : t('partner:deals.feedbackNone')}</span>;
  }
  if (!open) {
    return (
      <span className="pt-inline">
        <span className="pt-due">{t('partner:deals.feedbackDueShort')}</span>
        <button type="button" className="btn btn-small" onClick={() => setOpen(true)} data-testid={`feedback-${deal.id}`}>
          {t('partner:deals.giveFeedback')}
        </button>
      </span>
    );
  }
  return (
    <form
      className="pt-inline"
      onSubmit={(e) => {
        e.preventDefault();
        call('deals.feedback', { dealId: deal.id, note })
          .then(() => qc.invalidateQueries({ queryKey: ['deals'] }))
          .catch((x: unknown) => setErr(errorText(t, x)));
      }}
    >
      <input aria-label={t('partner:deals.feedbackNote')} placeholder={t('partner:deals.feedbackNote')} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="btn btn-small btn-primary">
        {t('partner:deals.feedbackSave')}
      </button>
      {err ? <span className="field-error">{err}</span> : null}
    </form>
  );
}

export default function DealsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { zone } = useRegion();
  const qc = useQueryClient();
  const [status, setStatus] = useState<DealStatus | ''>('');
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['deals', status], queryFn: () => call('deals.list', status ? { status } : {}) });

  return (
    <div className="page page-scroll" data-testid="page-deals">
      <div className="page-head">
        <h1 className="page-title">{t('partner:deals.title')}</h1>
        {q.data ? <span className="muted">{t('partner:deals.count', { count: q.data.items.length })}</span> : null}
        <a href={helpLink('tools')}>{t('partner:help.q.tools.q')}</a>
      </div>
      <div className="button-row">
        {!adding ? (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)} data-testid="deal-register">
            {t('partner:deals.register')}
          </button>
        ) : null}
        <select aria-label={t('partner:deals.col.status')} value={status} onChange={(e) => setStatus(e.target.value as DealStatus | '')} data-testid="deal-filter">
          <option value="">{t('partner:deals.filterAll')}</option>
          {DealStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(DEAL_STATUS_KEY[s])}
            </option>
          ))}
        </select>
        {done ? (
          <span role="status" className="muted" data-testid="deal-done">
            {t('partner:deals.form.done', { name: done })}
          </span>
        ) : null}
      </div>
      {adding ? (
        <DealForm
          onCancel={() => setAdding(false)}
          onDone={(d) => {
            setAdding(false);
            setDone(d.customerName);
            void qc.invalidateQueries({ queryKey: ['deals'] });
          }}
        />
      ) : null}
      {q.data?.offline ? (
        <CachedCopy
          testId="deals-offline"
          unavailable={q.data.unavailable ?? 'offline'}
          asOfText={q.data.asOf ? formatDateTime(q.data.asOf, lang, zone) : null}
          offlineText={t('partner:deals.offline', { when: q.data.asOf ? formatDateTime(q.data.asOf, lang, zone) : '—' })}
        />
      ) : null}
      {q.data && q.data.feedbackDue > 0 ? (
        <div className="alert alert-info" role="status" data-testid="deals-feedback-due">
          {t('partner:deals.feedbackDue', { count: q.data.feedbackDue })}
        </div>
      ) : null}
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Empty title={t('partner:deals.empty')} />
      ) : (
        <table className="data-table" data-testid="deals-table">
          <thead>
            <tr>
              <th>{t('partner:deals.col.customer')}</th>
              <th>{t('partner:deals.col.inn')}</th>
              <th>{t('partner:deals.col.amount')}</th>
              <th>{t('partner:deals.col.period')}</th>
              <th>{t('partner:deals.col.status')}</th>
              <th>{t('partner:deals.col.created')}</th>
              <th>{t('partner:deals.col.feedback')}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((d) => (
              <tr key={d.id} data-testid={`deal-${d.id}`}>
                <td>
                  <div>{d.customerName}</div>
                  <div className="muted">{d.decisionMaker}</div>
                </td>
                <td>{d.inn}</td>
                <td className="num">
                  <Money minor={d.amountMinor} currency={d.currency} />
                </td>
                <td>{t('partner:deals.periodValue', { quarter: d.quarter, year: d.year })}</td>
                <td>
                  <span className={`badge pt-status-${d.status}`}>{t(DEAL_STATUS_KEY[d.status])}</span>
                </td>
                <td>{formatDate(d.createdAt, lang, zone)}</td>
                <td>
                  <Feedback deal={d} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
