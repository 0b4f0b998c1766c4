/**
 * How the desktop main process, browser mode and tests hold a core: in a worker thread
 * (worker-client.ts, startCoreWorker) or in-process (create-core.ts, createCore). Both give this
 * CoreHandle; CoreOptions are what a core starts with, ConnectionConfig the platform it talks to.
 */
import type { CoreEvent } from '../../shared/contract/events';
import type { ConnectionKind } from '../../shared/contract/rpc/app';

export interface ConnectionConfig {
  kind: ConnectionKind;
  /** The platform's base address, e.g. http://127.0.0.1:8787 (the API lives under /partner/api/v1). */
  url: string;
  token: string;
}

export interface CoreOptions {
  dataDir: string;
  mode: 'desktop' | 'browser';
  version: string;
  connection: ConnectionConfig | null;
  /** Start the scheduled sync (default true). Tests turn it off and call sync.now: then nothing syncs by itself
   *  (no sync at start, on schedule, on requestSync or on a connection change). */
  autoSync?: boolean;
}

export interface CoreHandle {
  /** Calls an RPC method; rejects with AppError (shared/contract/rpc/errors) on failure. */
  call(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (e: CoreEvent) => void): () => void;
  /** Replaces the connection (the token never touches the cache; electron/host stores it). */
  setConnection(conn: ConnectionConfig | null): Promise<void>;
  close(): Promise<void>;
}
