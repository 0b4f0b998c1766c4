/**
 * The messages between the demo platform's worker thread (worker.ts) and whoever runs it
 * (electron/host/built-in-demo.ts for the desktop app and browser mode, spawn.ts for tests).
 *
 *   workerData         DemoWorkerData: the options of start() without callbacks (port 0 = free port)
 *   parent → worker    DemoWorkerRequest: stop the platform
 *   worker → parent    DemoWorkerMessage: `ready` once listening (or `error` when it could not
 *                      start), `stopped` after a stop request, before the worker exits
 */
import type { StartOptions } from './index';

export type DemoWorkerData = Omit<StartOptions, 'onSeeded'>;

export interface DemoWorkerRequest {
  type: 'stop';
}

export type DemoWorkerMessage =
  | { type: 'ready'; url: string; token: string }
  | { type: 'error'; message: string }
  | { type: 'stopped' };
