/** The name of a new or renamed view, and the question before a view is deleted. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';

export const VIEW_NAME_MAX = 80;

export function ViewNameDialog({ title, initial, onSave, onClose }: { title: string; initial: string; onSave(name: string): Promise<unknown>; onClose(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const v = name.trim();
    if (v === '') return setError(t('clients:views.nameRequired'));
    if (v.length > VIEW_NAME_MAX) return setError(t('clients:views.nameTooLong', { max: VIEW_NAME_MAX }));
    setBusy(true);
    try {
      await onSave(v);
      onClose();
    } catch {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="view-name-dialog"
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            {t('clients:views.cancel')}
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} data-testid="view-name-save" onClick={() => void submit()}>
            {t('clients:views.save')}
          </button>
        </>
      }
    >
      <form onSubmit={(e) => void submit(e)}>
        <TextField
          id="view-name"
          label={t('clients:views.name')}
          value={name}
          maxLength={VIEW_NAME_MAX + 20}
          error={error}
          data-testid="view-name-input"
          onChange={(v) => {
            setName(v);
            setError(null);
          }}
        />
      </form>
    </Dialog>
  );
}

export function DeleteViewDialog({ label, onConfirm, onClose }: { label: string; onConfirm(): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('clients:views.deleteTitle')}
      onClose={onClose}
      testId="view-delete-dialog"
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            {t('clients:views.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            data-testid="view-delete-confirm"
            onClick={() => {
              onConfirm();
              onClose();
            }}
          >
            {t('clients:views.delete')}
          </button>
        </>
      }
    >
      <p>{t('clients:views.deleteQuestion', { name: label })}</p>
    </Dialog>
  );
}
