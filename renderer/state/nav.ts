/**
 * Navigation: the current route and its parameter, mirrored in location.hash (#/clients,
 * #/client/<id>, #/settings) so a reload or a test can open a screen directly. No hash: the start
 * screen (Home; App switches to the client list when the user prefers it).
 */
import { create } from 'zustand';

export const ROUTE_NAMES = ['home', 'clients', 'client', 'invitations', 'audit', 'settings', 'help', 'apply', 'report', 'deals', 'alerts'] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];

export interface NavState {
  route: RouteName;
  /** The selected client (route `client`). */
  clientId: string | null;
  go(route: RouteName, params?: { clientId?: string }): void;
}

export function parseHash(hash: string): { route: RouteName; clientId: string | null } {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const name = parts[0] ?? '';
  const route = (ROUTE_NAMES as readonly string[]).includes(name) ? (name as RouteName) : name === '' ? 'home' : 'clients';
  if (route === 'client') {
    const id = parts[1] ? decodeURIComponent(parts[1]) : '';
    return id ? { route, clientId: id } : { route: 'clients', clientId: null };
  }
  return { route, clientId: null };
}

export function toHash(route: RouteName, clientId: string | null): string {
  return route === 'client' && clientId ? `#/client/${encodeURIComponent(clientId)}` : `#/${route}`;
}

const initial = typeof location === 'undefined' ? { route: 'home' as RouteName, clientId: null } : parseHash(location.hash);
/** Whether the app was opened without a screen in the address (the start screen applies). */
export const OPENED_WITHOUT_SCREEN = typeof location === 'undefined' || location.hash.replace(/^#\/?/, '') === '';

export const useNav = create<NavState>((set) => ({
  ...initial,
  go(route, params) {
    const clientId = route === 'client' ? (params?.clientId ?? null) : null;
    set({ route, clientId });
    if (typeof location !== 'undefined') {
      const h = toHash(route, clientId);
      if (location.hash !== h) history.pushState(null, '', h);
    }
  },
}));

/** Follows the browser's back and forward buttons. */
export function listenToHash(): () => void {
  const on = () => useNav.setState(parseHash(location.hash));
  window.addEventListener('popstate', on);
  window.addEventListener('hashchange', on);
  return () => {
    window.removeEventListener('popstate', on);
    window.removeEventListener('hashchange', on);
  };
}
