/** RPC: the Home overview, read from the figures the core precomputes after each sync. */
import { z } from 'zod';
import { method, NoInput } from './define';
import { Currency } from '../platform';

export const HomeClient = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  /** Consumption (debits, minor units) this region-local month and the previous one. */
  curMinor: z.number().int(),
  prevMinor: z.number().int(),
});
export type HomeClient = z.infer<typeof HomeClient>;

const Count = z.object({ count: z.number().int(), sumMinor: z.number().int() });

export const HomeOverview = z.object({
  /** The last finished sync (null: never synced). */
  asOf: z.string().nullable(),
  /** When the figures were computed (their "now"). */
  builtAt: z.string().nullable(),
  timeZone: z.string(),
  currency: Currency,
  /** The days used by the forecast and invitation figures. */
  days: z.number().int(),
  totals: z.object({
    clients: z.number().int(),
    paymentMinor: z.number().int(),
    bonusMinor: z.number().int(),
    /** Payment balance below zero: how many, and the sum of their balances (negative). */
    debt: Count,
    /** Prepaid funds that run out within `days` days: how many, their funds. */
    runsOut: Count,
    invitedStale: z.object({ count: z.number().int() }),
    blocked: z.object({ count: z.number().int() }),
  }),
  /** Consumption per region-local day: this month (up to today) and the whole previous month. */
  daily: z.object({
    current: z.object({ month: z.string(), minor: z.array(z.number().int()) }),
    previous: z.object({ month: z.string(), minor: z.array(z.number().int()) }),
  }),
  /** Consumption per region-local month, the oldest first, this month last ('YYYY-MM'); null: before the offline ledger window. */
  monthly: z.array(z.object({ month: z.string(), minor: z.number().int().nullable() })),
  /** The first month the offline ledger keeps ('YYYY-MM', Settings: ledger window). */
  ledgerFrom: z.string(),
  top: z.array(HomeClient),
  grew: z.array(HomeClient),
  fell: z.array(HomeClient),
});
export type HomeOverview = z.infer<typeof HomeOverview>;

export const homeMethods = {
  'home.overview': method(NoInput, HomeOverview),
};
