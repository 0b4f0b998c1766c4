/**
 * What every service function of the core receives. The core never imports `electron`: it runs
 * in the desktop app's worker thread, in browser mode and in tests alike.
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { EventName, EventPayload, Table } from '../../shared/contract/events';
import type { MethodDef } from '../../shared/contract/rpc/define';
import type { PartnerApi } from './partner-api/client';
import type { PlatformClock } from './sync/clock';
import type { LocalFaults } from './local/faults';
import type { SyncStatus } from '../../shared/contract/rpc/app';
import type { ActionRunner } from './actions/runner';
import type { ReportJobs } from './partner/report/jobs';
import type { StatementCache } from './db/statements';

/** What the settings and app handlers need from the running core: its mode, sync status and scheduler (set by createCore). */
export interface CoreRuntime {
  version: string;
  mode: 'desktop' | 'browser';
  /** Whether the current connection carries a token (the token itself never leaves the host). */
  hasToken(): boolean;
  syncStatus(): SyncStatus;
  /** Starts a sync unless one is running; false when one already was (or there is no connection). */
  syncNow(): boolean;
  /** Settings changed (interval, window): the scheduler re-reads them. */
  settingsChanged(): void;
  /**
   * Runs `work` with no sync and no outbox sending under way (the connection must already be
   * gone, so none starts): waits for the running ones to end, then restarts the outbox runner.
   */
  whileQuiet<T>(work: () => T): Promise<T>;
}

export interface CoreContext {
  db: Database.Database;
  /** This core's prepared statements of `db`, kept by SQL text. */
  statements: StatementCache;
  /** The platform client; throws AppError('not_configured') when there is no connection. */
  api(): PartnerApi;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Emits data.changed for these tables (React Query invalidates by table). */
  changed(tables: Table[]): void;
  /** Now, in ms since the epoch (tests may move it). */
  now(): number;
  /** The platform's region time zone from the cache (Europe/Moscow until the first sync). */
  timeZone(): string;
  /** Asks the sync engine for a sync soon (after a write, on reconnect). */
  requestSync(reason: string): void;
  /** Where this core keeps its files (the database, exports). */
  dataDir: string;
  /** The running core (mode, sync status, scheduler); absent in bare test contexts. */
  runtime?: CoreRuntime;
  /** The platform's clock as measured from its answers (now() already follows it); absent in bare test contexts. */
  clock?: PlatformClock;
  /** The machine's faults met while running (a full disk), for the banner. */
  faults?: LocalFaults;
  /** This core's consumption report jobs, running and finished. */
  reportJobs: ReportJobs;
  /** This core's outbox runner (set by startActions, cleared by stopActions); absent in bare test contexts. */
  actionRunner?: ActionRunner;
}

/** A handler per method of a feature's slice of the contract. */
export type Handlers<M extends Record<string, MethodDef>> = {
  [K in keyof M]: (
    input: z.output<M[K]['input']>,
    ctx: CoreContext,
  ) => z.input<M[K]['output']> | Promise<z.input<M[K]['output']>>;
};
