/**
 * i18next for the renderer, from the shared catalogue. Convention (checked by tests/unit/i18n):
 * every key is written in code as the full literal 'namespace:key', e.g. t('clients:count'),
 * so a scan of the sources finds every key used. Enum values map to literal keys (ui/labels.ts).
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { NAMESPACES, resources, type Lang } from '../../shared/i18n';

export const i18n: I18n = i18next.createInstance();

export function initI18n(lng: Lang): I18n {
  void i18n.use(initReactI18next).init({
    resources,
    lng,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    nsSeparator: ':',
    keySeparator: '.',
    // A missing key shows as the raw key, which the i18n walk test catches.
    fallbackLng: false,
    returnNull: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    initAsync: false,
  });
  document.documentElement.lang = lng;
  return i18n;
}

export async function switchLanguage(lng: Lang): Promise<void> {
  await i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
}
