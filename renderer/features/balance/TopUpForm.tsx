/**
 * The top-up request to VK Cloud support, for any client (the partner documentation: a client's
 * balance is topped up on request, with the amount and the project's PID, regularly or once):
 * the project chosen from the client's projects, the amount, and the letter composed in the
 * manager's language to copy or open in the mail app. Used in place on a negative balance
 * (DebtHelper) and as a dialog from the client page and the client list's row menu (TopUpDialog).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CardOutput } from '../../../shared/contract/rpc/balance';
import { formatMoney, minorToDecimalString, parseMoney } from '../../../shared/domain/money';
import { SUPPORT_CONTACTS_URL, mailtoUrl } from '../../../shared/domain/links';
import { useLang } from '../../ui/format';
import { copyText } from '../../ui/files';
import { ProjectOptions } from './ProjectOptions';

/** The request's subject and body for these values, in the manager's language. */
export function topUpText(
  t: TFunction,
  v: { client: string; id: string; pid: string; amount: string },
): { subject: string; body: string } {
  return { subject: t('balance:debt.subject', v), body: t('balance:debt.body', v) };
}

export function TopUpForm({ card, suggestDebt = false }: { card: CardOutput; suggestDebt?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const cur = card.balance.currency;
  const [amountText, setAmountText] = useState(() => {
    if (!suggestDebt || card.balance.paymentMinor >= 0) return '';
    const s = minorToDecimalString(-card.balance.paymentMinor, cur);
    return lang === 'ru' ? s.replace('.', ',') : s;
  });
  const [pid, setPid] = useState(card.projects.find((p) => p.status === 'frozen')?.pid ?? card.projects[0]?.pid ?? '');
  const [copied, setCopied] = useState(false);
  const amount = parseMoney(amountText, cur);
  const client = card.client.name ?? card.client.email;
  const { subject, body } = topUpText(t, { client, id: card.client.id, pid, amount: amount !== null ? formatMoney(amount, cur, lang) : amountText });
  const valid = amount !== null && amount > 0 && pid !== '';
  if (card.projects.length === 0) return <p className="note" data-testid="topup-no-projects">{t('balance:topUp.noProjects')}</p>;
  return (
    <div className="topup" data-testid="topup">
      <label className="field">
        <span className="field-label">{t('balance:debt.project')}</span>
        <select value={pid} onChange={(e) => setPid(e.target.value)} data-testid="topup-pid">
          <ProjectOptions projects={card.projects} />
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('balance:topUp.amount', { currency: cur })}</span>
        <input
          type="text"
          inputMode="decimal"
          value={amountText}
          aria-invalid={amountText !== '' && (amount === null || amount <= 0)}
          onChange={(e) => setAmountText(e.target.value)}
          data-testid="topup-amount"
        />
      </label>
      <p className="note topup-note">{t('balance:topUp.note')}</p>
      <textarea className="topup-text" readOnly value={`${subject}\n\n${body}`} rows={7} aria-label={t('balance:topUp.text')} data-testid="topup-text" />
      <div className="topup-actions">
        <button
          type="button"
          className="btn btn-small"
          disabled={!valid}
          data-testid="topup-copy"
          onClick={() => {
            void copyText(`${subject}\n\n${body}`).then(() => setCopied(true));
          }}
        >
          {copied ? t('balance:card.copied') : t('balance:debt.copy')}
        </button>
        {valid ? (
          <a className="btn btn-small" href={mailtoUrl('', subject, body)} data-testid="topup-mail">
            {t('balance:debt.mail')}
          </a>
        ) : null}
        <a className="btn-link" href={SUPPORT_CONTACTS_URL} target="_blank" rel="noreferrer">
          {t('balance:topUp.contacts')}
        </a>
      </div>
    </div>
  );
}
