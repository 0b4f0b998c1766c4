/** Expenses on services: totals by service or project, shares, a stacked chart and the previous period. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { SERVICE_CODES, type ServiceCode } from '../../../shared/contract/platform';
import type { CardOutput, ExpensesGranularity } from '../../../shared/contract/rpc/balance';
import { formatMoney } from '../../../shared/domain/money';
import { formatLocalDateRange, formatPercentBp } from '../../../shared/i18n/format';
import { Money, useLang } from '../../ui/format';
import { Empty, ErrorState, Loading } from '../../ui/States';
import { CacheNotice } from './CacheNotice';
import { ExportButtons } from './ExportButtons';
import { CHART_KEY, GRANULARITY_KEY, serviceKey } from './labels';
import { bucketLabel } from './period';
import { colorOf, StackedChart } from './StackedChart';
import { useBalanceView } from './store';

export function ExpensesTab({ card, clientId }: { card: CardOutput; clientId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const v = useBalanceView();
  const input = { clientId, from: v.from, to: v.to, granularity: v.chartGranularity, groupBy: v.groupBy };
  const q = useQuery({ queryKey: ['transactions', 'balance.expenses', input], queryFn: () => call('balance.expenses', input), placeholderData: keepPreviousData });
  const cur = card.balance.currency;
  const label = (key: string) =>
    v.groupBy === 'service' ? t(serviceKey(key)) : key ? `${key} · ${card.projects.find((p) => p.pid === key)?.name ?? ''}` : t('balance:noProject');
  const d = q.data;
  const keys = d ? d.totals.map((x) => x.key) : [];
  return (
    <div className="tab-body expenses" data-testid="expenses-tab">
      <div className="toolbar">
        <div className="chips" role="group">
          {(['service', 'project'] as const).map((g) => (
            <button key={g} type="button" className={v.groupBy === g ? 'chip active' : 'chip'} aria-pressed={v.groupBy === g} onClick={() => v.set({ groupBy: g })} data-testid={`group-${g}`}>
              {g === 'service' ? t('balance:expenses.byService') : t('balance:expenses.byProject')}
            </button>
          ))}
        </div>
        <div className="chips" role="group" aria-label={t('balance:granularity.label')}>
          {(['day', 'week', 'month'] as ExpensesGranularity[]).map((g) => (
            <button key={g} type="button" className={v.chartGranularity === g ? 'chip active' : 'chip'} aria-pressed={v.chartGranularity === g} onClick={() => v.set({ chartGranularity: g })} data-testid={`chart-${g}`}>
              {t(GRANULARITY_KEY[g])}
            </button>
          ))}
        </div>
        <ExportButtons input={{ view: 'expenses', ...input }} />
      </div>
      {d ? <CacheNotice clientId={clientId} from={v.from} to={v.to} asOf={d.asOf} cachedFrom={d.cachedFrom} outsideWindow={d.outsideWindow} zone={d.timeZone} /> : null}
      {q.isLoading ? <Loading /> : null}
      {q.error ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : null}
      {d && d.totalMinor === 0 && d.previous.totalMinor === 0 ? <Empty title={t('balance:empty')} /> : null}
      {d && (d.totalMinor !== 0 || d.previous.totalMinor !== 0) ? (
        <div className="expenses-body">
          <div className="totals-bar" data-testid="expenses-total">
            <span>
              {t('balance:expenses.total')} <strong><Money minor={d.totalMinor} currency={cur} /></strong>
            </span>
            <span className="muted">
              {t('balance:expenses.previous', { range: formatLocalDateRange(d.previous.from, d.previous.to, lang) })}{' '}
              <Money minor={d.previous.totalMinor} currency={cur} />
            </span>
            <span data-testid="expenses-change" className={d.change.amountMinor > 0 ? 'change-up' : 'change-down'}>
              {d.change.bp === null
                ? t('balance:expenses.changeNew')
                : d.change.bp >= 0
                  ? t('balance:expenses.changeUp', { percent: formatPercentBp(d.change.bp, lang) })
                  : t('balance:expenses.changeDown', { percent: formatPercentBp(-d.change.bp, lang) })}
            </span>
          </div>
          <div className="card chart-card">
            <div className="card-title">{t(CHART_KEY[v.chartGranularity])}</div>
            <StackedChart
              data={d}
              keys={keys}
              label={label}
              bucketLabel={(b) => bucketLabel(b, v.chartGranularity, lang)}
              money={(m) => formatMoney(m, cur, lang)}
              title={t(CHART_KEY[v.chartGranularity])}
            />
          </div>
          <table className="data-table expenses" data-testid="expenses-table">
            <thead>
              <tr>
                <th>{v.groupBy === 'service' ? t('balance:columns.service') : t('balance:columns.project')}</th>
                <th className="num">{t('balance:columns.amount')}</th>
                <th className="num">{t('balance:columns.share')}</th>
                <th className="num">{t('balance:columns.previous')}</th>
                <th className="num">{t('balance:columns.change')}</th>
              </tr>
            </thead>
            <tbody>
              {d.totals.map((x) => (
                <tr key={x.key} data-testid="expenses-row">
                  <td>
                    <span className="swatch" style={{ background: colorOf(keys, x.key) }} />
                    <button
                      type="button"
                      className="btn-link"
                      title={t('balance:expenses.drill', { service: label(x.key) })}
                      data-testid="drill"
                      onClick={() =>
                        v.groupBy === 'service'
                          ? v.drill(SERVICE_CODES.includes(x.key as ServiceCode) ? { service: x.key as ServiceCode } : {})
                          : v.drill({ project: x.key })
                      }
                    >
                      {label(x.key)}
                    </button>
                  </td>
                  <td className="num">
                    <Money minor={x.amountMinor} currency={cur} />
                  </td>
                  <td className="num">
                    <span className="share-bar" style={{ width: `${Math.max(1, x.shareBp / 100)}px` }} />
                    {formatPercentBp(x.shareBp, lang)}
                  </td>
                  <td className="num">
                    <Money minor={x.previousMinor} currency={cur} />
                  </td>
                  <td className={x.amountMinor > x.previousMinor ? 'num change-up' : x.amountMinor < x.previousMinor ? 'num change-down' : 'num'}>
                    {`${x.amountMinor > x.previousMinor ? '+' : ''}${formatMoney(x.amountMinor - x.previousMinor, cur, lang)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
