/**
 * createCore: the application core in this thread (tests, and inside the core's worker thread,
 * worker.ts, which startCoreWorker in worker-client.ts runs).
 * Opens <dataDir>/cache.sqlite, builds the CoreContext, dispatches RPC through rpc.ts, emits
 * events, and runs the sync scheduler unless autoSync is false.
 */
import type { CoreEvent, EventName, EventPayload } from '../../shared/contract/events';
import { AppError } from '../../shared/contract/rpc/errors';
import type { CoreContext } from './context';
import type { ConnectionConfig, CoreHandle, CoreOptions } from './core-handle';
import { openCache } from './db/open';
import { isCorruption, markDamaged } from './db/health';
import { PartnerApi } from './partner-api/client';
import { toAppError } from './partner-api/errors';
import { PlatformClock } from './sync/clock';
import { watchWake } from './sync/wake';
import { dailyBackup } from './local/backups';
import { BACKUP_ERROR_KEY } from './local/handlers';
import { LocalFaults } from './local/faults';
import { dispatch } from './rpc';
import { SyncEngine } from './sync/engine';
import { getMeta, platformTimeZone, setMeta, writeConnection } from './settings/store';
import { startActions, stopActions } from './actions/service';
import { ReportJobs } from './partner/report/jobs';
import { StatementCache } from './db/statements';
import { precomputeHome } from './home/service';
import { evaluateAlerts } from './partner/alerts';

export interface CreateCoreExtras {
  /** API client options for tests (fast retries). */
  apiOptions?: { timeoutMs?: number; maxRetries?: number; retryBaseMs?: number; retryMaxMs?: number };
  /** Sync engine options for tests and the benchmark. */
  sync?: { pageSize?: number; projectsConcurrency?: number; offlineRetryMs?: number };
  now?: () => number;
  /** Outbox runner options for tests and the benchmark (chunk size, concurrency, backoff). */
  actions?: import('./actions/runner').RunnerOptions;
  /** How often the sleep detector looks at the clock (default 10 s). */
  wakeCheckMs?: number;
  /** The computer's clock (default Date.now); a test sets a wrong one. `now` overrides the corrected time. */
  localClock?: () => number;
}

export interface Core extends CoreHandle {
  ctx: CoreContext;
  engine: SyncEngine;
}

