/**
 * What a manager can do to one client, wherever the client is shown (the list's row menu, the
 * client page, and any screen that lists clients): Balance, Request top-up, Block, Unblock,
 * Delete — only what applies to the client's status and nothing while another action is queued
 * for it. Block / Unblock / Delete go through the same confirmation, outbox, results and audit as
 * a bulk action (actions.enqueue with one id). Deleting the client whose page is open goes back to
 * the list with a toast.
 *
 *   const actions = useClientActions();
 *   <MenuButton items={actions.itemsFor(client)} … />   …   {actions.dialogs}
 */
import { useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { call } from '../../bridge';
import type { BulkAction, ClientStatus } from '../../../shared/contract/platform';
import { useNav } from '../../state/nav';
import { errorText } from '../../ui/errors';
import { useToast } from '../../ui/Toast';
import type { MenuAction } from '../../ui/Menu';
import { TopUpDialog } from '../balance/TopUpDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { CONFIRM_BUTTON_KEY, PENDING_BADGE_KEY } from './labels';

/** What the actions need to know about a client (a ClientRow has it all). */
export interface ActionClient {
  id: string;
  name: string | null;
  email: string;
  status: ClientStatus;
  pendingAction: BulkAction | null;
  projectsCount: number;
}

export type ClientActionId = 'balance' | 'topUp' | BulkAction;

/** The actions that apply to this client, in menu order. */
export function applicableActions(c: ActionClient, opts: { balance?: boolean } = {}): ClientActionId[] {
  const out: ClientActionId[] = [];
  if (opts.balance !== false) out.push('balance');
  if (c.projectsCount > 0) out.push('topUp');
  if (c.pendingAction === null) {
    if (c.status === 'active') out.push('block');
    if (c.status === 'blocked') out.push('unblock');
    out.push('delete');
  }
  return out;
}

/** What a queued action is waiting to do, in words ("Blocking…"), or null. */
export function pendingText(t: TFunction, c: Pick<ActionClient, 'pendingAction'>): string | null {
  return c.pendingAction ? t(PENDING_BADGE_KEY[c.pendingAction]) : null;
}

function afterMenuCloses(fn: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(fn));
}

export function clientLabel(c: Pick<ActionClient, 'name' | 'email'>): string {
  return c.name ?? c.email;
}

export interface ClientActions {
  /** The menu (or button row) for this client. */
  itemsFor(c: ActionClient, opts?: { balance?: boolean }): MenuAction[];
  /** Starts one action (as a menu item would). */
  start(id: ClientActionId, c: ActionClient): void;
  /** The confirmation and top-up dialogs; render once beside the menus. */
  dialogs: ReactNode;
}

export function useClientActions(): ClientActions {
  const { t } = useTranslation();
  const go = useNav((s) => s.go);
  const qc = useQueryClient();
  const toast = useToast();
  const [confirm, setConfirm] = useState<{ action: BulkAction; client: ActionClient } | null>(null);
  const [topUp, setTopUp] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = (id: ClientActionId, c: ActionClient) => {
    if (id === 'balance') {
      go('client', { clientId: c.id });
      return;
    }
    // A menu gives focus back to where it was opened from a frame after it closes; the dialog
    // opens after that, so its own first button keeps the focus.
    afterMenuCloses(() => (id === 'topUp' ? setTopUp(c.id) : setConfirm({ action: id, client: c })));
  };

  async function run(action: BulkAction, c: ActionClient) {
    setBusy(true);
    try {
      const r = await call('actions.enqueue', { action, ids: [c.id] });
      if (r.count === 0) toast(t('actions:row.notApplicable', { name: clientLabel(c) }));
      setConfirm(null);
      // The page of a client being deleted is left for the list, where the row says "Deleting…".
      const nav = useNav.getState();
      if (r.count > 0 && action === 'delete' && nav.route === 'client' && nav.clientId === c.id) {
        go('clients');
        toast({ key: 'actions:row.deleteQueued', params: { name: clientLabel(c) } });
      }
      void qc.invalidateQueries({ queryKey: ['actions'] });
      void qc.invalidateQueries({ queryKey: ['clients'] });
    } catch (e) {
      toast(errorText(t, e));
    } finally {
      setBusy(false);
    }
  }

  // Made when a menu opens, not on each render of the list that holds the menus.
  const label = (): Record<ClientActionId, string> => ({
    balance: t('actions:row.balance'),
    topUp: t('actions:row.topUp'),
    // Menu items are verbs ("Заблокировать"), as the confirmation's button and the documentation say.
    block: t(CONFIRM_BUTTON_KEY.block),
    unblock: t(CONFIRM_BUTTON_KEY.unblock),
    delete: t(CONFIRM_BUTTON_KEY.delete),
  });

  return {
    start,
    itemsFor: (c, opts) => {
      const labels = label();
      return applicableActions(c, opts).map((id) => ({
        id,
        label: labels[id],
        onAction: () => start(id, c),
        danger: id === 'delete',
        separatorBefore: id === 'delete' || (id === 'block' && opts?.balance !== false) || (id === 'unblock' && opts?.balance !== false),
        testId: `row-action-${id}`,
      }));
    },
    dialogs: (
      <>
        {confirm ? (
          <ConfirmDialog
            action={confirm.action}
            count={1}
            skipped={0}
            clientName={clientLabel(confirm.client)}
            busy={busy}
            onConfirm={() => void run(confirm.action, confirm.client)}
            onClose={() => setConfirm(null)}
          />
        ) : null}
        {topUp ? <TopUpDialog clientId={topUp} onClose={() => setTopUp(null)} /> : null}
      </>
    ),
  };
}
