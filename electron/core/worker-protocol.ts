/**
 * The messages between the core's worker thread (worker.ts) and the side that holds it
 * (worker-client.ts, startCoreWorker). Both import these types; nothing else crosses.
 *
 *   workerData             CoreWorkerData: the options of createCore
 *   client → worker        CoreWorkerRequest: an RPC call, a connection change, or close
 *   worker → client        CoreWorkerMessage: once `ready` (or `fatal` when the core could not
 *                          start), then a `reply` per request (result or error) and any `event`
 */
import type { CoreEvent } from '../../shared/contract/events';
import type { AppErrorShape } from '../../shared/contract/rpc/errors';
import type { ConnectionConfig, CoreOptions } from './core-handle';
import type { CreateCoreExtras } from './create-core';

/** What the worker receives as workerData. */
export type CoreWorkerData = CoreOptions & CreateCoreExtras;

/** A request without its id, as the client composes it. */
export type CoreWorkerCommand =
  | { method: string; input: unknown }
  | { op: 'setConnection'; conn: ConnectionConfig | null }
  | { op: 'close' };

/** Client → worker: a command with the id its reply carries. */
export type CoreWorkerRequest = CoreWorkerCommand & { id: number };

/** Worker → client: the answer to the request with this id. */
export type CoreWorkerReply = { id: number; result: unknown } | { id: number; error: AppErrorShape };

/** Worker → client: an event of the core (data.changed, sync.progress, …). */
export interface CoreWorkerEvent {
  event: CoreEvent;
}

/** Worker → client, once: the core is open and takes requests. */
export interface CoreWorkerReady {
  ready: true;
}

/** Worker → client, instead of ready: the core could not start (e.g. newer_database). */
export interface CoreWorkerFatal {
  fatal: AppErrorShape;
}

export type CoreWorkerMessage = CoreWorkerReply | CoreWorkerEvent | CoreWorkerReady | CoreWorkerFatal;
