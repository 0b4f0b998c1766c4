import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNav, type RouteName } from '../state/nav';
import { routes } from './routes';
import { SyncStatus } from './SyncStatus';
import { LanguageSwitch } from './LanguageSwitch';

export function Header() {
  const { t } = useTranslation();
  const route = useNav((s) => s.route);
  const go = useNav((s) => s.go);
  const items = (Object.keys(routes) as RouteName[]).filter((r) => routes[r].navKey !== null);
  const active: RouteName = route === 'client' ? 'clients' : route;
  return (
    <header className="app-header">
      <div className="brand">{t('common:app.name')}</div>
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
            {routes[r].badge ? <NavBadge route={r} /> : null}
          </button>
        ))}
      </nav>
      <div className="header-right">
        <SyncStatus />
        <LanguageSwitch />
      </div>
    </header>
  );
}

/** A nav item's count (the route's badge component, e.g. unseen alerts). */
function NavBadge({ route }: { route: RouteName }) {
  const B = routes[route].badge;
  return B ? (
    <Suspense fallback={null}>
      <B />
    </Suspense>
  ) : null;
}
