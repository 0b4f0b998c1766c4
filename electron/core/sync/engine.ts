/**
 * The sync engine: pulls the platform into the cache. Phases: platform (+ partner), clients
 * (changes feed with tombstones), projects (for clients that changed, bounded concurrency),
 * transactions (changes feed, only rows inside the ledger window); each pull is in pull.ts. Each
 * page and its cursor are committed in one transaction (SyncStore); the next page is fetched while
 * the current one is written. Runs at start, on a schedule and on demand; never two at once.
 */
import type Database from 'better-sqlite3';
import type { Connectivity, EventName, EventPayload, Table } from '../../../shared/contract/events';
import type { SyncStatus } from '../../../shared/contract/rpc/app';
import { ApiError, toAppError } from '../partner-api/errors';
import type { PartnerApi } from '../partner-api/client';
import { setLastSyncedAt, lastSyncedAt, syncIntervalMin } from '../settings/store';
import { SyncStore } from './store';
import { ledgerWindowStart, pullClients, pullPlatform, pullProjects, pullTransactions, turn, type Phase, type PullContext } from './pull';

export interface SyncEngineOptions {
  db: Database.Database;
  /** The current platform client, or null when no connection is configured. */
  api: () => PartnerApi | null;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  now?: () => number;
  pageSize?: number;
  projectsConcurrency?: number;
  /** First retry delay after a failed (offline) run; doubles up to the sync interval. */
  offlineRetryMs?: number;
  /** false: nothing runs by itself (no requestSync, no reconnect sync); tests call run()/syncNow(). */
  auto?: boolean;
  /** Runs after a sync has applied its pages (derived figures, e.g. Home's); a failure there does not fail the sync. */
  afterSync?: () => void;
}

export { ledgerWindowStart };

export class SyncEngine {
  private readonly db: Database.Database;
  private readonly store: SyncStore;
  private readonly opts: SyncEngineOptions;
  private readonly now: () => number;
  private current: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private nextAt: number | null = null;
  private started = false;
  private closed = false;
  private failures = 0;
  private conn: { state: Connectivity; since: string; message: string | null };
  private progress: { phase: Phase | null; done: number; total: number | null } = { phase: null, done: 0, total: null };
  private lastError: { code: string; message: string } | null = null;
  private lastChangedEmit = 0;
  /** The run built the indexes a first fill owed after it reported done (announced when it ends). */
  private indexesBuilt = false;
  /** resumeIndexes' build, while it runs. */
  private resuming: Promise<void> | null = null;
  /** What the pulls (./pull) need of this engine. */
  private readonly pull: PullContext;

  constructor(opts: SyncEngineOptions) {
    this.opts = opts;
    this.db = opts.db;
    this.store = new SyncStore(opts.db);
    this.now = opts.now ?? Date.now;
    this.conn = { state: opts.api() ? 'unknown' : 'not_configured', since: new Date(this.now()).toISOString(), message: null };
    this.pull = {
      db: opts.db,
      store: this.store,
      now: this.now,
      emit: opts.emit,
      pageSize: opts.pageSize,
      projectsConcurrency: opts.projectsConcurrency,
      closed: () => this.closed,
      setProgress: (phase, done, total) => this.setProgress(phase, done, total),
      changed: (tables, force) => this.changed(tables, force),
    };
  }

  // ---------- control ----------
  /** Starts the scheduler: a sync now, then every syncIntervalMin. */
  start(): void {
    this.started = true;
    this.schedule(0);
  }
  async stop(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current?.catch(() => undefined);
    await this.resuming;
  }
  /** Resolves once no sync is running (the one under way, if any, has ended), nor a resumed index build. */
  async idle(): Promise<void> {
    while (this.current || this.resuming) await (this.current ?? this.resuming)?.catch(() => undefined);
  }

  /**
   * A cache opened with the clients' indexes still owed past a first fill (the app closed while a
   * first sync built them): build the rest now, a step per turn of the event loop, whether or not
   * the platform can be reached, instead of scanning until the next successful sync.
   */
  resumeIndexes(): void {
    const d = this.store.indexes.debt();
    if (this.resuming || typeof d !== 'number') return;
    this.resuming = (async () => {
      while (!this.closed && this.store.indexes.payStep()) await turn();
      if (this.closed || this.store.indexes.debt() !== null) return;
      this.store.refreshStatistics();
      this.opts.emit('data.changed', { tables: ['clients'] });
    })().finally(() => (this.resuming = null));
  }
  /** The connection changed: reset the state and sync soon. */
  connectionChanged(): void {
    this.failures = 0;
    this.setConnectivity(this.opts.api() ? 'unknown' : 'not_configured', null);
    if (this.opts.api()) this.requestSync('connection');
  }
  settingsChanged(): void {
    if (this.started && !this.current) this.schedule(syncIntervalMin(this.db) * 60_000);
  }
  /** Starts a sync unless one runs; returns whether one was started. */
  syncNow(): boolean {
    if (this.current || !this.opts.api()) return false;
    void this.run().catch(() => undefined);
    return true;
  }
  /** A sync soon: now if idle, right after the current one otherwise. */
  requestSync(_reason: string): void {
    if (this.closed || this.opts.auto === false) return;
    if (this.current) this.again = true;
    else this.schedule(0);
  }
  status(): SyncStatus {
    return {
      running: this.current !== null,
      phase: this.progress.phase,
      done: this.progress.done,
      total: this.progress.total,
      lastSyncedAt: lastSyncedAt(this.db),
      lastError: this.lastError,
      connectivity: this.conn.state,
      nextSyncAt: this.nextAt === null ? null : new Date(this.nextAt).toISOString(),
    };
  }
  connectivity(): Connectivity {
    return this.conn.state;
  }

