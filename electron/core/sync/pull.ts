/**
 * The sync's pulls (engine.ts runs them in order): the platform (+ partner), the clients' changes
 * feed, the projects of the clients that changed (their feed, then per client with bounded
 * concurrency), the ledger's changes feed inside the ledger window. Each page and its cursor are
 * committed in one transaction (SyncStore); the next page is fetched while the current one is
 * written.
 */
import type Database from 'better-sqlite3';
import type { EventName, EventPayload, Table } from '../../../shared/contract/events';
import type { SyncStatus } from '../../../shared/contract/rpc/app';
import type { Project } from '../../../shared/contract/platform';
import { addMonths, isoUtc, localDateOf, localMidnightUtc } from '../../../shared/domain/time';
import { ApiError } from '../partner-api/errors';
import type { PartnerApi } from '../partner-api/client';
import { ledgerWindowMonths, platformTimeZone, writePlatform } from '../settings/store';
import type { SyncStore } from './store';

export type Phase = NonNullable<SyncStatus['phase']>;

/** What a pull needs of the engine. */
export interface PullContext {
  db: Database.Database;
  store: SyncStore;
  now(): number;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  pageSize?: number | undefined;
  projectsConcurrency?: number | undefined;
  /** True once the engine is stopped (no more owed index work while waiting for a page). */
  closed(): boolean;
  setProgress(phase: Phase, done: number, total: number | null): void;
  /** data.changed for these tables, at most once a second unless `force`. */
  changed(tables: Table[], force?: boolean): void;
}

/** The first instant of the ledger window: 00:00 region time on the 1st of (this month - months). */
export function ledgerWindowStart(nowMs: number, months: number, zone: string): number {
  const today = localDateOf(nowMs, zone);
  return localMidnightUtc(addMonths(today, -months), zone);
}

export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** What a wait for the next page is taken to last until some are measured (ms). */
const FIRST_WAIT_MS = 6;

function pageSize(c: PullContext): number {
  return c.pageSize ?? 1000;
}

export async function pullPlatform(c: PullContext, api: PartnerApi): Promise<void> {
  c.setProgress('platform', 0, 2);
  const [platform, partner] = await Promise.all([api.platform(), api.partner()]);
  writePlatform(c.db, platform, partner);
  c.setProgress('platform', 2, 2);
  c.emit('data.changed', { tables: ['platform'] });
}

/**
 * Pages of a changes feed, the next one fetched while the current one is handed over. While the
 * next page is still on its way, a slice of the clients' search index owed after a first fill is
 * built, sized to how long such waits last (a moving average of the waits measured): none when
 * even the smallest slice would outlast them (a platform close by answers within a few ms, and the
 * page would wait for the slice; the index is then built after the sync, indexes.ts), more over a
 * slow network.
 */
async function feed<T>(
  c: PullContext,
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; next_cursor: string | null }>,
  start: string | null,
  apply: (items: T[], cursorAfter: string | null) => void,
): Promise<void> {
  let cursor = start;
  let next = fetchPage(cursor ?? undefined);
  let waitMs = FIRST_WAIT_MS;
  // When the last wait began (-1: the page was in before the last one was stored), and how long the slice taken in it lasted.
  let waitFrom = -1;
  let sliceMs = 0;
  for (;;) {
    const page = await next;
    if (waitFrom >= 0) {
      const waited = performance.now() - waitFrom;
      // A page that came in during the slice waited less than the slice lasted (how much less is not
      // known): the estimate may only shrink then.
      const sample = sliceMs > 0 && waited - sliceMs < 1 ? Math.min(waitMs, sliceMs / 2) : waited;
      waitMs = 0.75 * waitMs + 0.25 * sample;
    }
    const more = page.next_cursor !== null && page.next_cursor !== cursor && page.items.length > 0;
    let arrived = false;
    if (more) {
      next = fetchPage(page.next_cursor ?? undefined);
      next.then(
        () => (arrived = true),
        () => (arrived = true), // the rejection itself is handled by the await above on the next turn
      );
      // One turn of the event loop so the request is actually written to the socket before the
      // synchronous SQLite work below: the platform builds page k+1 while we store page k.
      await turn();
    }
    const after = page.next_cursor ?? cursor;
    apply(page.items, after);
    cursor = after;
    if (!more) return;
    waitFrom = -1;
    sliceMs = 0;
    if (!arrived && !c.closed()) {
      // One slice per wait at most: a page that arrives during it waits for the rest of that slice only.
      waitFrom = performance.now();
      if (c.store.indexes.payStep(waitMs)) sliceMs = performance.now() - waitFrom;
    }
  }
}

