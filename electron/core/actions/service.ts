/**
 * The actions feature's running part: one outbox runner per core (per database), started by the
 * core with startActions(ctx) and woken by enqueue, by a reconnect and by a new connection.
 */
import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import { ActionRunner, type RunnerOptions } from './runner';

const runners = new WeakMap<Database.Database, ActionRunner>();

/** Starts the runner of this core: it sends what a previous run left (same keys), then waits. */
export function startActions(ctx: CoreContext, opts: RunnerOptions = {}): ActionRunner {
  const existing = runners.get(ctx.db);
  if (existing) return existing;
  const runner = new ActionRunner(
    {
      db: ctx.db,
      api: () => ctx.api(),
      emit: (e, p) => ctx.emit(e, p),
      changed: (t) => ctx.changed(t),
      now: () => ctx.now(),
      requestSync: (r) => ctx.requestSync(r),
    },
    opts,
  );
  runners.set(ctx.db, runner);
  runner.start();
  return runner;
}

export async function stopActions(db: Database.Database): Promise<void> {
  const r = runners.get(db);
  runners.delete(db);
  await r?.stop();
}

export function runnerOf(db: Database.Database): ActionRunner | undefined {
  return runners.get(db);
}

/** Something changed that may let queued rows go out now (enqueue, online again, new connection). */
export function wakeActions(db: Database.Database): void {
  runners.get(db)?.wake();
}
