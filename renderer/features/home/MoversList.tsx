/** The top 10 clients by consumption this month and the 10 that grew and fell most against last month. */
import { useTranslation } from 'react-i18next';
import type { HomeClient, HomeOverview } from '../../../shared/contract/rpc/home';
import { formatMoney } from '../../../shared/domain/money';
import { useNav } from '../../state/nav';
import { useLang } from '../../ui/format';
import { useOpenList } from './openList';

function Movers(p: { id: 'top' | 'grew' | 'fell'; title: string; rows: HomeClient[]; currency: HomeOverview['currency'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const go = useNav((s) => s.go);
  const open = useOpenList();
  const money = (m: number) => formatMoney(m, p.currency, lang);
  const signed = (m: number) => (m > 0 ? '+' : '') + money(m);
  return (
    <section className="card home-movers" data-testid={`home-${p.id}`} aria-labelledby={`home-${p.id}-title`}>
      <div className="home-figure-head">
        <h2 id={`home-${p.id}-title`}>{p.title}</h2>
        {p.rows.length > 0 ? (
          <button type="button" className="btn btn-link" data-testid={`home-${p.id}-open`} onClick={() => open({ ids: p.rows.map((r) => r.id) })}>
            {t('home:list.openAll')}
          </button>
        ) : null}
      </div>
      {p.rows.length === 0 ? (
        <p className="muted">{t('home:list.empty')}</p>
      ) : (
        <table className="home-table">
          <thead>
            <tr>
              <th scope="col">{t('home:list.client')}</th>
              <th scope="col" className="num">
                {t('home:list.thisMonth')}
              </th>
              <th scope="col" className="num">
                {p.id === 'top' ? t('home:list.lastMonth') : t('home:list.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => {
              const name = r.name ?? r.email;
              const delta = r.curMinor - r.prevMinor;
              return (
                <tr key={r.id}>
                  <td className="home-name">
                    <button type="button" className="btn-link home-name-link" title={`${name} · ${r.email}`} onClick={() => go('client', { clientId: r.id })}>
                      <bdi>{name}</bdi>
                    </button>
                  </td>
                  <td className="num">{money(r.curMinor)}</td>
                  <td className={p.id === 'top' ? 'num muted' : `num ${delta >= 0 ? 'up' : 'down'}`}>
                    {p.id === 'top' ? money(r.prevMinor) : signed(delta)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function MoversList({ o }: { o: HomeOverview }) {
  const { t } = useTranslation();
  return (
    <div className="home-lists">
      <Movers id="top" title={t('home:list.top')} rows={o.top} currency={o.currency} />
      <Movers id="grew" title={t('home:list.grew')} rows={o.grew} currency={o.currency} />
      <Movers id="fell" title={t('home:list.fell')} rows={o.fell} currency={o.currency} />
    </div>
  );
}
