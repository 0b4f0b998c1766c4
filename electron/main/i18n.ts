/**
 * i18next for the main process (dialogs, notifications), from the shared catalogue, with the
 * renderer's settings: full literal keys 'namespace:key', Russian plural forms.
 */
import i18next, { type TFunction } from 'i18next';
import { NAMESPACES, resources, type Lang } from '../../shared/i18n/index';

const instances = new Map<Lang, TFunction>();

/** The translate function of one language (made once, synchronously). */
export function mainT(lang: Lang): TFunction {
  let t = instances.get(lang);
  if (!t) {
    const i = i18next.createInstance();
    void i.init({
      resources,
      lng: lang,
      ns: [...NAMESPACES],
      defaultNS: 'common',
      nsSeparator: ':',
      keySeparator: '.',
      fallbackLng: false,
      returnNull: false,
      returnEmptyString: false,
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    t = i.t;
    instances.set(lang, t);
  }
  return t;
}
