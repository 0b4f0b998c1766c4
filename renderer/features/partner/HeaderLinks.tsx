/**
 * The header's partner links: a bell for the alerts screen carrying the badge (unseen alerts and
 * deals waiting for feedback) and a help button. Icons keep the header within 1280 px in Russian.
 */
import { useTranslation } from 'react-i18next';
import { useNav } from '../../state/nav';
import AlertsBadge from './AlertsBadge';
import './partner.css';

function Bell() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
function Help() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <circle cx="12" cy="12" r="10" />
      <path d="M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3" />
      <path d="M12 17h.01" />
    </svg>
  );
}

export function HeaderLinks() {
  const { t } = useTranslation();
  const route = useNav((s) => s.route);
  const go = useNav((s) => s.go);
  const item = (r: 'alerts' | 'help', label: string, icon: React.ReactNode, badge: React.ReactNode) => (
    <button
      type="button"
      className={route === r ? 'pt-icon-btn active' : 'pt-icon-btn'}
      title={label}
      aria-current={route === r ? 'page' : undefined}
      data-testid={`nav-${r}`}
      onClick={() => go(r)}
    >
      {icon}
      {/* The name from the content: the label, then the badge's count, so the visible count is in the name. */}
      <span className="sr-only">{label}</span>
      {badge}
    </button>
  );
  return (
    <div className="pt-header-links">
      {item('alerts', t('partner:nav.alerts'), <Bell />, <AlertsBadge />)}
      {item('help', t('partner:nav.help'), <Help />, null)}
    </div>
  );
}
