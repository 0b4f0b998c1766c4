/** Placeholder: engineer 6 replaces this page. */
import NotYet from '../../ui/NotYet';

export default function AuditPage() {
  return <NotYet />;
}
