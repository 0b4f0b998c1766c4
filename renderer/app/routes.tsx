/**
 * The route table: a route name -> a lazy page. Feature engineers add their entry here.
 * Pages with a parameter receive it as props (client: { clientId }).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteName } from '../state/nav';

export interface RouteDef {
  page: LazyExoticComponent<ComponentType<{ clientId: string }>> | LazyExoticComponent<ComponentType>;
  /** The navigation label's key; routes without one are not in the header. */
  navKey: string | null;
}

export const routes: Record<RouteName, RouteDef> = {
  home: { page: lazy(() => import('../features/home/HomePage')), navKey: 'home:nav' },
  clients: { page: lazy(() => import('../features/clients/ClientsPage')), navKey: 'common:nav.clients' },
  client: { page: lazy(() => import('../features/balance/ClientPage')), navKey: null },
  invitations: { page: lazy(() => import('../features/actions/InvitationsPage')), navKey: 'common:nav.invitations' },
  audit: { page: lazy(() => import('../features/actions/AuditPage')), navKey: 'common:nav.audit' },
  settings: { page: lazy(() => import('../features/settings/SettingsPage')), navKey: 'common:nav.settings' },
  deals: { page: lazy(() => import('../features/partner/DealsPage')), navKey: 'partner:nav.deals' },
  report: { page: lazy(() => import('../features/partner/ReportPage')), navKey: 'partner:nav.report' },
  alerts: { page: lazy(() => import('../features/partner/AlertsPage')), navKey: null },
  help: { page: lazy(() => import('../features/partner/HelpPage')), navKey: null },
  apply: { page: lazy(() => import('../features/partner/ApplyPage')), navKey: null },
};
