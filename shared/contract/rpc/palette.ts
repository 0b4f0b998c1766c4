/** RPC: the command palette's client search (jump to a client by name, email, phone, id or a project's PID). */
import { z } from 'zod';
import { method } from './define';
import { LIMITS } from '../platform';
import { ClientRow } from './clients';

/** The most matches one search returns. */
export const PALETTE_LIMIT_MAX = 50;

export const PaletteSearchInput = z.strictObject({
  /** What the user typed; longer than a search field allows is refused, not cut. */
  query: z.string().max(LIMITS.search),
  limit: z.number().int().min(1).max(PALETTE_LIMIT_MAX).default(20),
});
export type PaletteSearchInput = z.input<typeof PaletteSearchInput>;

/** Where the query was found, best first: the hit list shows it beside the name. */
export const PaletteMatch = z.enum(['id', 'pid', 'email', 'phone', 'name', 'externalId', 'text', 'fuzzy']);
export type PaletteMatch = z.infer<typeof PaletteMatch>;

export const PaletteHit = z.object({
  client: ClientRow,
  match: PaletteMatch,
  /** The project whose PID matched (match 'pid'), else null. */
  pid: z.string().nullable(),
});
export type PaletteHit = z.infer<typeof PaletteHit>;

export const paletteMethods = {
  'palette.search': method(PaletteSearchInput, z.object({ hits: z.array(PaletteHit) })),
};
