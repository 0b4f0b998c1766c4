import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickLanguage } from '../shared/i18n';
import { initI18n } from './app/i18n';
import { usePrefs } from './state/prefs';
import { App } from './app/App';
import { preloadRoute } from './app/routes';
import { queryClient } from './app/queryClient';
import { useNav } from './state/nav';
import { prefetchFirstPage } from './features/clients/useClientPages';
import { installLinkGuard } from './app/linkGuard';
import './styles/app.css';
import './styles/controls.css';

// First run follows the browser/OS language; the saved choice replaces it once settings load.
const lang = pickLanguage(null, navigator.languages ?? [navigator.language]);
usePrefs.getState().setLanguage(lang);
initI18n(lang);
installLinkGuard(document);

// The screen the app opens on: its rows are asked for at once, its code is in before the first render.
const { route } = useNav.getState();
if (route === 'clients') prefetchFirstPage(queryClient, usePrefs.getState().clientsView);

const root = document.getElementById('root');
const render = () => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
};
// A page that fails to load here renders lazily instead (and shows its error there).
preloadRoute(route).then(render, render);
