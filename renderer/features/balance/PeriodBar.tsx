/** Period presets (today … year) and a custom range of two date fields (typed in the language's format), in region time. */
import { useTranslation } from 'react-i18next';
import { formatLocalDateRange } from '../../../shared/i18n/format';
import { useLang } from '../../ui/format';
import { DateField } from '../../ui/DateField';
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
      <DateField
        label={t('balance:period.from')}
        value={v.from}
        testId="period-from"
        onChange={(from) => from && v.set({ preset: 'custom', from, ...(v.to && from > v.to ? { to: from } : {}) })}
      />
      <DateField
        label={t('balance:period.to')}
        value={v.to}
        testId="period-to"
        onChange={(to) => to && v.set({ preset: 'custom', to, ...(v.from && to < v.from ? { from: to } : {}) })}
      />
      {v.from && v.to && v.from <= v.to ? (
        <span className="period-range" data-testid="period-range" title={v.preset === 'custom' ? t(PRESET_KEY.custom) : undefined}>
          {formatLocalDateRange(v.from, v.to, lang)}
        </span>
      ) : null}
    </div>
  );
}
