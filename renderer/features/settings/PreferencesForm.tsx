/** Language, sync interval and the offline ledger window. */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import type { Settings } from '../../../shared/contract/rpc/app';
import { LANGUAGES, type Lang } from '../../../shared/i18n';
import { settingsKey } from '../../app/data';
import { applyLanguage } from '../../app/LanguageSwitch';
import { usePrefs } from '../../state/prefs';
import { errorText, fieldErrors, fieldMessage } from '../../ui/errors';
import { parseIntField } from './validate';

const LANG_KEY: Record<Lang, string> = { ru: 'common:language.ru', en: 'common:language.en' };

export function PreferencesForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const language = usePrefs((s) => s.language);
  const [interval, setIntervalText] = useState(String(settings.syncIntervalMin));
  const [ledger, setLedger] = useState(String(settings.ledgerWindowMonths));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const save = useMutation({
    mutationFn: (patch: { syncIntervalMin: number; ledgerWindowMonths: number }) => call('settings.update', patch),
    onSuccess: (s) => {
      qc.setQueryData(settingsKey, s);
      setDone(true);
    },
    onError: (e) => setErrors(fieldErrors(t, e)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const a = parseIntField(interval, 1, 1440);
    const b = parseIntField(ledger, 0, 120);
    const errs: Record<string, string> = {};
    if ('reason' in a) errs.syncIntervalMin = fieldMessage(t, a.reason);
    if ('reason' in b) errs.ledgerWindowMonths = fieldMessage(t, b.reason);
    setErrors(errs);
    if ('value' in a && 'value' in b) save.mutate({ syncIntervalMin: a.value, ledgerWindowMonths: b.value });
  };

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="prefs-form">
      <h2 className="card-title">{t('settings:prefs.title')}</h2>
      <label className="field">
        <span className="field-label">{t('settings:prefs.language')}</span>
        <select
          value={language}
          data-testid="prefs-language"
          onChange={(e) => void applyLanguage(e.target.value === 'en' ? 'en' : 'ru', true, qc).catch(() => undefined)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(LANG_KEY[l])}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('settings:prefs.syncInterval')}</span>
        <span className="with-unit">
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            value={interval}
            aria-invalid={errors.syncIntervalMin ? true : undefined}
            onChange={(e) => setIntervalText(e.target.value)}
            data-testid="prefs-interval"
          />
          <span className="unit">{t('settings:prefs.minutesUnit')}</span>
        </span>
        <span className="hint">{t('settings:prefs.syncIntervalHint')}</span>
        {errors.syncIntervalMin ? <span className="field-error" role="alert">{errors.syncIntervalMin}</span> : null}
      </label>
      <label className="field">
        <span className="field-label">{t('settings:prefs.ledgerWindow')}</span>
        <span className="with-unit">
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            value={ledger}
            aria-invalid={errors.ledgerWindowMonths ? true : undefined}
            onChange={(e) => setLedger(e.target.value)}
            data-testid="prefs-ledger"
          />
          <span className="unit">{t('settings:prefs.monthsUnit')}</span>
        </span>
        <span className="hint">{t('settings:prefs.ledgerWindowHint')}</span>
        {errors.ledgerWindowMonths ? <span className="field-error" role="alert">{errors.ledgerWindowMonths}</span> : null}
      </label>
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="prefs-save">
          {t('settings:prefs.save')}
        </button>
        {done ? <span className="ok" role="status">{t('settings:saved')}</span> : null}
        {save.error && Object.keys(errors).length === 0 ? <span className="field-error" role="alert">{errorText(t, save.error)}</span> : null}
      </div>
    </form>
  );
}
