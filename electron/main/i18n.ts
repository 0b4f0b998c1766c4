/**
 * i18next for the main process (dialogs, notifications), from the shared catalogue, with the
 * renderer's settings: full literal keys 'namespace:key', Russian plural forms.
 */
import i18next, { type TFunction } from 'i18next';
import type { Lang } from '../../shared/i18n/index';
import { i18nOptions } from '../../shared/i18n/options';

const instances = new Map<Lang, TFunction>();

/** The translate function of one language (made once, synchronously). */
export function mainT(lang: Lang): TFunction {
  let t = instances.get(lang);
  if (!t) {
    const i = i18next.createInstance();
    void i.init(i18nOptions(lang));
    t = i.t;
    instances.set(lang, t);
  }
  return t;
}
