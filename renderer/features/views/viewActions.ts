/**
 * What the user does to saved views: create from the list as it is, rename, save the list's
 * changes into a view, delete, reorder, restore the defaults. Each asks the core and refreshes
 * ['views']; a failure shows a toast in the current language.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../bridge';
import { usePrefs } from '../../state/prefs';
import { useToast } from '../../ui/Toast';
import { errorCode } from '../../ui/errors';
import { currentSpec, viewsKey } from './savedViews';
import type { SavedView } from '../../../shared/contract/rpc/views';

export function useViewActions() {
  const qc = useQueryClient();
  const toast = useToast();
  const onError = (e: unknown) => toast({ key: `errors:${errorCode(e)}` });
  const refresh = () => qc.invalidateQueries({ queryKey: viewsKey });

  const create = useMutation({
    mutationFn: (name: string) => call('views.create', { name, spec: currentSpec() }),
    onSuccess: async ({ view }) => {
      usePrefs.setState({ activeViewId: view.id });
      await refresh();
    },
    onError,
  });
  const update = useMutation({
    mutationFn: (p: { id: string; name?: string; spec?: SavedView['spec'] }) => call('views.update', p),
    onSettled: refresh,
    onError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => call('views.delete', { id }),
    onSuccess: (_r, id) => {
      if (usePrefs.getState().activeViewId === id) usePrefs.setState({ activeViewId: null });
    },
    onSettled: refresh,
    onError,
  });
  const reorder = useMutation({
    mutationFn: (ids: string[]) => call('views.reorder', { ids }),
    // The tabs move at once; the core's answer confirms (or the refresh puts them back).
    onMutate: (ids) => {
      const cur = qc.getQueryData<SavedView[]>(viewsKey);
      if (cur) qc.setQueryData(viewsKey, ids.map((id) => cur.find((v) => v.id === id)).filter((v): v is SavedView => v !== undefined));
    },
    onSettled: refresh,
    onError,
  });
  const restore = useMutation({ mutationFn: () => call('views.restoreDefaults', {}), onSettled: refresh, onError });

  return {
    create: (name: string) => create.mutateAsync(name),
    rename: (id: string, name: string) => update.mutateAsync({ id, name }),
    saveChanges: (id: string) => update.mutateAsync({ id, spec: currentSpec() }),
    remove: (id: string) => remove.mutate(id),
    reorder: (ids: string[]) => reorder.mutate(ids),
    restore: () => restore.mutate(),
  };
}

/** The order with one id moved by `by` places (clamped to the ends). */
export function moved(ids: string[], id: string, by: number): string[] {
  const i = ids.indexOf(id);
  if (i < 0) return ids;
  const j = Math.max(0, Math.min(ids.length - 1, i + by));
  const out = ids.filter((x) => x !== id);
  out.splice(j, 0, id);
  return out;
}
