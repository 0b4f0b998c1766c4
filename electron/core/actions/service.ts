/**
 * The actions feature's running part: one outbox runner per core, started by the core with
 * startActions(ctx), kept on its context (ctx.actionRunner), woken by enqueue, by a reconnect and
 * by a new connection, and stopped with the core.
 */
import type { CoreContext } from '../context';
import { ActionRunner, type RunnerOptions } from './runner';

/** Starts the runner of this core: it sends what a previous run left (same keys), then waits. */
export function startActions(ctx: CoreContext, opts: RunnerOptions = {}): ActionRunner {
  if (ctx.actionRunner) return ctx.actionRunner;
  const runner = new ActionRunner(
    {
      db: ctx.db,
      api: () => ctx.api(),
      emit: (e, p) => ctx.emit(e, p),
      changed: (t) => ctx.changed(t),
      now: () => ctx.now(),
      requestSync: (r) => ctx.requestSync(r),
      localFault: (e) => ctx.faults?.note(e, ctx.now()),
    },
    opts,
  );
  ctx.actionRunner = runner;
  runner.start();
  return runner;
}

export async function stopActions(ctx: CoreContext): Promise<void> {
  const runner = ctx.actionRunner;
  delete ctx.actionRunner;
  await runner?.stop();
}
