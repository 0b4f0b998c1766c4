/** Handlers of the client list methods (shared/contract/rpc/clients.ts), read from the cache. */
import type { clientsMethods } from '../../../shared/contract/rpc/clients';
import { AppError } from '../../../shared/contract/rpc/errors';
import type { Handlers } from '../context';
import { clientIds, countClients, getClient, listClients, listRows } from './queries';

export const clientsHandlers: Handlers<typeof clientsMethods> = {
  'clients.list': (input, ctx) => listClients(ctx.statements, input),
  'clients.rows': (input, ctx) => ({ rows: listRows(ctx.statements, input) }),
  'clients.count': (input, ctx) => ({ total: countClients(ctx.statements, input) }),
  'clients.ids': (input, ctx) => ({ ids: clientIds(ctx.statements, input) }),
  'clients.get': ({ id }, ctx) => {
    const found = getClient(ctx.statements, id);
    if (!found) throw new AppError('not_found', `No client ${id} in the cache`, { params: { id } });
    return found;
  },
};
