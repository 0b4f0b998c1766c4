/**
 * A worker_threads entry: starts the demo platform from `workerData`, posts `ready` (or `error`)
 * to the parent, and on a `stop` request stops it, posts `stopped` and exits. The messages are
 * typed in worker-protocol.ts. The desktop app and browser mode run the platform here so its
 * SQLite never blocks their thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { start } from './index';
import type { DemoWorkerData, DemoWorkerMessage, DemoWorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('demo-platform/worker.ts must run in a worker thread');

const post = (message: DemoWorkerMessage) => port.postMessage(message);

try {
  const platform = await start((workerData ?? {}) as DemoWorkerData);
  port.on('message', (request: DemoWorkerRequest) => {
    if (request?.type === 'stop') {
      void platform.stop().then(() => {
        post({ type: 'stopped' });
        port.close();
      });
    }
  });
  post({ type: 'ready', url: platform.url, token: platform.token });
} catch (e) {
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}
