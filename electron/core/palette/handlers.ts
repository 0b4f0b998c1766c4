/** Handler of the command palette's search (shared/contract/rpc/palette.ts), read from the cache. */
import type { paletteMethods } from '../../../shared/contract/rpc/palette';
import type { Handlers } from '../context';
import { paletteSearch } from './search';

export const paletteHandlers: Handlers<typeof paletteMethods> = {
  'palette.search': ({ query, limit }, ctx) => ({ hits: paletteSearch(ctx.statements, query, limit) }),
};
