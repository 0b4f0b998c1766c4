/**
 * The core's worker thread entry (built as out/main/core-worker.js; run from source under tsx).
 * Messages in: {id, method, input} | {id, op: 'setConnection', conn} | {id, op: 'close'}.
 * Messages out: {id, result} | {id, error: AppErrorShape} | {event} | {ready} | {fatal: AppErrorShape}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/contract/rpc/errors';
import { createCore, type Core, type CreateCoreExtras } from './app';
import type { ConnectionConfig, CoreOptions } from './host-types';
import { toAppError } from './partner-api/errors';

type In =
  | { id: number; method: string; input: unknown }
  | { id: number; op: 'setConnection'; conn: ConnectionConfig | null }
  | { id: number; op: 'close' };

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

const shapeOf = (e: unknown) => (e instanceof AppError ? e : toAppError(e)).toShape();

let core: Core | null = null;
createCore(workerData as CoreOptions & CreateCoreExtras).then(
  (c) => {
    core = c;
    c.onEvent((event) => port.postMessage({ event }));
    port.postMessage({ ready: true });
  },
  (e: unknown) => port.postMessage({ fatal: shapeOf(e) }),
);

port.on('message', (m: In) => {
  void (async () => {
    if (!core) {
      port.postMessage({ id: m.id, error: new AppError('internal', 'The core is not ready').toShape() });
      return;
    }
    try {
      if ('op' in m) {
        if (m.op === 'setConnection') await core.setConnection(m.conn);
        else {
          await core.close();
          port.postMessage({ id: m.id, result: null });
          port.close();
          return;
        }
        port.postMessage({ id: m.id, result: null });
      } else {
        port.postMessage({ id: m.id, result: await core.call(m.method, m.input) });
      }
    } catch (e) {
      port.postMessage({ id: m.id, error: shapeOf(e) });
    }
  })();
});
