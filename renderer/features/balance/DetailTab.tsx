/** Detail: every debit and credit of the period (or day/week/month/year sums), virtualized, in region time. */
import { useRef } from 'react';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import type { CardOutput, DetailInput, DetailOutput } from '../../../shared/contract/rpc/balance';
import { SERVICE_CODES, type ServiceCode, type TxKind } from '../../../shared/contract/platform';
import { formatDateTime } from '../../../shared/i18n/format';
import { Money, useLang } from '../../ui/format';
import { Empty, ErrorState, Loading } from '../../ui/States';
import { CacheNotice } from './CacheNotice';
import { ExportButtons } from './ExportButtons';
import { ProjectOptions } from './ProjectOptions';
import { GRANULARITY_KEY, KIND_KEY, serviceKey } from './labels';
import { bucketLabel } from './period';
import { useBalanceView } from './store';

const PAGE = 100;
const ROW = 34;
type Row = DetailOutput['rows'][number];

function Filters({ card }: { card: CardOutput }) {
  const { t } = useTranslation();
  const v = useBalanceView();
  return (
    <div className="toolbar detail-filters">
      <label className="select-field">
        <span>{t('balance:filter.kind')}</span>
        <select value={v.kind} onChange={(e) => v.set({ kind: e.target.value as TxKind | '' })} data-testid="filter-kind">
          <option value="">{t('balance:filter.allKinds')}</option>
          <option value="debit">{t('balance:filter.debits')}</option>
          <option value="credit">{t('balance:filter.credits')}</option>
        </select>
      </label>
      <label className="select-field">
        <span>{t('balance:filter.project')}</span>
        <select value={v.project} onChange={(e) => v.set({ project: e.target.value })} data-testid="filter-project">
          <option value="">{t('balance:filter.allProjects')}</option>
          <ProjectOptions projects={card.projects} />
        </select>
      </label>
      <label className="select-field">
        <span>{t('balance:filter.service')}</span>
        <select value={v.service} onChange={(e) => v.set({ service: e.target.value as ServiceCode | '' })} data-testid="filter-service">
          <option value="">{t('balance:filter.allServices')}</option>
          {SERVICE_CODES.map((s) => (
            <option key={s} value={s}>
              {t(serviceKey(s))}
            </option>
          ))}
        </select>
      </label>
      <label className="select-field">
        <span>{t('balance:granularity.label')}</span>
        <select value={v.granularity} onChange={(e) => v.set({ granularity: e.target.value as DetailInput['granularity'] & string })} data-testid="granularity">
          {(['operation', 'day', 'week', 'month', 'year'] as const).map((g) => (
            <option key={g} value={g}>
              {t(GRANULARITY_KEY[g])}
            </option>
          ))}
        </select>
      </label>
      {v.service ? (
        <button type="button" className="btn-link" onClick={() => v.set({ service: '' })}>
          {t('balance:filter.clearService')}
        </button>
      ) : null}
    </div>
  );
}

function OperationCells({ row, zone }: { row: Extract<Row, { type: 'operation' }>; zone: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <div className="cell">{formatDateTime(row.at, lang, zone, true)}</div>
      <div className="cell">{t(KIND_KEY[row.kind])}</div>
      <div className="cell cell-end">
        <Money minor={row.kind === 'debit' ? -row.amountMinor : row.amountMinor} currency={row.currency} />
      </div>
      <div className="cell">
        {row.service ? (
          <button
            type="button"
            className="btn-link cell-link"
            title={t('balance:filter.onlyService', { service: t(serviceKey(row.service)) })}
            onClick={() => useBalanceView.getState().set({ service: row.service ?? '' })}
          >
            {t(serviceKey(row.service))}
          </button>
        ) : null}
      </div>
      <div className="cell">
        <code>{row.projectPid ?? ''}</code>
      </div>
      <div className="cell" title={row.description}>
        {row.description}
      </div>
    </>
  );
}

function BucketCells({ row, g, currency }: { row: Extract<Row, { type: 'bucket' }>; g: 'day' | 'week' | 'month' | 'year'; currency: CardOutput['balance']['currency'] }) {
  const lang = useLang();
  return (
    <>
      <div className="cell">{bucketLabel(row.bucket, g, lang)}</div>
      <div className="cell cell-end">
        <Money minor={-row.debitsMinor} currency={currency} />
      </div>
      <div className="cell cell-end">
        <Money minor={row.creditsMinor} currency={currency} />
      </div>
      <div className="cell cell-end">
        <Money minor={row.netMinor} currency={currency} />
      </div>
      <div className="cell cell-end">{row.count}</div>
    </>
  );
}

