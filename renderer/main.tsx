import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickLanguage } from '../shared/i18n';
import { initI18n } from './app/i18n';
import { usePrefs } from './state/prefs';
import { App } from './app/App';
import './styles/app.css';
import './styles/controls.css';

// First run follows the browser/OS language; the saved choice replaces it once settings load.
const lang = pickLanguage(null, navigator.languages ?? [navigator.language]);
usePrefs.getState().setLanguage(lang);
initI18n(lang);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
