/**
 * "Your local data": export the audit log, alert rules, preferences, unsent actions and queued
 * invitations to one file, import such a file (checked by the core; a bad file changes nothing),
 * and the daily copies.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { saveFile } from '../../ui/files';
import { errorText } from '../../ui/errors';
import { useHealth } from '../../app/health';
import { ForgetPartner } from './ForgetPartner';

export function LocalDataSection() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const health = useHealth();
  const fileInput = useRef<HTMLInputElement>(null);
  const [added, setAdded] = useState<string | null>(null);
  const exp = useMutation({ mutationFn: () => call('localData.export', {}), onSuccess: (f) => saveFile(f) });
  const imp = useMutation({
    mutationFn: (text: string) => call('localData.import', { text }),
    onSuccess: ({ added: a }) => {
      setAdded(
        t('reliability:local.imported', {
          actions: t('reliability:rebuilt.actions', { count: a.pendingActions }),
          invites: t('reliability:rebuilt.invites', { count: a.pendingInvitations }),
          audit: t('reliability:rebuilt.audit', { count: a.auditEntries }),
          rules: t('reliability:rebuilt.rules', { count: a.alertRules }),
          prefs: t('reliability:rebuilt.prefs', { count: a.preferences }),
        }),
      );
      void qc.invalidateQueries();
    },
  });
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    setAdded(null);
    imp.mutate(await f.text());
  };
  const b = health.data?.backups;
  return (
    <section className="card form" data-testid="local-data">
      <h2 className="card-title">{t('reliability:local.title')}</h2>
      <p className="hint">{t('reliability:local.hint')}</p>
      <div className="button-row">
        <button type="button" className="btn" onClick={() => exp.mutate()} disabled={exp.isPending} data-testid="local-export">
          {t('reliability:local.export')}
        </button>
        <button type="button" className="btn" onClick={() => fileInput.current?.click()} disabled={imp.isPending} data-testid="local-import">
          {t('reliability:local.import')}
        </button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden onChange={(e) => void pick(e)} data-testid="local-import-file" />
      </div>
      {exp.error ? <p className="field-error" role="alert">{errorText(t, exp.error)}</p> : null}
      {imp.error ? (
        <p className="field-error" role="alert" data-testid="local-import-error">
          {errorText(t, imp.error)}
        </p>
      ) : null}
      {added ? (
        <p className="ok" role="status" data-testid="local-import-done">
          {added}
        </p>
      ) : null}
      <p className="hint" data-testid="local-backups">
        {b && b.count > 0 && b.latest
          ? t('reliability:local.backups', { count: b.count, latest: b.latest.replace(/^local-data-|\.json$/g, '') })
          : t('reliability:local.noBackups')}
      </p>
      <ForgetPartner />
    </section>
  );
}
