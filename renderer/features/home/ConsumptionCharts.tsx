/**
 * Consumption across all clients: by day (this month against the previous one) and by month (13
 * months), in region time. Each chart has a one-line summary and a table of the same figures for
 * screen readers (and for anyone who opens it).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HomeOverview } from '../../../shared/contract/rpc/home';
import { formatMoney } from '../../../shared/domain/money';
import { formatCompact, formatMonth, formatShortMonth } from '../../../shared/i18n/format';
import { MINOR_DIGITS } from '../../../shared/domain/money';
import { useLang } from '../../ui/format';
import { TimeChart, type ChartSeries } from './TimeChart';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function ConsumptionCharts({ o }: { o: HomeOverview }) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = (m: number) => formatMoney(m, o.currency, lang);
  const unit = 10 ** MINOR_DIGITS[o.currency];
  const yLabel = useMemo(() => (v: number) => formatCompact(v / unit, lang), [unit, lang]);

  const cur = o.daily.current;
  const prev = o.daily.previous;
  const days = Math.max(cur.minor.length, prev.minor.length, 28);
  const dayXs = useMemo(() => Array.from({ length: days }, (_, i) => i + 1), [days]);
  const curName = formatMonth(cur.month, lang, true);
  const prevName = formatMonth(prev.month, lang, true);
  const dailySeries: ChartSeries[] = useMemo(
    () => [
      { label: prevName, tone: 'muted', values: dayXs.map((d) => prev.minor[d - 1] ?? null) },
      { label: curName, tone: 'accent', values: dayXs.map((d) => cur.minor[d - 1] ?? null) },
    ],
    [dayXs, cur.minor, prev.minor, curName, prevName],
  );
  const dayLabel = useMemo(() => (x: number) => (x === 1 || x % 5 === 0 ? String(x) : ''), []);

  const monthXs = useMemo(() => o.monthly.map((_, i) => i), [o.monthly]);
  const monthlySeries: ChartSeries[] = useMemo(
    () => [{ label: t('home:chart.amount'), tone: 'accent', values: o.monthly.map((m) => m.minor) }],
    [o.monthly, t],
  );
  const monthLabel = useMemo(() => (x: number) => formatShortMonth(o.monthly[x]?.month ?? '2000-01', lang), [o.monthly, lang]);

  const curSum = sum(cur.minor);
  const prevSame = sum(prev.minor.slice(0, cur.minor.length));
  const cached = o.monthly.filter((m) => m.minor !== null) as { month: string; minor: number }[];
  const max = cached.reduce<{ month: string; minor: number } | null>((a, b) => (a === null || b.minor > a.minor ? b : a), null);
  const first = o.monthly[0]?.month ?? cur.month;
  const hidden = o.monthly.some((m) => m.minor === null);

  return (
    <div className="home-charts">
      <figure className="card home-figure" data-testid="home-chart-daily">
        <div className="home-figure-head">
          <h2>{t('home:chart.daily')}</h2>
          <span className="home-legend" aria-hidden="true">
            <span className="swatch swatch-accent" />
            {curName}
            <span className="swatch swatch-muted" />
            {prevName}
          </span>
        </div>
        <TimeChart kind="line" xs={dayXs} series={dailySeries} xLabel={dayLabel} yLabel={yLabel} testId="home-chart-daily-canvas" />
        <figcaption className="home-caption" data-testid="home-daily-summary">
          {t('home:chart.summaryDaily', { current: curName, cur: money(curSum), previous: prevName, prev: money(prevSame), prevAll: money(sum(prev.minor)) })}
        </figcaption>
        <table className="sr-only">
          <caption>{t('home:chart.daily')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('home:chart.day')}</th>
              <th scope="col">{curName}</th>
              <th scope="col">{prevName}</th>
            </tr>
          </thead>
          <tbody>
            {dayXs.map((d) => (
              <tr key={d}>
                <th scope="row">{d}</th>
                <td>{cur.minor[d - 1] === undefined ? '—' : money(cur.minor[d - 1] as number)}</td>
                <td>{prev.minor[d - 1] === undefined ? '—' : money(prev.minor[d - 1] as number)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
      <figure className="card home-figure" data-testid="home-chart-monthly">
        <div className="home-figure-head">
          <h2>{t('home:chart.monthly')}</h2>
        </div>
        <TimeChart kind="bars" xs={monthXs} series={monthlySeries} xLabel={monthLabel} yLabel={yLabel} testId="home-chart-monthly-canvas" />
        <figcaption className="home-caption" data-testid="home-monthly-summary">
          {max
            ? t('home:chart.summaryMonthly', {
                from: formatMonth(cached[0]?.month ?? first, lang, true),
                to: formatMonth(cur.month, lang),
                total: money(sum(cached.map((m) => m.minor))),
                max: formatMonth(max.month, lang),
                maxSum: money(max.minor),
              })
            : null}
          {hidden ? ` ${t('home:chart.windowNote', { month: formatMonth(o.ledgerFrom, lang) })}` : null}
        </figcaption>
        <table className="sr-only" data-testid="home-monthly-table">
          <caption>{t('home:chart.monthly')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('home:chart.month')}</th>
              <th scope="col">{t('home:chart.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {o.monthly.map((m) => (
              <tr key={m.month}>
                <th scope="row">{formatMonth(m.month, lang, true)}</th>
                <td>{m.minor === null ? t('home:chart.notCached') : money(m.minor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
    </div>
  );
}
