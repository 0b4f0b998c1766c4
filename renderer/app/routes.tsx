/**
 * The route table: a route name -> a lazy page. Feature engineers add their entry to `loaders`
 * and `NAV_KEYS`.
 * Pages with a parameter receive it as props (client: { clientId }). The screen the app opens on
 * is loaded before the first render (preloadRoute, main.tsx); the others load when first opened.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteName } from '../state/nav';

type Page = ComponentType<{ clientId: string }> | ComponentType;

export interface RouteDef {
  page: LazyExoticComponent<ComponentType<{ clientId: string }>> | LazyExoticComponent<ComponentType> | Page;
  /** The navigation label's key; routes without one are not in the header. */
  navKey: string | null;
}

const loaders: Record<RouteName, () => Promise<{ default: Page }>> = {
  home: () => import('../features/home/HomePage'),
  clients: () => import('../features/clients/ClientsPage'),
  client: () => import('../features/balance/ClientPage'),
  invitations: () => import('../features/actions/InvitationsPage'),
  audit: () => import('../features/actions/AuditPage'),
  settings: () => import('../features/settings/SettingsPage'),
  deals: () => import('../features/partner/DealsPage'),
  report: () => import('../features/partner/ReportPage'),
  alerts: () => import('../features/partner/AlertsPage'),
  help: () => import('../features/partner/HelpPage'),
  apply: () => import('../features/partner/ApplyPage'),
};

const NAV_KEYS: Record<RouteName, string | null> = {
  home: 'home:nav',
  clients: 'common:nav.clients',
  client: null,
  invitations: 'common:nav.invitations',
  audit: 'common:nav.audit',
  settings: 'common:nav.settings',
  deals: 'partner:nav.deals',
  report: 'partner:nav.report',
  alerts: null,
  help: null,
  apply: null,
};

export const routes = Object.fromEntries(
  (Object.keys(loaders) as RouteName[]).map((r) => [r, { page: lazy(loaders[r]), navKey: NAV_KEYS[r] }]),
) as Record<RouteName, RouteDef>;

/**
 * Loads the screen the app opens on before the first render and puts the component itself in
 * place of the lazy one: a lazy page suspends once even when loaded, and React holds a
 * suspended screen back for a few hundred milliseconds before revealing it.
 */
export async function preloadRoute(route: RouteName): Promise<void> {
  const mod = await loaders[route]();
  routes[route] = { ...routes[route], page: mod.default };
}
