/**
 * The partner's name from GET /partner (cached at sync, so it shows offline) with its
 * cooperation model, partner or agent; the model links to the help answer about prices, which
 * depends on it.
 */
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../../app/data';
import { helpLink } from './helpLink';
import './partner.css';

export function PartnerName() {
  const { t } = useTranslation();
  const partner = usePlatform().data?.partner;
  if (!partner) return null;
  const model = partner.model === 'partner' ? t('partner:model.partner') : t('partner:model.agent');
  return (
    <div className="pt-partner" data-testid="partner-name">
      <span className="pt-partner-name" title={partner.name} data-platform-text>
        {partner.name}
      </span>
      <a
        className="pt-model"
        href={helpLink('pricing')}
        title={t('partner:model.title', { model })}
        data-testid="partner-model"
        data-model={partner.model}
      >
        {model}
      </a>
    </div>
  );
}
