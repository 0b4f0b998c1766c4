/**
 * The table: contract method -> service function. Every input is parsed with the contract's
 * schema before the handler sees it; every output is parsed before it leaves.
 */
import { METHODS, isMethodName, AppError, type MethodName } from '../../shared/contract/rpc/index';
import type { CoreContext, Handlers } from './context';
import { settingsHandlers } from './settings/handlers';
import { clientsHandlers } from './clients/handlers';
import { actionsHandlers } from './actions/handlers';
import { balanceHandlers } from './balance/handlers';
import { partnerHandlers } from './partner/handlers';
import { localHandlers } from './local/handlers';
import { homeHandlers } from './home/handlers';
import { paletteHandlers } from './palette/handlers';
import { viewsHandlers } from './views/handlers';
import { settleStaged } from './actions/staged';

export const HANDLERS: Handlers<typeof METHODS> = {
  ...settingsHandlers,
  ...clientsHandlers,
  ...actionsHandlers,
  ...balanceHandlers,
  ...partnerHandlers,
  ...localHandlers,
  ...homeHandlers,
  ...paletteHandlers,
  ...viewsHandlers,
};

export async function dispatch(method: string, rawInput: unknown, ctx: CoreContext): Promise<unknown> {
  if (!isMethodName(method)) throw new AppError('unknown_method', `Unknown method: ${method}`);
  const def = METHODS[method];
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    // A custom check names its reason in its message (e.g. insecure_url); zod's own issues by their code.
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] = issue.code === 'custom' ? issue.message : issue.code;
    throw new AppError('invalid_input', `Invalid input for ${method}: ${parsed.error.issues[0]?.message ?? ''}`, { fields });
  }
  const handler = HANDLERS[method as MethodName] as (input: unknown, ctx: CoreContext) => unknown;
  // A batch whose outbox rows are still being written (its first request in flight) gets them first.
  settleStaged(ctx.db);
  const out = await handler(parsed.data, ctx);
  return def.output.parse(out);
}
