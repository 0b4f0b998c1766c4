/**
 * createCore: the application core in this thread (tests, and inside the core's worker thread,
 * worker.ts, which startCoreWorker in worker-client.ts runs).
 * Opens <dataDir>/cache.sqlite, builds the CoreContext, dispatches RPC through rpc.ts, emits
 * events, and runs the sync scheduler unless autoSync is false.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreEvent, EventName, EventPayload } from '../../shared/contract/events';
import { AppError } from '../../shared/contract/rpc/errors';
import type { CoreContext } from './context';
import type { ConnectionConfig, CoreHandle, CoreOptions } from './core-handle';
import { openDatabase } from './db/open';
import { PartnerApi } from './partner-api/client';
import { toAppError } from './partner-api/errors';
import { dispatch } from './rpc';
import { SyncEngine } from './sync/engine';
import { platformTimeZone, writeConnection } from './settings/store';
import { startActions, stopActions } from './actions/service';
import { ReportJobs } from './partner/report/jobs';
import { StatementCache } from './db/statements';

export interface CreateCoreExtras {
  /** API client options for tests (fast retries). */
  apiOptions?: { timeoutMs?: number; maxRetries?: number; retryBaseMs?: number; retryMaxMs?: number };
  /** Sync engine options for tests and the benchmark. */
  sync?: { pageSize?: number; projectsConcurrency?: number; offlineRetryMs?: number };
  now?: () => number;
  /** Outbox runner options for tests and the benchmark (chunk size, concurrency, backoff). */
  actions?: import('./actions/runner').RunnerOptions;
}

export interface Core extends CoreHandle {
  ctx: CoreContext;
  engine: SyncEngine;
}

export async function createCore(opts: CoreOptions & CreateCoreExtras): Promise<Core> {
  mkdirSync(opts.dataDir, { recursive: true });
  const db = openDatabase(join(opts.dataDir, 'cache.sqlite'));
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
    api = connection ? new PartnerApi({ baseUrl: connection.url, token: connection.token, ...(opts.apiOptions ?? {}) }) : null;
  };
  makeApi();
  if (connection) writeConnection(db, connection.kind, connection.url);

  const now = opts.now ?? Date.now;
  const engine = new SyncEngine({ db, api: () => api, emit, now, auto: opts.autoSync !== false, ...(opts.sync ?? {}) });

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
    },
  };

  if (opts.autoSync !== false) engine.start();
  // The outbox runner: sends what a previous run left, wakes when the platform is reachable again.
  const actions = startActions(ctx, opts.actions ?? {});
  listeners.add((e) => {
    if (e.event === 'connectivity' && (e.payload as { state: string }).state === 'online') actions.wake();
  });
  let closed = false;

  return {
    ctx,
    engine,
    async call(method, input) {
      if (closed) throw new AppError('internal', 'The core is closed');
      try {
        return await dispatch(method, input, ctx);
      } catch (e) {
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
      actions.wake();
    },
    async close() {
      if (closed) return;
      closed = true;
      await engine.stop();
      await stopActions(ctx);
      ctx.reportJobs.clear();
      ctx.statements.clear();
      db.close();
      listeners.clear();
    },
  };
}
