/**
 * A negative payment balance explained in place, with a helper that composes the top-up request
 * to VK Cloud support (client, project PID, amount) to copy or to open in the mail app.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardOutput } from '../../../shared/contract/rpc/balance';
import { formatMoney, minorToDecimalString, parseMoney } from '../../../shared/domain/money';
import { useLang } from '../../ui/format';
import { helpLink } from '../partner/helpLink';
import { copyText } from '../../ui/files';

export function DebtHelper({ card }: { card: CardOutput }) {
  const { t } = useTranslation();
  const lang = useLang();
  const cur = card.balance.currency;
  const [open, setOpen] = useState(false);
  const [amountText, setAmountText] = useState(() => {
    const s = minorToDecimalString(-card.balance.paymentMinor, cur);
    return lang === 'ru' ? s.replace('.', ',') : s;
  });
  const [pid, setPid] = useState(card.projects.find((p) => p.status === 'frozen')?.pid ?? card.projects[0]?.pid ?? '');
  const [copied, setCopied] = useState(false);
  const amount = parseMoney(amountText, cur);
  const client = card.client.name ?? card.client.email;
  const vars = { client, id: card.client.id, pid, amount: amount !== null ? formatMoney(amount, cur, lang) : amountText };
  const subject = t('balance:debt.subject', vars);
  const body = t('balance:debt.body', vars);
  const valid = amount !== null && amount > 0 && pid !== '';
  const mailto = `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return (
    <div className="debt" role="note" data-testid="debt">
      <div className="debt-title">{t('balance:debt.title')}</div>
      <p className="debt-text">
        {t('balance:debt.explain')}{' '}
        <a href={helpLink('debt')} data-testid="debt-help">
          {t('balance:debt.help')}
        </a>
      </p>
      <button type="button" className="btn btn-small" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="topup-open">
        {t('balance:debt.request')}
      </button>
      {open ? (
        <div className="topup" data-testid="topup">
          <label className="field">
            <span className="field-label">{t('balance:debt.amount')}</span>
            <input type="text" inputMode="decimal" value={amountText} aria-invalid={amount === null || amount <= 0} onChange={(e) => setAmountText(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('balance:debt.project')}</span>
            <select value={pid} onChange={(e) => setPid(e.target.value)}>
              {card.projects.map((p) => (
                <option key={p.pid} value={p.pid}>
                  {`${p.pid} · ${p.name}`}
                </option>
              ))}
            </select>
          </label>
          <textarea className="topup-text" readOnly value={`${subject}\n\n${body}`} rows={7} data-testid="topup-text" />
          <div className="topup-actions">
            <button
              type="button"
              className="btn btn-small"
              disabled={!valid}
              onClick={() => {
                void copyText(`${subject}\n\n${body}`).then(() => {
                  setCopied(true);
                  setTimeout(() => setCopied(false), 1500);
                });
              }}
            >
              {copied ? t('balance:card.copied') : t('balance:debt.copy')}
            </button>
            {valid ? (
              <a className="btn btn-small" href={mailto}>
                {t('balance:debt.mail')}
              </a>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
