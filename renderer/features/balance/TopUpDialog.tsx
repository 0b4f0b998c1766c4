/** The top-up request as a dialog for one client (client page, row menu): loads the client's card for its projects. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { Dialog } from '../../ui/Dialog';
import { ErrorState, Loading } from '../../ui/States';
import { TopUpForm } from './TopUpForm';
import './balance.css';

export function TopUpDialog({ clientId, onClose }: { clientId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const card = useQuery({ queryKey: ['clients', 'balance.card', clientId], queryFn: () => call('balance.card', { clientId }) });
  const name = card.data ? (card.data.client.name ?? card.data.client.email) : '';
  return (
    <Dialog
      title={t('balance:topUp.title', { client: name })}
      onClose={onClose}
      wide
      testId="topup-dialog"
      footer={
        <button type="button" className="btn" data-close onClick={onClose}>
          {t('balance:topUp.close')}
        </button>
      }
    >
      {card.isLoading ? <Loading /> : null}
      {card.error ? <ErrorState error={card.error} onRetry={() => void card.refetch()} /> : null}
      {card.data ? <TopUpForm card={card.data} /> : null}
    </Dialog>
  );
}
