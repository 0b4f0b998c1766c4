/**
 * The locale React Aria reads for the app's language: Russian, or British English so that English
 * dates are day-first and weeks start on Monday like the rest of the app (shared/i18n/format).
 */
import type { Lang } from '../../shared/i18n';

export function ariaLocale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'ru-RU';
}
