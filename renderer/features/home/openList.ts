/** Opens the client list filtered to a Home figure's clients (search and other filters cleared). */
import { useNav } from '../../state/nav';
import { usePrefs, type ClientsView } from '../../state/prefs';

export type ListFilterPatch = Partial<Omit<ClientsView, 'sort' | 'searchText'>>;

export function useOpenList(): (f: ListFilterPatch) => void {
  const show = usePrefs((s) => s.showClients);
  const go = useNav((s) => s.go);
  return (f) => {
    show(f);
    go('clients');
  };
}
