/** Handlers of shared/contract/rpc/views.ts: saved views, the list's current columns, many counts at once, the list's export. */
import type { viewsMethods } from '../../../shared/contract/rpc/views';
import type { Handlers } from '../context';
import { countMany } from './counts';
import { exportClients } from './export';
import { createView, currentColumns, deleteView, listViews, reorderViews, restoreDefaultViews, setCurrentColumns, updateView } from './store';

const ok = { ok: true as const };

export const viewsHandlers: Handlers<typeof viewsMethods> = {
  'views.list': (_i, ctx) => ({ views: listViews(ctx.db, ctx.now()) }),
  'views.create': ({ name, spec }, ctx) => {
    const view = createView(ctx.db, name, spec, ctx.now());
    ctx.changed(['views']);
    return { view };
  },
  'views.update': ({ id, name, spec }, ctx) => {
    updateView(ctx.db, id, { name, spec }, ctx.now());
    ctx.changed(['views']);
    return ok;
  },
  'views.delete': ({ id }, ctx) => {
    deleteView(ctx.db, id);
    ctx.changed(['views']);
    return ok;
  },
  'views.reorder': ({ ids }, ctx) => {
    reorderViews(ctx.db, ids);
    ctx.changed(['views']);
    return ok;
  },
  'views.restoreDefaults': (_i, ctx) => {
    restoreDefaultViews(ctx.db, ctx.now());
    ctx.changed(['views']);
    return ok;
  },
  'views.columns': (_i, ctx) => ({ columns: currentColumns(ctx.db) }),
  'views.setColumns': ({ columns }, ctx) => {
    setCurrentColumns(ctx.db, columns);
    return ok;
  },
  'clients.export': (input, ctx) => exportClients(ctx, input),
  'clients.countMany': ({ filters }, ctx) => ({ totals: countMany(ctx.statements, filters) }),
};
