import { Suspense, useEffect, useRef } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { I18nProvider } from 'react-aria-components';
import { queryClient } from './queryClient';
import { i18n } from './i18n';
import { useCoreEvents } from './useCoreEvents';
import { useSettings } from './data';
import { applyLanguage } from './LanguageSwitch';
import { Header } from './Header';
import { Banners } from './Banners';
import { MachineBanners } from './MachineBanners';
import { routes } from './routes';
import { useNav, listenToHash, OPENED_WITHOUT_SCREEN } from '../state/nav';
import { usePrefs } from '../state/prefs';
import { Loading } from '../ui/States';
import { Toast } from '../ui/Toast';
import { CommandPalette } from '../features/palette/CommandPalette';
import { useLang } from '../ui/format';
import { ariaLocale } from '../ui/locale';

function Shell() {
  useCoreEvents();
  const settings = useSettings();
  const route = useNav((s) => s.route);
  const clientId = useNav((s) => s.clientId);
  const saved = settings.data?.language ?? null;
  const lang = useLang();

  useEffect(() => listenToHash(), []);
  // Opened without a screen in the address: the client list for those who prefer it to Home.
  // Decided once, when the settings first arrive (changing the preference later does not move the user).
  const startScreen = settings.data?.startScreen;
  const startDecided = useRef(false);
  useEffect(() => {
    if (startScreen === undefined || startDecided.current) return;
    startDecided.current = true;
    if (startScreen === 'clients' && OPENED_WITHOUT_SCREEN && useNav.getState().route === 'home' && location.hash === '') {
      history.replaceState(history.state, '', '#/clients');
      useNav.setState({ route: 'clients', clientId: null });
    }
  }, [startScreen]);
  // The saved language wins over the OS language the app started in.
  useEffect(() => {
    if (saved && saved !== usePrefs.getState().language) void applyLanguage(saved, false);
  }, [saved]);

  const def = routes[route];
  const Page = def.page as React.ComponentType<{ clientId?: string }>;
  return (
    <I18nProvider locale={ariaLocale(lang)}>
      <div className="app">
        <Header />
        <Banners />
        <MachineBanners />
        <main className="app-main">
          <Suspense fallback={<Loading />}>
            {route === 'client' && clientId ? <Page key={clientId} clientId={clientId} /> : <Page />}
          </Suspense>
        </main>
        <CommandPalette />
        <Toast />
      </div>
    </I18nProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <Shell />
      </I18nextProvider>
    </QueryClientProvider>
  );
}
