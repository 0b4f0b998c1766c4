/**
 * The bulk bar over the client list: the count, "select all N matching the filter", and only the
 * actions that apply (block: active clients; unblock: blocked ones; delete: any). Each asks first.
 * Also mounts the actions layer (progress dock, results, toasts) on the client list.
 */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { enqueueChecked } from './enqueue';
import type { BulkAction } from '../../../shared/contract/platform';
import { useSelection } from '../../state/selection';
import { listFilterOf, usePrefs, type ClientsView } from '../../state/prefs';
import { errorText } from '../../ui/errors';
import { ConfirmDialog } from './ConfirmDialog';
import { ActionsLayer } from './ActionsLayer';
import { BULK_BUTTON_KEY } from './labels';
import { useToast } from '../../ui/Toast';
import { countParams, useLang } from '../../ui/format';

const ACTIONS: BulkAction[] = ['block', 'unblock', 'delete'];


/** The selected ids, with "all matching the filter" resolved through clients.ids. */
async function resolveIds(allMatching: boolean, ids: Set<string>, view: ClientsView): Promise<string[]> {
  if (!allMatching) return [...ids];
  return (await call('clients.ids', listFilterOf(view))).ids;
}

export function BulkBar() {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const toast = useToast();
  const { ids, allMatching, selectAll, clear } = useSelection();
  const view = usePrefs((s) => s.clientsView);
  const [confirm, setConfirm] = useState<BulkAction | null>(null);
  const [busy, setBusy] = useState(false);
  const active = allMatching || ids.size > 0;

  const total = useQuery({
    queryKey: ['clients', 'count', listFilterOf(view)],
    queryFn: async () => (await call('clients.count', listFilterOf(view))).total,
    enabled: active,
  });
  const selKey = allMatching ? ['all', listFilterOf(view)] : [...ids].sort();
  const applicable = useQuery({
    queryKey: ['clients', 'applicable', selKey],
    queryFn: async () => {
      const list = await resolveIds(allMatching, ids, view);
      return { list, ...(await call('actions.applicable', { ids: list })) };
    },
    enabled: active,
  });

  const selected = allMatching ? (total.data ?? applicable.data?.selected ?? 0) : ids.size;

  async function run(action: BulkAction) {
    const data = applicable.data;
    if (!data) return;
    setBusy(true);
    try {
      await enqueueChecked(action, data.selection, data.list);
      clear();
      setConfirm(null);
      void qc.invalidateQueries({ queryKey: ['actions'] });
    } catch (e) {
      toast(errorText(t, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ActionsLayer />
      {active ? (
        <div className="bulkbar" role="toolbar" aria-label={t('actions:bulk.label')} data-testid="bulk-bar">
          <span className="bulkbar-count" data-testid="bulk-count">
            {t('actions:bulk.selected', countParams(selected, lang))}
          </span>
          {!allMatching && total.data !== undefined && total.data > ids.size ? (
            <button type="button" className="btn-link" data-testid="select-all-matching" onClick={selectAll}>
              {t('actions:bulk.selectAll', countParams(total.data, lang))}
            </button>
          ) : null}
          <button type="button" className="btn-link" onClick={clear}>
            {t('actions:bulk.clear')}
          </button>
          <span className="spacer" />
          {applicable.data && ACTIONS.every((a) => applicable.data[a] === 0) ? (
            <span className="note">{t('actions:bulk.none')}</span>
          ) : null}
          {ACTIONS.filter((a) => (applicable.data?.[a] ?? 0) > 0).map((a) => (
            <button
              key={a}
              type="button"
              className={a === 'delete' ? 'btn btn-danger' : 'btn'}
              data-testid={`bulk-${a}`}
              onClick={() => setConfirm(a)}
            >
              {t(BULK_BUTTON_KEY[a], countParams(applicable.data?.[a] ?? 0, lang))}
            </button>
          ))}
        </div>
      ) : null}
      {confirm && applicable.data ? (
        <ConfirmDialog
          action={confirm}
          count={applicable.data[confirm]}
          skipped={applicable.data.selected - applicable.data[confirm]}
          busy={busy}
          onConfirm={() => void run(confirm)}
          onClose={() => setConfirm(null)}
        />
      ) : null}
    </>
  );
}
