/** Handlers of the actions RPC methods (shared/contract/rpc/actions.ts). */
import type { actionsMethods } from '../../../shared/contract/rpc/actions';
import type { Handlers } from '../context';
import { readPlatform } from '../settings/store';
import { allBatchItems, batchItems, cancelBatch, enqueue, getBatch, listBatches, progressOf, retryFailed } from './outbox';
import { inviteClient, listInvitations, resendInvitation, revokeInvitation } from './invite';
import { discardInvite } from './invite-outbox';
import { iterateAudit, listAudit } from './audit';
import { exportAudit, exportBatch } from './export';
import { applicable, takeSelection } from './checked';

export const actionsHandlers: Handlers<typeof actionsMethods> = {
  'clients.invite': (input, ctx) => inviteClient(ctx, input),
  'actions.enqueue': (input, ctx) => {
    const runner = ctx.actionRunner;
    const { action } = input;
    // The selection the confirmation dialog checked, or the ids themselves.
    const checked = 'selection' in input ? takeSelection(ctx.db, input.selection, action) : undefined;
    const ids = checked ? checked.ids : 'ids' in input ? input.ids : [];
    // An idle runner lets the enqueue claim the first chunk in its own transaction.
    const r = enqueue(ctx.db, action, ids, { now: ctx.now(), claimFirst: runner?.firstChunkSize() ?? 0, ...(checked ? { checked } : {}) });
    if (r.batchId) {
      // The first request leaves before the UI is told (the rows are committed already).
      if (r.claimed) runner?.sendClaimed(r.batchId, action, r.claimed);
      else runner?.sendSoon();
      // Every row of a new batch waits (a staged batch has no rows to count until its request has left).
      ctx.emit('actions.progress', { batchId: r.batchId, total: r.count, done: 0, failed: 0, pending: r.count });
      ctx.changed(['clients', 'actions', 'audit']);
    }
    return { batchId: r.batchId, count: r.count, skipped: r.skipped };
  },
  'actions.applicable': ({ ids }, ctx) => applicable(ctx.db, ids),
  'actions.batches': ({ limit }, ctx) => ({ batches: listBatches(ctx.db, limit) }),
  'actions.batch': ({ batchId, filter, offset, limit }, ctx) => ({
    batch: getBatch(ctx.db, batchId),
    ...batchItems(ctx.db, batchId, filter, offset, limit),
  }),
  'actions.cancel': ({ batchId }, ctx) => {
    ctx.actionRunner?.releaseAhead(batchId);
    const cancelled = cancelBatch(ctx.db, batchId, ctx.now());
    ctx.emit('actions.progress', progressOf(ctx.db, batchId));
    ctx.changed(['clients', 'actions', 'audit']);
    return { cancelled };
  },
  'actions.retryFailed': ({ batchId }, ctx) => {
    const r = retryFailed(ctx.db, batchId, ctx.now());
    if (r.batchId) {
      ctx.emit('actions.progress', progressOf(ctx.db, r.batchId));
      ctx.changed(['clients', 'actions', 'audit']);
      ctx.actionRunner?.wake();
    }
    return { batchId: r.batchId, count: r.count };
  },
  'actions.export': ({ batchId, format, lang, filter }, ctx) =>
    exportBatch(getBatch(ctx.db, batchId), allBatchItems(ctx.db, batchId, filter), { format, lang, zone: ctx.timeZone(), now: ctx.now() }),
  'actions.policies': (_input, ctx) => {
    const p = readPlatform(ctx.db).platform;
    return { block: p?.policies.block ?? null, delete: p?.policies.delete ?? null };
  },
  'invitations.list': (_input, ctx) => listInvitations(ctx),
  'invitations.resend': ({ id }, ctx) => resendInvitation(ctx, id),
  'invitations.revoke': ({ id }, ctx) => revokeInvitation(ctx, id),
  'invitations.discard': ({ id }, ctx) => {
    discardInvite(ctx.db, id);
    ctx.changed(['invitations', 'audit']);
    return { id };
  },
  'audit.list': ({ search, offset, limit }, ctx) => listAudit(ctx.db, search, offset, limit),
  'audit.export': ({ format, lang, search }, ctx) =>
    exportAudit(iterateAudit(ctx.db, search), { format, lang, zone: ctx.timeZone(), now: ctx.now() }),
};
