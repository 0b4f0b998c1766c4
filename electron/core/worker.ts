/**
 * The core's worker thread entry (built as out/main/core-worker.js; run from source under tsx).
 * Opens the core from workerData and answers the requests of worker-client.ts; the messages
 * both sides send are typed in worker-protocol.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/contract/rpc/errors';
import { createCore, type Core } from './create-core';
import { toAppError } from './partner-api/errors';
import type { CoreWorkerData, CoreWorkerMessage, CoreWorkerRequest } from './worker-protocol';
import { startWorkerLog } from './worker-log';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

const post = (message: CoreWorkerMessage) => port.postMessage(message);
const shapeOf = (e: unknown) => (e instanceof AppError ? e : toAppError(e)).toShape();

const log = startWorkerLog((workerData as CoreWorkerData).dataDir);

let core: Core | null = null;
createCore(workerData as CoreWorkerData).then(
  (created) => {
    core = created;
    created.onEvent((event) => post({ event }));
    post({ ready: true });
  },
  (e: unknown) => {
    log.error('core worker: start failed:', e);
    post({ fatal: shapeOf(e) });
  },
);

port.on('message', (request: CoreWorkerRequest) => {
  void (async () => {
    if (!core) {
      post({ id: request.id, error: new AppError('internal', 'The core is not ready').toShape() });
      return;
    }
    try {
      if ('op' in request) {
        if (request.op === 'setConnection') await core.setConnection(request.conn);
        else {
          await core.close();
          post({ id: request.id, result: null });
          port.close();
          return;
        }
        post({ id: request.id, result: null });
      } else {
        post({ id: request.id, result: await core.call(request.method, request.input) });
      }
    } catch (e) {
      // AppErrors are answers (bad input, offline…); anything else is a fault worth a log line.
      if (!(e instanceof AppError)) log.error('core worker: request failed:', e);
      post({ id: request.id, error: shapeOf(e) });
    }
  })();
});
