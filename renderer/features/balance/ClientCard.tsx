/** The client card: who the client is, their projects (PID copies on click) and the balance "as of". */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardOutput } from '../../../shared/contract/rpc/balance';
import { formatDateTime } from '../../../shared/i18n/format';
import { formatMoney } from '../../../shared/domain/money';
import { Money, useLang } from '../../ui/format';
import { copyText } from '../../ui/files';
import { DebtHelper } from './DebtHelper';
import { MODEL_KEY, PROJECT_STATUS_KEY, STATUS_KEY } from './labels';

function Field({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="bal-field" data-testid={testId}>
      <div className="bal-label">{label}</div>
      <div className="bal-value">{children}</div>
    </div>
  );
}

function PidButton({ pid }: { pid: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="pid"
      title={t('balance:card.copyPid', { pid })}
      aria-label={t('balance:card.copyPid', { pid })}
      data-testid="pid"
      onClick={() => {
        void copyText(pid).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      <code>{pid}</code>
      {copied ? <span className="pid-copied">{t('balance:card.copied')}</span> : null}
    </button>
  );
}

function Forecast({ card }: { card: CardOutput }) {
  const { t } = useTranslation();
  const lang = useLang();
  const f = card.forecast;
  let text: string;
  if (!f) text = t('balance:forecast.none');
  else if (f.days === 0) text = t('balance:forecast.zero');
  else text = t('balance:forecast.days', { count: f.days });
  return (
    <Field label={t('balance:forecast.title')} testId="forecast">
      <span className={f && f.days <= 7 ? 'forecast-warn' : undefined}>{text}</span>
      {f ? <div className="muted small">{t('balance:forecast.avg', { amount: formatMoney(f.avgDailySpendMinor, card.balance.currency, lang) })}</div> : null}
    </Field>
  );
}

export function ClientCard({ card }: { card: CardOutput }) {
  const { t } = useTranslation();
  const lang = useLang();
  const c = card.client;
  const b = card.balance;
  return (
    <section className="card bal-card" data-testid="client-card">
      <div className="bal-grid">
        <Field label={t('balance:card.id')}>
          <code>{c.id}</code>
        </Field>
        <Field label={t('balance:card.email')}>{c.email}</Field>
        <Field label={t('balance:card.phone')}>{c.phone ?? '—'}</Field>
        <Field label={t('balance:card.identifier')}>{c.externalId ?? '—'}</Field>
        <Field label={t('balance:card.status')}>
          <span className={`badge badge-${c.status}`}>{t(STATUS_KEY[c.status])}</span>
        </Field>
        <Field label={t('balance:card.paymentModel')}>{t(MODEL_KEY[c.paymentModel])}</Field>
        <Field label={t('balance:card.registered')}>
          {c.registeredAt ? formatDateTime(c.registeredAt, lang, card.timeZone) : t('balance:card.notRegistered')}
        </Field>
      </div>
      <div className="bal-row">
        <div className="bal-balance" data-testid="balance">
          <Field label={t('balance:card.payment')} testId="balance-payment">
            <span className="bal-amount">
              <Money minor={b.paymentMinor} currency={b.currency} />
            </span>
          </Field>
          <Field label={t('balance:card.bonus')} testId="balance-bonus">
            <span className="bal-amount">
              <Money minor={b.bonusMinor} currency={b.currency} />
            </span>
          </Field>
          <div className="muted small">{t('balance:card.asOf', { time: formatDateTime(b.asOf, lang, card.timeZone) })}</div>
          {c.paymentModel === 'prepaid' ? <Forecast card={card} /> : null}
        </div>
        <div className="bal-projects">
          <div className="bal-label">{t('balance:card.projects')}</div>
          {card.projects.length === 0 ? <div className="muted">{t('balance:card.noProjects')}</div> : null}
          <ul className="project-list">
            {card.projects.map((p) => (
              <li key={p.pid} data-testid="project">
                <span className="project-name">{p.name}</span>
                <PidButton pid={p.pid} />
                <span className={`badge ${p.status === 'frozen' ? 'badge-blocked' : 'badge-active'}`}>{t(PROJECT_STATUS_KEY[p.status])}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {b.paymentMinor < 0 ? <DebtHelper card={card} /> : null}
    </section>
  );
}
