/** RU / EN: switches every label at once and saves the choice. */
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge';
import { LANGUAGES, type Lang } from '../../shared/i18n';
import { usePrefs } from '../state/prefs';
import { switchLanguage } from './i18n';
import { settingsKey } from './data';

const LANG_KEY: Record<Lang, string> = { ru: 'common:language.ru', en: 'common:language.en' };
const LANG_SHORT_KEY: Record<Lang, string> = { ru: 'common:language.ruShort', en: 'common:language.enShort' };

export async function applyLanguage(lang: Lang, save: boolean, qc?: ReturnType<typeof useQueryClient>): Promise<void> {
  usePrefs.getState().setLanguage(lang);
  await switchLanguage(lang);
  if (save) {
    const settings = await call('settings.update', { language: lang });
    qc?.setQueryData(settingsKey, settings);
  }
}

export function LanguageSwitch() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const current = usePrefs((s) => s.language);
  return (
    <div className="lang-switch" role="group" aria-label={t('common:language.label')}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          className={l === current ? 'lang active' : 'lang'}
          aria-pressed={l === current}
          title={t(LANG_KEY[l])}
          data-testid={`lang-${l}`}
          onClick={() => void applyLanguage(l, true, qc).catch(() => undefined)}
        >
          {t(LANG_SHORT_KEY[l])}
        </button>
      ))}
    </div>
  );
}
