/** Search (as you type: every keystroke queries), status and payment model filters, "negative balance", the count. */
import { useTranslation } from 'react-i18next';
import { ClientStatus, PaymentModel } from '../../../shared/contract/platform';
import { formatNumber } from '../../../shared/i18n/format';
import { isFiltered, usePrefs } from '../../state/prefs';
import { HomeFilterChips } from '../home/HomeFilterChips';
import { PAYMENT_MODEL_KEY, STATUS_KEY } from '../../ui/labels';
import { useLang } from '../../ui/format';

function toggle<T>(list: readonly T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

export function ClientsToolbar({ total, counting }: { total: number | null; counting: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const view = usePrefs((s) => s.clientsView);
  const setView = usePrefs((s) => s.setClientsView);
  const text = view.searchText;
  const setText = (searchText: string) => setView({ searchText, search: searchText });
  const reset = usePrefs((s) => s.resetClientsFilter);

  const filtered = isFiltered(view);

  return (
    <div className="toolbar clients-toolbar" role="search">
      <input
        type="search"
        className="search"
        value={text}
        maxLength={200}
        placeholder={t('clients:search.placeholder')}
        aria-label={t('clients:search.label')}
        data-testid="clients-search"
        onChange={(e) => setText(e.target.value)}
      />
      <div className="chips" role="group" aria-label={t('clients:filter.status')}>
        {ClientStatus.options.map((s) => (
          <button
            key={s}
            type="button"
            className={view.statuses.includes(s) ? 'chip active' : 'chip'}
            aria-pressed={view.statuses.includes(s)}
            data-testid={`filter-status-${s}`}
            onClick={() => setView({ statuses: toggle(view.statuses, s) })}
          >
            {t(STATUS_KEY[s])}
          </button>
        ))}
      </div>
      <div className="chips" role="group" aria-label={t('clients:filter.paymentModel')}>
        {PaymentModel.options.map((m) => (
          <button
            key={m}
            type="button"
            className={view.paymentModels.includes(m) ? 'chip active' : 'chip'}
            aria-pressed={view.paymentModels.includes(m)}
            data-testid={`filter-model-${m}`}
            onClick={() => setView({ paymentModels: toggle(view.paymentModels, m) })}
          >
            {t(PAYMENT_MODEL_KEY[m])}
          </button>
        ))}
        <button
          type="button"
          className={view.negativeOnly ? 'chip active' : 'chip'}
          aria-pressed={view.negativeOnly}
          data-testid="filter-negative"
          onClick={() => setView({ negativeOnly: !view.negativeOnly })}
        >
          {t('clients:filter.negativeOnly')}
        </button>
      </div>
      <HomeFilterChips />
      {/* Reset and the count stay together at the end of the row (the count never wraps alone). */}
      <div className="toolbar-end">
        {filtered ? (
          <button type="button" className="btn btn-link" data-testid="filter-reset" onClick={reset}>
            {t('clients:filter.reset')}
          </button>
        ) : null}
        {/* While the filter's count is being asked for, no number shows rather than the previous filter's. */}
        <div className="count" data-testid="clients-count" aria-live="polite" aria-busy={counting}>
          {total === null || counting ? null : t('clients:count', { count: total, n: formatNumber(total, lang) })}
        </div>
      </div>
    </div>
  );
}
