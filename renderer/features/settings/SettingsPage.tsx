import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/data';
import { ErrorState, Loading } from '../../ui/States';
import { ConnectionForm } from './ConnectionForm';
import { PreferencesForm } from './PreferencesForm';
import { LocalDataSection } from './LocalDataSection';

export default function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <div className="page page-settings">
      <div className="page-head">
        <h1 className="page-title">{t('settings:title')}</h1>
      </div>
      <div className="page-body settings-grid">
        {settings.isLoading ? <Loading /> : null}
        {settings.error ? <ErrorState error={settings.error} onRetry={() => void settings.refetch()} /> : null}
        {settings.data ? (
          <>
            <ConnectionForm key={`${settings.data.connection.kind}|${settings.data.connection.url ?? ''}`} settings={settings.data} />
            <PreferencesForm settings={settings.data} />
            <LocalDataSection />
          </>
        ) : null}
      </div>
    </div>
  );
}