export function DetailTab({ card, clientId }: { card: CardOutput; clientId: string }) {
  const { t } = useTranslation();
  const v = useBalanceView();
  const scrollRef = useRef<HTMLDivElement>(null);
  const filter = {
    clientId,
    from: v.from,
    to: v.to,
    kinds: v.kind ? [v.kind] : [],
    projects: v.project ? [v.project] : [],
    services: v.service ? [v.service] : [],
    granularity: v.granularity,
  };
  const key = (page: number) => ['transactions', 'balance.detail', filter, page] as const;
  const fetchPage = (page: number) => call('balance.detail', { ...filter, offset: page * PAGE, limit: PAGE });
  const head = useQuery({ queryKey: key(0), queryFn: () => fetchPage(0), placeholderData: keepPreviousData });
  const total = head.data?.total ?? 0;
  const virt = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 10 });
  const items = virt.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const pages: number[] = [];
  for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) if (p > 0) pages.push(p);
  const rest = useQueries({ queries: pages.map((p) => ({ queryKey: key(p), queryFn: () => fetchPage(p) })) });
  const rowAt = (i: number): Row | undefined => {
    const p = Math.floor(i / PAGE);
    const d = p === 0 ? head.data : rest[pages.indexOf(p)]?.data;
    return d?.rows[i % PAGE];
  };
  const ops = v.granularity === 'operation';
  const cols = ops ? 'detail-ops' : 'detail-buckets';
  const headers = ops ? ['date', 'kind', 'amount', 'service', 'project', 'description'] : ['period', 'debits', 'credits', 'net', 'count'];
  const HEAD_KEY: Record<string, string> = {
    date: 'balance:columns.date',
    kind: 'balance:columns.kind',
    amount: 'balance:columns.amount',
    service: 'balance:columns.service',
    project: 'balance:columns.project',
    description: 'balance:columns.description',
    period: 'balance:columns.period',
    debits: 'balance:columns.debits',
    credits: 'balance:columns.credits',
    net: 'balance:columns.net',
    count: 'balance:columns.count',
  };
  const d = head.data;
  const cur = card.balance.currency;
  return (
    <div className="tab-body" data-testid="detail-tab">
      <Filters card={card} />
      {d ? (
        <div className="totals-bar" data-testid="detail-totals">
          <span>
            {t('balance:totals.debits')} <Money minor={-d.totals.debitsMinor} currency={cur} />
          </span>
          <span>
            {t('balance:totals.credits')} <Money minor={d.totals.creditsMinor} currency={cur} />
          </span>
          <span>
            {t('balance:totals.net')} <Money minor={d.totals.netMinor} currency={cur} />
          </span>
          <span className="muted" data-testid="detail-count">
            {t('balance:totals.operations', { count: d.totals.count })}
          </span>
          <ExportButtons input={{ view: 'detail', ...filter }} />
        </div>
      ) : null}
      {d ? <CacheNotice clientId={clientId} from={v.from} to={v.to} asOf={d.asOf} cachedFrom={d.cachedFrom} outsideWindow={d.outsideWindow} zone={d.timeZone} /> : null}
      {head.isLoading ? <Loading /> : null}
      {head.error ? <ErrorState error={head.error} onRetry={() => void head.refetch()} /> : null}
      {d && total === 0 ? <Empty title={t('balance:empty')} /> : null}
      {d && total > 0 ? (
        <div className="client-table detail-table">
          <div className="table-scroll" ref={scrollRef} data-testid="detail-scroll">
            <div className="table-head-group">
              <div className={`grid-row grid-head ${cols}`}>
                {headers.map((h) => (
                  <div key={h} className={['amount', 'debits', 'credits', 'net', 'count'].includes(h) ? 'cell cell-end' : 'cell'}>
                    {t(HEAD_KEY[h] ?? 'balance:columns.date')}
                  </div>
                ))}
              </div>
            </div>
            <div className="table-body" style={{ height: virt.getTotalSize() }}>
              {items.map((it) => {
                const row = rowAt(it.index);
                return (
                  <div key={it.key} className="virtual-row" style={{ height: it.size, transform: `translateY(${it.start}px)` }}>
                    <div className={`grid-row row detail-row ${cols}`} data-testid="detail-row">
                      {!row ? <div className="skeleton" /> : null}
                      {row?.type === 'operation' ? <OperationCells row={row} zone={d.timeZone} /> : null}
                      {row?.type === 'bucket' && !ops ? <BucketCells row={row} g={v.granularity as 'day'} currency={cur} /> : null}
                    </div>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