export async function createCore(opts: CoreOptions & CreateCoreExtras): Promise<Core> {
  // A damaged cache is moved aside and rebuilt here (db/open.ts); the banner reads the notice.
  const { db } = openCache(opts.dataDir);
  // Times that matter follow the platform's clock (its Date header); tests that fix `now` keep it.
  const clock = new PlatformClock(opts.now ?? opts.localClock ?? Date.now);
  const faults = new LocalFaults();
  const listeners = new Set<(e: CoreEvent) => void>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    const e = { event, payload } as CoreEvent;
    for (const listener of listeners) {
      try {
        listener(e);
      } catch {
        /* a listener's failure is its own */
      }
    }
  };
  let connection: ConnectionConfig | null = opts.connection;
  let api: PartnerApi | null = null;
  const makeApi = () => {
    api = connection
      ? new PartnerApi({
          baseUrl: connection.url,
          token: connection.token,
          onAnswer: (date, sent, received) => clock.sample(date, sent, received),
          localNow: () => clock.localNow(),
          ...(opts.apiOptions ?? {}),
        })
      : null;
  };
  makeApi();
  if (connection) writeConnection(db, connection.kind, connection.url);

  const now = opts.now ?? (() => clock.now());
  const engine = new SyncEngine({
    db,
    api: () => api,
    emit,
    now,
    auto: opts.autoSync !== false,
    // Home's figures and the alerts are built once per sync, so reading them reads no ledger.
    afterSync: () => {
      try {
        precomputeHome(db, platformTimeZone(db), now());
      } finally {
        evaluateAlerts(ctx);
      }
    },
    ...(opts.sync ?? {}),
  });

  const ctx: CoreContext = {
    db,
    statements: new StatementCache(db),
    api() {
      if (!api) throw new AppError('not_configured', 'No platform connection is configured');
      return api;
    },
    emit,
    changed: (tables) => emit('data.changed', { tables }),
    now,
    clock,
    faults,
    timeZone: () => platformTimeZone(db),
    requestSync: (reason) => engine.requestSync(reason),
    dataDir: opts.dataDir,
    reportJobs: new ReportJobs(),
    runtime: {
      version: opts.version,
      mode: opts.mode,
      hasToken: () => connection !== null && connection.token !== '',
      syncStatus: () => engine.status(),
      syncNow: () => engine.syncNow(),
      settingsChanged: () => engine.settingsChanged(),
      async whileQuiet(work) {
        await engine.idle();
        await stopActions(ctx);
        try {
          return work();
        } finally {
          startActions(ctx, opts.actions ?? {});
        }
      },
    },
  };

  engine.resumeIndexes();
  if (opts.autoSync !== false) engine.start();
  // The outbox runner: sends what a previous run left, wakes when the platform is reachable again.
  startActions(ctx, opts.actions ?? {});
  listeners.add((e) => {
    if (e.event === 'connectivity' && (e.payload as { state: string }).state === 'online') ctx.actionRunner?.wake();
  });
  let closed = false;
  // A damaged page met while running: the next start rebuilds the cache (and says so meanwhile).
  const noteFault = (e: unknown) => {
    if (isCorruption(e)) markDamaged(opts.dataDir, e instanceof Error ? e.message : String(e));
    faults.note(e, now());
  };
  listeners.add((e) => {
    if (e.event === 'actions.progress') faults.wrote();
    if (e.event !== 'data.changed' || !(e.payload as { tables: string[] }).tables.includes('sync')) return;
    const err = engine.status().lastError;
    if (err?.code === 'cache_damaged') markDamaged(opts.dataDir, err.message);
    else if (err?.code === 'disk_full') faults.note({ code: 'SQLITE_FULL' }, now());
    else if (!err) faults.wrote();
  });
  // The last KEEP daily copies of the local-only data, checked at start and hourly.
  const backup = () => {
    try {
      dailyBackup(db, opts.dataDir, opts.version, now());
      if (getMeta(db, BACKUP_ERROR_KEY) !== null) setMeta(db, BACKUP_ERROR_KEY, null);
    } catch (e) {
      noteFault(e);
      try {
        setMeta(db, BACKUP_ERROR_KEY, toAppError(e).code);
      } catch {
        /* the disk is full: the health call reports the missing copy */
      }
    }
  };
  backup();
  const backupTimer = setInterval(backup, 3_600_000);
  backupTimer.unref?.();
  // After a sleep: one sync (unless one is already running) and the outbox runner's wake.
  const wake = watchWake(
    () => {
      if (!engine.status().running) engine.requestSync('wake');
      ctx.actionRunner?.wake();
    },
    opts.wakeCheckMs ?? 10_000,
    opts.now ?? opts.localClock ?? Date.now,
  );

  return {
    ctx,
    engine,
    async call(method, input) {
      if (closed) throw new AppError('internal', 'The core is closed');
      try {
        return await dispatch(method, input, ctx);
      } catch (e) {
        noteFault(e);
        throw toAppError(e);
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async setConnection(conn) {
      connection = conn;
      makeApi();
      if (conn) writeConnection(db, conn.kind, conn.url);
      emit('data.changed', { tables: ['settings'] });
      engine.connectionChanged();
      ctx.actionRunner?.wake();
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(backupTimer);
      wake.stop();
      await engine.stop();
      await stopActions(ctx);
      ctx.reportJobs.clear();
      ctx.statements.clear();
      db.close();
      listeners.clear();
    },
  };
}
