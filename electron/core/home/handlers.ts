/** Handlers of the Home methods (shared/contract/rpc/home.ts), read from the cache. */
import type { homeMethods } from '../../../shared/contract/rpc/home';
import type { Handlers } from '../context';
import { homeOverview } from './service';

export const homeHandlers: Handlers<typeof homeMethods> = {
  'home.overview': (_input, ctx) => homeOverview(ctx.db, ctx.timeZone(), ctx.now()),
};
