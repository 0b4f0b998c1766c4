/**
 * Become a partner: name, email, phone, company, message; email and phone checked as the user
 * types (once a field was touched) and on submit, with shared/domain/validation. With a platform
 * connected it is sent through the core (`partner.apply`) to that platform's public endpoint.
 * With none (or when the core answers 'not_configured') nothing is posted: the screen offers the
 * partner program page and the application composed as a letter to the partner mailbox.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { LIMITS } from '../../../shared/contract/platform';
import { checkEmail, checkPhone, checkText } from '../../../shared/domain/validation';
import { formatDateTime } from '../../../shared/i18n/format';
import { errorText, fieldMessage } from '../../ui/errors';
import { useLang } from '../../ui/format';
import { useConnectivityState, useRegion } from '../../app/data';
import { TextField } from '../../ui/TextField';
import { copyText } from '../../ui/files';
import { PARTNER_MAILBOX, PARTNER_PROGRAM_URL, SUPPORT_CONTACTS_URL } from '../../../shared/domain/links';
import { applicationLetter, type Application } from './applicationText';
import { helpLink } from './helpLink';
import { APPLY_LABEL_KEY } from './labels';
import './partner.css';

type Field = 'name' | 'email' | 'phone' | 'company' | 'message';
const FIELDS: Field[] = ['name', 'email', 'phone', 'company', 'message'];

function check(f: Field, v: string): string | null {
  switch (f) {
    case 'name':
      return checkText(v, LIMITS.name, true);
    case 'email':
      return checkEmail(v);
    case 'phone':
      return checkPhone(v, true);
    case 'company':
      return checkText(v, LIMITS.company, true);
    case 'message':
      return checkText(v, LIMITS.message);
  }
}

export default function ApplyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { zone } = useRegion();
  const empty: Record<Field, string> = { name: '', email: '', phone: '', company: '', message: '' };
  const [values, setValues] = useState(empty);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [remote, setRemote] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState<{ id: string; receivedAt: string } | null>(null);
  const [letter, setLetter] = useState<Application | null>(null);
  const [copied, setCopied] = useState(false);
  const connected = useConnectivityState() !== 'not_configured';

  const errorOf = (f: Field): string | null => {
    const r = remote[f];
    if (r) return fieldMessage(t, r);
    if (!touched[f]) return null;
    const local = check(f, values[f]);
    return local ? fieldMessage(t, local) : null;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched({ name: true, email: true, phone: true, company: true, message: true });
    if (FIELDS.some((f) => check(f, values[f]))) return;
    setFormError(null);
    if (!connected) {
      setLetter({ ...values });
      return;
    }
    setBusy(true);
    try {
      setSent(await call('partner.apply', { ...values }));
      setValues(empty);
      setTouched({});
    } catch (err) {
      const fields = (err as { fields?: Record<string, string> }).fields;
      if ((err as { code?: string }).code === 'not_configured') setLetter({ ...values });
      else if (fields && Object.keys(fields).some((k) => (FIELDS as string[]).includes(k))) setRemote(fields as Partial<Record<Field, string>>);
      else setFormError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  const notes = (
    <div className="alert alert-info" data-testid="apply-note">
      <div>{t('partner:apply.note48h')}</div>
      <div>
        {t('partner:apply.noAnswer')}{' '}
        <a href={SUPPORT_CONTACTS_URL} target="_blank" rel="noreferrer">
          {t('partner:apply.contacts')}
        </a>
        {' · '}
        <a href={`mailto:${PARTNER_MAILBOX}`}>{PARTNER_MAILBOX}</a>
      </div>
    </div>
  );
  const mail = letter ? applicationLetter(t, letter) : null;

  return (
    <div className="page page-scroll" data-testid="page-apply">
      <div className="page-head">
        <h1 className="page-title">{t('partner:apply.title')}</h1>
      </div>
      <p className="pt-intro">{t('partner:apply.intro')}</p>
      {mail ? (
        <div className="card stack pt-narrow" role="status" data-testid="apply-letter">
          <h2>{t('partner:apply.offlineTitle')}</h2>
          <p>{t('partner:apply.offlineBody', { mailbox: PARTNER_MAILBOX })}</p>
          <textarea className="pt-letter" readOnly rows={10} value={`${mail.subject}\n\n${mail.body}`} aria-label={t('partner:apply.offlineTitle')} data-testid="apply-letter-text" />
          <div className="button-row">
            <a className="btn btn-primary" href={PARTNER_PROGRAM_URL} target="_blank" rel="noreferrer" data-testid="apply-program">
              {t('partner:apply.openProgram')}
            </a>
            <a className="btn" href={mail.mailto} data-testid="apply-mailto">
              {t('partner:apply.mailIt', { mailbox: PARTNER_MAILBOX })}
            </a>
            <button
              type="button"
              className="btn"
              onClick={() => void copyText(`${mail.subject}\n\n${mail.body}`).then(() => setCopied(true))}
              data-testid="apply-copy"
            >
              {copied ? t('partner:apply.copied') : t('partner:apply.copy')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setLetter(null);
                setCopied(false);
              }}
            >
              {t('partner:apply.edit')}
            </button>
          </div>
          {notes}
        </div>
      ) : sent ? (
        <div className="card stack pt-narrow" role="status" data-testid="apply-sent">
          <h2>{t('partner:apply.sentTitle')}</h2>
          <div>{t('partner:apply.sentBody', { id: sent.id, when: formatDateTime(sent.receivedAt, lang, zone) })}</div>
          {notes}
          <div className="button-row">
            <button type="button" className="btn" onClick={() => setSent(null)}>
              {t('partner:apply.another')}
            </button>
          </div>
        </div>
      ) : (
        <form className="card stack pt-narrow" onSubmit={submit} noValidate data-testid="apply-form">
          <div className="pt-form">
            {FIELDS.map((f) => (
              <div key={f} className={f === 'message' ? 'pt-wide' : undefined}>
                <TextField
                  id={`apply-${f}`}
                  name={f}
                  label={t(APPLY_LABEL_KEY[f])}
                  type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
                  autoComplete={f === 'email' ? 'email' : f === 'phone' ? 'tel' : f === 'name' ? 'name' : f === 'company' ? 'organization' : 'off'}
                  multiline={f === 'message'}
                  value={values[f]}
                  error={errorOf(f)}
                  hint={f === 'message' ? t('partner:apply.messageHint') : undefined}
                  onChange={(v) => {
                    setValues((s) => ({ ...s, [f]: v }));
                    setRemote((r) => ({ ...r, [f]: undefined }));
                    if (v.trim()) setTouched((s) => ({ ...s, [f]: true }));
                  }}
                  onBlur={() => setTouched((s) => ({ ...s, [f]: true }))}
                />
              </div>
            ))}
          </div>
          {notes}
          {formError ? (
            <div className="alert alert-error" role="alert">
              {formError}
            </div>
          ) : null}
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="apply-submit">
              {busy ? t('partner:apply.sending') : connected ? t('partner:apply.submit') : t('partner:apply.compose')}
            </button>
            <a href={helpLink('become')}>{t('partner:apply.faqLink')}</a>
          </div>
        </form>
      )}
    </div>
  );
}
