/**
 * Home: the portfolio at a glance, from the cache (offline), with the time of the last sync.
 * Totals, consumption by day and by month, the top 10 and the biggest movers; every figure opens
 * the client list filtered to exactly its clients (or the client's page).
 */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { settingsKey, useSettings } from '../../app/data';
import { useOpenList, type ListFilterPatch } from './openList';
import { formatDateTime } from '../../../shared/i18n/format';
import { formatMoney } from '../../../shared/domain/money';
import type { HomeOverview } from '../../../shared/contract/rpc/home';
import { ErrorState, Loading } from '../../ui/States';
import { countParams, useLang } from '../../ui/format';
import { ConsumptionCharts } from './ConsumptionCharts';
import { MoversList } from './MoversList';
import './home.css';

/** Keyed under 'clients' and 'transactions' so a sync's data.changed refreshes it. */
export const homeKey = ['clients', 'home'] as const;

type Filter = ListFilterPatch;

function Kpi(p: { id: string; label: string; value: string; sub: string; tone?: 'danger' | 'warn' | undefined; filter: Filter }) {
  const { t } = useTranslation();
  const open = useOpenList();
  return (
    <button
      type="button"
      className={`home-kpi${p.tone ? ` tone-${p.tone}` : ''}`}
      data-testid={`home-kpi-${p.id}`}
      title={t('home:kpi.open')}
      onClick={() => open(p.filter)}
    >
      <span className="home-kpi-label">{p.label}</span>
      <span className="home-kpi-value" data-testid={`home-kpi-${p.id}-value`}>
        {p.value}
      </span>
      <span className="home-kpi-sub">{p.sub}</span>
    </button>
  );
}

function Totals({ o }: { o: HomeOverview }) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = (m: number) => formatMoney(m, o.currency, lang);
  const n = (c: number) => t('home:kpi.clients', countParams(c, lang));
  const tt = o.totals;
  return (
    <div className="home-kpis">
      <Kpi id="payment" label={t('home:kpi.payment')} value={money(tt.paymentMinor)} sub={t('home:kpi.allClients', countParams(tt.clients, lang))} filter={{}} />
      <Kpi id="bonus" label={t('home:kpi.bonus')} value={money(tt.bonusMinor)} sub={t('home:kpi.allClients', countParams(tt.clients, lang))} filter={{}} />
      <Kpi
        id="debt"
        label={t('home:kpi.debt')}
        value={n(tt.debt.count)}
        sub={t('home:kpi.debtSum', { sum: money(-tt.debt.sumMinor) })}
        tone={tt.debt.count > 0 ? 'danger' : undefined}
        filter={{ negativeOnly: true }}
      />
      <Kpi
        id="runsOut"
        label={t('home:kpi.runsOut', countParams(o.days, lang))}
        value={n(tt.runsOut.count)}
        sub={t('home:kpi.fundsLeft', { sum: money(tt.runsOut.sumMinor) })}
        tone={tt.runsOut.count > 0 ? 'warn' : undefined}
        filter={{ runsOutWithinDays: o.days }}
      />
      <Kpi
        id="invited"
        label={t('home:kpi.invited', countParams(o.days, lang))}
        value={n(tt.invitedStale.count)}
        sub={t('home:kpi.invitedHint')}
        filter={{ invitedOverDays: o.days }}
      />
      <Kpi id="blocked" label={t('home:kpi.blocked')} value={n(tt.blocked.count)} sub={t('home:kpi.blockedHint')} filter={{ statuses: ['blocked'] }} />
    </div>
  );
}

function StartScreenToggle() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const settings = useSettings();
  // The user's last choice shows at once and stays, whatever a settings refetch still in flight says.
  const [choice, setChoice] = useState<boolean | null>(null);
  const checked = choice ?? settings.data?.startScreen === 'clients';
  return (
    <label className="home-start">
      <input
        type="checkbox"
        checked={checked}
        disabled={!settings.data}
        data-testid="home-start-clients"
        onChange={(e) => {
          const on = e.target.checked;
          setChoice(on);
          void call('settings.update', { startScreen: on ? 'clients' : 'home' }).then(
            (s) => qc.setQueryData(settingsKey, s),
            () => {
              setChoice(null);
              void qc.invalidateQueries({ queryKey: settingsKey });
            },
          );
        }}
      />
      {t('home:startScreen')}
    </label>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useQuery({ queryKey: homeKey, queryFn: () => call('home.overview', {}) });
  const o = q.data;
  let body;
  if (q.isLoading) body = <Loading />;
  else if (!o) body = <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  else
    body = (
      <>
        <Totals o={o} />
        <ConsumptionCharts o={o} />
        <MoversList o={o} />
      </>
    );
  return (
    <div className="page page-home page-scroll" data-testid="home">
      <div className="page-head">
        <h1 className="page-title">{t('home:title')}</h1>
        <span className="home-asof muted" data-testid="home-asof">
          {o ? (o.asOf ? t('home:asOf', { time: formatDateTime(o.asOf, lang, o.timeZone) }) : t('home:never')) : null}
        </span>
        <span className="home-head-end">
          <StartScreenToggle />
        </span>
      </div>
      {body}
    </div>
  );
}