  /** One sync; if one is running, resolves with it. Rejects with the failure (also recorded). */
  run(): Promise<void> {
    if (this.current) return this.current;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
    const p = this.runOnce().finally(() => {
      this.current = null;
      if (this.closed) return;
      if (this.again) {
        this.again = false;
        this.schedule(0);
      } else if (this.started) {
        const interval = syncIntervalMin(this.db) * 60_000;
        const retry = Math.min(interval, (this.opts.offlineRetryMs ?? 5_000) * 2 ** Math.max(0, this.failures - 1));
        this.schedule(this.failures > 0 && this.conn.state === 'offline' ? retry : interval);
      }
      if (this.indexesBuilt) {
        // Now that the run is over and the next one is scheduled (a listener reading the status sees
        // both): list and search at full speed.
        this.indexesBuilt = false;
        this.opts.emit('data.changed', { tables: ['clients', 'sync'] });
      }
    });
    this.current = p;
    return p;
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextAt = this.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.opts.api()) void this.run().catch(() => undefined);
    }, delayMs);
    this.timer.unref?.();
  }

  // ---------- events ----------
  private setConnectivity(state: Connectivity, message: string | null): void {
    if (state === this.conn.state && message === this.conn.message) return;
    this.conn = { state, since: new Date(this.now()).toISOString(), message };
    this.opts.emit('connectivity', { ...this.conn });
  }
  private setProgress(phase: Phase, done: number, total: number | null): void {
    this.progress = { phase, done, total };
    this.opts.emit('sync.progress', { phase, done, total });
  }
  private changed(tables: Table[], force = false): void {
    const t = Date.now();
    if (!force && t - this.lastChangedEmit < 1000) return;
    this.lastChangedEmit = t;
    this.opts.emit('data.changed', { tables });
  }

  // ---------- the run ----------
  private async runOnce(): Promise<void> {
    const api = this.opts.api();
    if (!api) {
      this.setConnectivity('not_configured', null);
      return;
    }
    try {
      await pullPlatform(this.pull, api);
      this.setConnectivity('online', null);
      await pullClients(this.pull, api);
      await pullProjects(this.pull, api);
      await pullTransactions(this.pull, api);
      const owed = this.store.indexes.debt() !== null;
      if (!owed) this.store.refreshStatistics();
      setLastSyncedAt(this.db, new Date(this.now()).toISOString());
      this.failures = 0;
      this.lastError = null;
      this.setProgress('done', this.progress.done, this.progress.total);
      this.runAfterSync();
      this.opts.emit('data.changed', { tables: ['clients', 'projects', 'transactions', 'sync'] });
      if (owed) await this.payIndexTail();
    } catch (e) {
      this.failures++;
      const err = e instanceof ApiError ? e : null;
      if (err?.kind === 'network' || err?.kind === 'timeout') this.setConnectivity('offline', err.message);
      else if (err?.kind === 'http' && err.status === 401) this.setConnectivity('token_rejected', err.message);
      else if (err) this.setConnectivity('online', null);
      // The AppError code, not the platform's own: a platform 'internal' (a 5xx) is a platform_error here.
      const app = toAppError(e);
      this.lastError = { code: app.code, message: app.message };
      this.opts.emit('data.changed', { tables: ['clients', 'projects', 'transactions', 'sync'] });
      throw e;
    }
  }

  /**
   * Whatever the waits for the platform left of the clients' indexes after a first fill (the list
   * indexes and short-search counts, which cannot be split): a step per turn of the event loop
   * after the sync has reported done, so the app answers between steps (it scans meanwhile). The
   * run, and `running` in the status, last until they are built; a stop leaves the rest owed for
   * the next run (the debt is recorded).
   */
  private async payIndexTail(): Promise<void> {
    while (!this.closed && this.store.indexes.payStep()) await turn();
    if (this.store.indexes.debt() !== null) return;
    this.store.refreshStatistics();
    this.indexesBuilt = true;
  }

  private runAfterSync(): void {
    try {
      this.opts.afterSync?.();
    } catch {
      /* derived figures are rebuilt on their next read */
    }
  }
}
