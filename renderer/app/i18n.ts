/**
 * i18next for the renderer, with the settings of shared/i18n/options.ts. Convention (checked by tests/unit/i18n):
 * every key is written in code as the full literal 'namespace:key', e.g. t('clients:count'),
 * so a scan of the sources finds every key used. Enum values map to literal keys (ui/labels.ts).
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { i18nOptions } from '../../shared/i18n/options';

export const i18n: I18n = i18next.createInstance();

export function initI18n(lng: Lang): I18n {
  void i18n.use(initReactI18next).init({ ...i18nOptions(lng), react: { useSuspense: false } });
  document.documentElement.lang = lng;
  return i18n;
}

export async function switchLanguage(lng: Lang): Promise<void> {
  await i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
}
