/** The platform connection: demo, VK Cloud (two addresses) or a custom URL, with its token. */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { ConnectionKind, type Settings } from '../../../shared/contract/rpc/app';
import { settingsKey } from '../../app/data';
import { CONNECTION_KEY } from '../../ui/labels';
import { errorText, fieldErrors, fieldMessage } from '../../ui/errors';
import { presetUrl, validateConnection, type ConnectionDraft } from './validate';

export function ConnectionForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const saved = settings.connection;
  const [draft, setDraft] = useState<ConnectionDraft>({
    kind: saved.kind,
    url: saved.kind === 'custom' ? (saved.url ?? '') : '',
    token: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const save = useMutation({
    mutationFn: (d: ConnectionDraft) =>
      call('connection.set', {
        kind: d.kind,
        ...(d.kind === 'custom' ? { url: d.url.trim() } : {}),
        ...(d.token.trim() ? { token: d.token.trim() } : {}),
      }),
    onSuccess: (s) => {
      qc.setQueryData(settingsKey, s);
      void qc.invalidateQueries({ queryKey: ['sync'] });
      void qc.invalidateQueries({ queryKey: ['platform'] });
      setDraft((d) => ({ ...d, token: '' }));
      setDone(true);
    },
    onError: (e) => setErrors(fieldErrors(t, e)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const reasons = validateConnection(draft, saved);
    const shown: Record<string, string> = {};
    for (const [f, r] of Object.entries(reasons)) shown[f] = fieldMessage(t, r);
    setErrors(shown);
    if (Object.keys(shown).length === 0) save.mutate(draft);
  };
  const set = (patch: Partial<ConnectionDraft>) => {
    setDone(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const preset = presetUrl(draft.kind);
  const tokenSaved = saved.hasToken && saved.kind === draft.kind;

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="connection-form">
      <h2 className="card-title">{t('settings:connection.title')}</h2>
      <fieldset className="field">
        <legend className="field-label">{t('settings:connection.kindLabel')}</legend>
        <div className="radios">
          {ConnectionKind.options.map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="kind" value={k} checked={draft.kind === k} onChange={() => set({ kind: k })} data-testid={`conn-${k}`} />
              <span>{t(CONNECTION_KEY[k])}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {draft.kind === 'demo' ? <p className="hint">{t('settings:connection.demoHint')}</p> : null}
      {preset ? (
        <div className="field">
          <span className="field-label">{t('settings:connection.url')}</span>
          <code className="url">{preset}</code>
        </div>
      ) : null}
      {draft.kind === 'custom' ? (
        <label className="field">
          <span className="field-label">{t('settings:connection.url')}</span>
          <input
            type="url"
            value={draft.url}
            maxLength={500}
            placeholder={t('settings:connection.urlPlaceholder')}
            aria-invalid={errors.url ? true : undefined}
            onChange={(e) => set({ url: e.target.value })}
            data-testid="conn-url"
          />
          {errors.url ? <span className="field-error" role="alert">{errors.url}</span> : null}
        </label>
      ) : null}
      {draft.kind !== 'demo' ? (
        <label className="field">
          <span className="field-label">{t('settings:connection.token')}</span>
          <input
            type="password"
            autoComplete="off"
            value={draft.token}
            maxLength={500}
            placeholder={tokenSaved ? t('settings:connection.tokenSaved') : t('settings:connection.tokenPlaceholder')}
            aria-invalid={errors.token ? true : undefined}
            onChange={(e) => set({ token: e.target.value })}
            data-testid="conn-token"
          />
          <span className="hint">{t('settings:connection.tokenHint')}</span>
          {errors.token ? <span className="field-error" role="alert">{errors.token}</span> : null}
        </label>
      ) : null}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="conn-save">
          {t('settings:connection.save')}
        </button>
        {done ? <span className="ok" role="status">{t('settings:saved')}</span> : null}
        {save.error && Object.keys(errors).length === 0 ? <span className="field-error" role="alert">{errorText(t, save.error)}</span> : null}
      </div>
    </form>
  );
}
