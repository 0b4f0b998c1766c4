/** A screen that another part of the app has not delivered yet. */
import { useTranslation } from 'react-i18next';
import { Empty } from './States';

export default function NotYet() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <Empty title={t('common:state.notYet')} />
    </div>
  );
}
