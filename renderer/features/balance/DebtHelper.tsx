/**
 * A negative payment balance explained in place, with the top-up request to VK Cloud support
 * (TopUpForm) offered with the debt as the amount.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardOutput } from '../../../shared/contract/rpc/balance';
import { helpLink } from '../partner/helpLink';
import { TopUpForm } from './TopUpForm';

export function DebtHelper({ card }: { card: CardOutput }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
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
      {open ? <TopUpForm card={card} suggestDebt /> : null}
    </div>
  );
}
