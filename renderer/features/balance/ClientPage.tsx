/**
 * The client page (route `client`): the client's actions (request top-up, block, unblock, delete:
 * features/actions/clientActions, the same as the list's row menu), the card, then two tabs, Detail
 * ("Детализация") and Expenses on services ("Расходы на услуги"), over one period in the platform's
 * region time, all from the cache.
 */
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { useNav } from '../../state/nav';
import { ErrorState, Loading } from '../../ui/States';
import { useNow } from '../../ui/useNow';
import { ClientCard } from './ClientCard';
import { DetailTab } from './DetailTab';
import { ExpensesTab } from './ExpensesTab';
import { PeriodBar } from './PeriodBar';
import { todayIn, zoneNameKey, zoneOffset } from './period';
import { useBalanceView } from './store';
import { ActionsLayer } from '../actions/ActionsLayer';
import { pendingText, useClientActions } from '../actions/clientActions';
import './balance.css';

export function useZoneLabel(zone: string, now: number): string {
  const { t } = useTranslation();
  const nameKey = zoneNameKey(zone, now);
  const offset = zoneOffset(zone, now);
  return nameKey ? t('balance:zone.label', { name: t(nameKey), offset }) : offset;
}

export default function ClientPage({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const go = useNav((s) => s.go);
  const now = useNow(60_000);
  const card = useQuery({ queryKey: ['clients', 'balance.card', clientId], queryFn: () => call('balance.card', { clientId }) });
  const zone = card.data?.timeZone ?? 'Europe/Moscow';
  const today = todayIn(zone, now);
  const v = useBalanceView();
  const zoneLabel = useZoneLabel(zone, now);
  const row = useQuery({ queryKey: ['clients', 'get', clientId], queryFn: () => call('clients.get', { id: clientId }) });
  const actions = useClientActions();

  // The first visit opens this month; a new client starts without another client's project filter.
  useEffect(() => {
    const s = useBalanceView.getState();
    if (!s.from || !s.to) s.applyPreset(s.preset === 'custom' ? 'thisMonth' : s.preset, today);
  }, [today]);
  useEffect(() => {
    useBalanceView.getState().set({ project: '' });
  }, [clientId]);

  if (card.isLoading) return <Loading />;
  if (card.error || !card.data) return <ErrorState error={card.error} onRetry={() => void card.refetch()} />;
  const c = card.data;
  return (
    <div className="page balance-page" data-testid="client-page">
      <div className="page-head">
        <button type="button" className="btn-link" onClick={() => go('clients')} data-testid="back">
          {t('balance:back')}
        </button>
        <h1 className="page-title" data-testid="client-name">
          <bdi>{c.client.name ?? c.client.email}</bdi>
        </h1>
        <span className="zone-note muted" data-testid="zone-note">
          {t('balance:zone.note', { zone: zoneLabel })}
        </span>
        {row.data ? (
          <div className="button-row client-actions" role="toolbar" aria-label={t('actions:row.menu', { name: c.client.name ?? c.client.email })} data-testid="client-actions">
            {row.data.client.pendingAction ? (
              <span className="pending-text" data-testid="pending-text">
                {pendingText(t, row.data.client)}
              </span>
            ) : null}
            {actions.itemsFor(row.data.client, { balance: false }).map((a) => (
              <button key={a.id} type="button" className={a.danger ? 'btn btn-small btn-danger' : 'btn btn-small'} onClick={a.onAction} data-testid={`client-action-${a.id}`}>
                {a.label}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <ActionsLayer />
      {actions.dialogs}
      <div className="balance-scroll">
        <ClientCard card={c} />
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={v.tab === 'detail'} className={v.tab === 'detail' ? 'tab active' : 'tab'} onClick={() => v.set({ tab: 'detail' })} data-testid="tab-detail">
            {t('balance:tabs.detail')}
          </button>
          <button type="button" role="tab" aria-selected={v.tab === 'expenses'} className={v.tab === 'expenses' ? 'tab active' : 'tab'} onClick={() => v.set({ tab: 'expenses' })} data-testid="tab-expenses">
            {t('balance:tabs.expenses')}
          </button>
        </div>
        <PeriodBar today={today} />
        {v.from && v.to ? v.tab === 'detail' ? <DetailTab card={c} clientId={clientId} /> : <ExpensesTab card={c} clientId={clientId} /> : null}
      </div>
    </div>
  );
}
