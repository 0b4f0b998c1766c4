import { useTranslation } from 'react-i18next';
import { useNav, type RouteName } from '../state/nav';
import { routes } from './routes';
import { SyncStatus } from './SyncStatus';
import { LanguageSwitch } from './LanguageSwitch';
import { HeaderLinks } from '../features/partner/HeaderLinks';
import { PartnerName } from '../features/partner/PartnerName';
import { PaletteButton } from '../features/palette/PaletteButton';

export function Header() {
  const { t } = useTranslation();
  const route = useNav((s) => s.route);
  const go = useNav((s) => s.go);
  // Work screens first, then the reference ones; settings last.
  const LAST: RouteName[] = ['help', 'settings'];
  const items = (Object.keys(routes) as RouteName[])
    .filter((r) => routes[r].navKey !== null)
    .sort((a, b) => LAST.indexOf(a) - LAST.indexOf(b));
  const active: RouteName = route === 'client' ? 'clients' : route;
  return (
    <header className="app-header">
      <div className="app-top">
        <div className="brand">{t('common:app.name')}</div>
        <PartnerName />
        <div className="header-right">
          <PaletteButton />
          <HeaderLinks />
          <SyncStatus />
          <LanguageSwitch />
        </div>
      </div>
      <nav className="app-nav" aria-label={t('common:nav.label')}>
        {items.map((r) => (
          <button
            key={r}
            type="button"
            className={r === active ? 'nav-item active' : 'nav-item'}
            aria-current={r === active ? 'page' : undefined}
            data-testid={`nav-${r}`}
            onClick={() => go(r)}
          >
            {t(routes[r].navKey ?? '')}
          </button>
        ))}
      </nav>
    </header>
  );
}
