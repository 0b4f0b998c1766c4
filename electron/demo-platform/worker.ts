/**
 * A worker_threads entry: starts the demo platform from `workerData` (StartOptions without
 * callbacks), posts `{ type: 'ready', url, token }` (or `{ type: 'error', message }`) to the
 * parent, and stops on the message 'stop' (then posts `{ type: 'stopped' }` and exits).
 * The desktop app and browser mode run the platform here so its SQLite never blocks their thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { start, type StartOptions } from './index';

const port = parentPort;
if (!port) throw new Error('demo-platform/worker.ts must run in a worker thread');

try {
  const p = await start((workerData ?? {}) as StartOptions);
  port.on('message', (m: unknown) => {
    if (m === 'stop' || (typeof m === 'object' && m !== null && (m as { type?: string }).type === 'stop')) {
      void p.stop().then(() => {
        port.postMessage({ type: 'stopped' });
        port.close();
      });
    }
  });
  port.postMessage({ type: 'ready', url: p.url, token: p.token });
} catch (e) {
  port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}