export async function pullClients(c: PullContext, api: PartnerApi): Promise<void> {
  let done = 0;
  c.setProgress('clients', 0, null);
  const start = c.store.cursor('clients');
  // An empty table (or a fill a kill interrupted) is filled without its indexes: ./indexes.
  const fill = c.store.indexes.debt() === 'fill' || (start === null && c.store.clientsEmpty());
  if (fill && c.store.indexes.debt() !== 'fill') c.store.indexes.beginFill();
  await feed(
    c,
    (cursor) => api.clientChanges(cursor, pageSize(c)),
    start,
    (items, after) => {
      c.store.applyClientsPage(items, after);
      done += items.length;
      c.setProgress('clients', done, null);
      c.changed(['clients']);
    },
  );
  if (fill) c.store.indexes.endFill();
  c.changed(['clients'], true);
}

/**
 * Projects of the clients that changed: from the projects feed (one request per page), then
 * per client for whatever is still to do — all of it when the platform has no feed (404).
 */
export async function pullProjects(c: PullContext, api: PartnerApi): Promise<void> {
  const todo = c.store.projectsTodo().length;
  let done = 0;
  c.setProgress('projects', 0, todo || null);
  try {
    await feed(
      c,
      (cursor) => api.projectChanges(cursor, pageSize(c)),
      c.store.cursor('projects'),
      (items, after) => {
        done += c.store.applyProjectsPage(items, after);
        c.setProgress('projects', Math.min(done, todo), todo || null);
        c.changed(['projects']);
      },
    );
  } catch (e) {
    if (!(e instanceof ApiError && e.kind === 'http' && e.status === 404)) throw e;
  }
  await pullProjectsPerClient(c, api);
}

async function pullProjectsPerClient(c: PullContext, api: PartnerApi): Promise<void> {
  const ids = c.store.projectsTodo();
  const total = ids.length;
  let next = 0;
  let done = 0;
  let failed: unknown = null;
  c.setProgress('projects', 0, total);
  const step = Math.max(1, Math.floor(total / 100));
  let batch: [string, Project[] | null][] = [];
  let lastStep = 0;
  // Lists are written in batches (one commit per ~200 clients, not per client).
  const flush = () => {
    if (batch.length === 0) return;
    c.store.applyProjects(batch);
    done += batch.length;
    batch = [];
    if (done - lastStep >= step || done === total) {
      lastStep = done;
      c.setProgress('projects', done, total);
      c.changed(['projects']);
    }
  };
  const worker = async () => {
    while (failed === null && next < ids.length) {
      const id = ids[next++] as string;
      let list: Project[] | null;
      try {
        list = await api.projects(id);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) list = null;
        else {
          failed ??= e;
          return;
        }
      }
      batch.push([id, list]);
      if (batch.length >= 200) flush();
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.min(c.projectsConcurrency ?? 8, Math.max(1, total)) }, worker),
    );
  } finally {
    flush();
  }
  if (failed !== null) throw failed;
  c.setProgress('projects', done, total);
  c.changed(['projects'], true);
}

export async function pullTransactions(c: PullContext, api: PartnerApi): Promise<void> {
  const zone = platformTimeZone(c.db);
  const windowStart = ledgerWindowStart(c.now(), ledgerWindowMonths(c.db), zone);
  const sinceIso = isoUtc(c.store.beginLedgerWindow(windowStart));
  let done = 0;
  c.setProgress('transactions', 0, null);
  try {
    await feed(
      c,
      (cursor) => api.transactionChanges(cursor, pageSize(c), cursor ? undefined : sinceIso),
      c.store.cursor('transactions'),
      (items, after) => {
        c.store.applyTransactionsPage(items, after, windowStart);
        done += items.length;
        c.setProgress('transactions', done, null);
        c.changed(['transactions']);
      },
    );
  } finally {
    c.store.ensureLedgerIndex();
  }
  if (c.store.pruneLedger(windowStart) > 0 || done > 0) c.changed(['transactions'], true);
}
