/** Handlers of the balance RPC methods (shared/contract/rpc/balance.ts). */
import type { balanceMethods } from '../../../shared/contract/rpc/balance';
import type { CoreContext, Handlers } from '../context';
import { card, detail, expenses, type Env } from './service';
import { exportView } from './export';
import { fetchRange } from './fetch';

const env = (ctx: CoreContext): Env => ({ statements: ctx.statements, zone: ctx.timeZone(), now: ctx.now() });

export const balanceHandlers: Handlers<typeof balanceMethods> = {
  'balance.card': (input, ctx) => card(env(ctx), input.clientId),
  'balance.detail': (input, ctx) => detail(env(ctx), input),
  'balance.expenses': (input, ctx) => expenses(env(ctx), input),
  'balance.export': (input, ctx) => exportView(env(ctx), input),
  'balance.fetchRange': (input, ctx) => fetchRange(ctx, input),
};
