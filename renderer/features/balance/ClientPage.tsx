/** Placeholder: engineer 5 replaces this with the client card (Detail / Expenses). */
import NotYet from '../../ui/NotYet';

export default function ClientPage(_props: { clientId: string }) {
  return <NotYet />;
}
