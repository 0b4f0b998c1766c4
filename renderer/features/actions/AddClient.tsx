/**
 * "Add client": email (required), name, phone, identifier, each checked as the user types (after the
 * field was touched) and on submit with shared/domain/validation; the platform's refusals (the client
 * exists, an invalid field) are shown on the field. An identifier means the client already has a
 * VK Cloud account: the manager confirms the warning (all their projects move to the partner, they
 * then pay only through the partner) before it is sent. On success the client is already in the list
 * as invited (the core writes it to the cache before answering); offline the invitation is queued.
 * Either way the dialog then says what the client receives (InviteEmailNote).
 */
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { LIMITS } from '../../../shared/contract/platform';
import { checkEmail, checkPhone, checkText } from '../../../shared/domain/validation';
import { errorText, fieldMessage } from '../../ui/errors';
import { Dialog } from '../../ui/Dialog';
import { useToast } from '../../ui/Toast';

/** What the invited client receives: the email's subject and where to look when it is not in the Inbox. */
export function InviteEmailNote({ testId = 'invite-email-note' }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <p className="alert alert-info" data-testid={testId}>
      {t('actions:invite.emailNote', { subject: t('actions:invite.emailSubject') })}
    </p>
  );
}

type Field = 'email' | 'name' | 'phone' | 'externalId';
const FIELDS: Field[] = ['email', 'name', 'phone', 'externalId'];

function check(f: Field, v: string): string | null {
  if (f === 'email') return checkEmail(v);
  if (f === 'phone') return checkPhone(v);
  if (f === 'name') return checkText(v, LIMITS.name);
  return checkText(v, LIMITS.externalId);
}

export function AddClientButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button type="button" className="btn btn-primary" data-testid="add-client" onClick={() => setOpen(true)}>
        {t('actions:invite.open')}
      </button>
      {open ? <AddClientDialog onClose={close} /> : null}
    </>
  );
}

export function AddClientDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [values, setValues] = useState<Record<Field, string>>({ email: '', name: '', phone: '', externalId: '' });
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  /** Reasons from the platform, cleared when the user edits the field. */
  const [remote, setRemote] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The identifier's warning, confirmed by the manager. */
  const [warned, setWarned] = useState(false);
  const [warnMissing, setWarnMissing] = useState(false);
  /** After sending: the email it went to, and whether it waits for the connection. */
  const [sent, setSent] = useState<{ email: string; queued: boolean } | null>(null);
  const existing = values.externalId.trim() !== '';

  const errorOf = (f: Field): string | null => {
    const r = remote[f];
    if (r) return fieldMessage(t, r);
    if (!touched[f]) return null;
    const local = check(f, values[f]);
    return local ? fieldMessage(t, local) : null;
  };

  const labels: Record<Field, string> = {
    email: t('actions:invite.email'),
    name: t('actions:invite.name'),
    phone: t('actions:invite.phone'),
    externalId: t('actions:invite.externalId'),
  };
  const hints: Partial<Record<Field, string>> = {
    email: t('actions:invite.emailHint'),
    phone: t('actions:invite.phoneHint'),
    externalId: t('actions:invite.externalIdHint'),
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched({ email: true, name: true, phone: true, externalId: true });
    if (FIELDS.some((f) => check(f, values[f]))) return;
    if (existing && !warned) {
      setWarnMissing(true);
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const r = await call('clients.invite', {
        email: values.email.trim(),
        ...(values.name.trim() ? { name: values.name.trim() } : {}),
        ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
        ...(values.externalId.trim() ? { externalId: values.externalId.trim() } : {}),
      });
      const email = r.queued ? r.invitation.email : r.client.email;
      toast({ key: r.queued ? 'actions:invite.queued' : 'actions:invite.done', params: { email } });
      setSent({ email, queued: r.queued });
    } catch (err) {
      const fields = (err as { fields?: Record<string, string> }).fields;
      if (fields && Object.keys(fields).some((k) => (FIELDS as string[]).includes(k))) {
        setRemote(fields as Partial<Record<Field, string>>);
      } else {
        setFormError(errorText(t, err));
      }
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <Dialog
        title={t('actions:invite.title')}
        onClose={onClose}
        testId="add-client-dialog"
        footer={
          <button type="button" className="btn btn-primary" data-testid="invite-close" onClick={onClose}>
            {t('actions:invite.close')}
          </button>
        }
      >
        <p role="status" data-testid="invite-sent" data-queued={sent.queued ? 'true' : 'false'}>
          {t(sent.queued ? 'actions:invite.queued' : 'actions:invite.done', { email: sent.email })}
        </p>
        <InviteEmailNote />
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('actions:invite.title')}
      onClose={onClose}
      testId="add-client-dialog"
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            {t('actions:invite.cancel')}
          </button>
          <button type="submit" form="invite-form" className="btn btn-primary" disabled={busy}>
            {busy ? t('actions:invite.sending') : t('actions:invite.submit')}
          </button>
        </>
      }
    >
      <p className="note">{t('actions:invite.intro')}</p>
      <form id="invite-form" className="form form-tight" onSubmit={submit} noValidate>
        {FIELDS.map((f) => {
          const err = errorOf(f);
          const id = `invite-${f}`;
          return (
            <div className="field" key={f}>
              <label htmlFor={id}>{labels[f]}</label>
              <input
                id={id}
                name={f}
                type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
                autoComplete="off"
                value={values[f]}
                aria-invalid={err ? 'true' : 'false'}
                aria-describedby={`${id}-msg`}
                onChange={(e) => {
                  const v = e.target.value;
                  setValues((s) => ({ ...s, [f]: v }));
                  setRemote((r) => ({ ...r, [f]: undefined }));
                  if (v.trim()) setTouched((s) => ({ ...s, [f]: true }));
                }}
                onBlur={() => setTouched((s) => ({ ...s, [f]: true }))}
              />
              <span id={`${id}-msg`} className={err ? 'field-error' : 'field-hint'} data-testid={`${f}-msg`}>
                {err ?? hints[f] ?? ''}
              </span>
            </div>
          );
        })}
        {existing ? (
          <div className="alert alert-warn" data-testid="invite-existing-warning">
            <p id="invite-existing-text">{t('actions:invite.existingWarning')}</p>
            <label className="check">
              <input
                type="checkbox"
                data-testid="invite-existing-confirm"
                checked={warned}
                aria-describedby="invite-existing-text"
                aria-invalid={warnMissing && !warned ? 'true' : 'false'}
                onChange={(e) => {
                  setWarned(e.target.checked);
                  setWarnMissing(false);
                }}
              />{' '}
              {t('actions:invite.existingConfirm')}
            </label>
            {warnMissing && !warned ? (
              <div className="field-error" role="alert" data-testid="invite-existing-missing">
                {t('actions:invite.existingRequired')}
              </div>
            ) : null}
          </div>
        ) : null}
        {formError ? (
          <div className="alert alert-warn" role="alert">
            {formError}
          </div>
        ) : null}
      </form>
    </Dialog>
  );
}
