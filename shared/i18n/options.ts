/**
 * The i18next settings every process shares: the shared catalogue, full literal keys
 * 'namespace:key', no fallback language (a missing key shows as the raw key, which the i18n walk
 * test catches), plain strings (React and the main process escape for themselves).
 */
import type { InitOptions } from 'i18next';
import { NAMESPACES, resources, type Lang } from './index';

export function i18nOptions(lng: Lang): InitOptions {
  return {
    resources,
    lng,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    nsSeparator: ':',
    keySeparator: '.',
    fallbackLng: false,
    returnNull: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  };
}
