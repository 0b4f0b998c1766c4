/** Period presets (today … year) and a custom range of two date inputs, in region time. */
import { useTranslation } from 'react-i18next';
import { formatLocalDateRange } from '../../../shared/i18n/format';
import { useLang } from '../../ui/format';
import { PRESETS } from './period';
import { PRESET_KEY } from './labels';
import { useBalanceView } from './store';

export function PeriodBar({ today }: { today: string }) {
  const { t } = useTranslation();
  const v = useBalanceView();
  const lang = useLang();
  return (
    <div className="toolbar period-bar" role="group" aria-label={t('balance:period.label')}>
      <div className="chips">
        {PRESETS.filter((p) => p !== 'custom').map((p) => (
          <button
            key={p}
            type="button"
            className={v.preset === p ? 'chip active' : 'chip'}
            aria-pressed={v.preset === p}
            data-testid={`preset-${p}`}
            onClick={() => v.applyPreset(p, today)}
          >
            {t(PRESET_KEY[p])}
          </button>
        ))}
      </div>
      <label className="date-field">
        <span>{t('balance:period.from')}</span>
        <input
          type="date"
          value={v.from}
          max={v.to || undefined}
          data-testid="period-from"
          onChange={(e) => e.target.value && v.set({ preset: 'custom', from: e.target.value, ...(v.to && e.target.value > v.to ? { to: e.target.value } : {}) })}
        />
      </label>
      <label className="date-field">
        <span>{t('balance:period.to')}</span>
        <input
          type="date"
          value={v.to}
          min={v.from || undefined}
          data-testid="period-to"
          onChange={(e) => e.target.value && v.set({ preset: 'custom', to: e.target.value, ...(v.from && e.target.value < v.from ? { from: e.target.value } : {}) })}
        />
      </label>
      {v.preset === 'custom' ? <span className="chip active">{t(PRESET_KEY.custom)}</span> : null}
      {v.from && v.to && v.from <= v.to ? (
        <span className="period-range" data-testid="period-range">
          {formatLocalDateRange(v.from, v.to, lang)}
        </span>
      ) : null}
    </div>
  );
}
