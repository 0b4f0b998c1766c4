/** The client list's filters that come from Home's figures, each shown as a chip that removes it. */
import { useTranslation } from 'react-i18next';
import { usePrefs } from '../../state/prefs';
import { countParams, useLang } from '../../ui/format';

export function HomeFilterChips() {
  const { t } = useTranslation();
  const lang = useLang();
  const view = usePrefs((s) => s.clientsView);
  const setView = usePrefs((s) => s.setClientsView);
  const chips: { id: string; label: string; clear: () => void }[] = [];
  if (view.runsOutWithinDays !== null)
    chips.push({ id: 'runsOut', label: t('home:chip.runsOut', countParams(view.runsOutWithinDays, lang)), clear: () => setView({ runsOutWithinDays: null }) });
  if (view.invitedOverDays !== null)
    chips.push({ id: 'invited', label: t('home:chip.invited', countParams(view.invitedOverDays, lang)), clear: () => setView({ invitedOverDays: null }) });
  if (view.ids.length > 0) chips.push({ id: 'ids', label: t('home:chip.ids', countParams(view.ids.length, lang)), clear: () => setView({ ids: [] }) });
  if (chips.length === 0) return null;
  return (
    <div className="chips">
      {chips.map((c) => (
        <button
          key={c.id}
          type="button"
          className="chip active chip-removable"
          data-testid={`filter-home-${c.id}`}
          aria-label={`${c.label}: ${t('home:chip.remove')}`}
          title={t('home:chip.remove')}
          onClick={c.clear}
        >
          {c.label}
          <span aria-hidden="true">{' ×'}</span>
        </button>
      ))}
    </div>
  );
}
