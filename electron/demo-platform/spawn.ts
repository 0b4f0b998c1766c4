/**
 * Runs the demo platform in a worker thread (worker.ts), so its SQLite work never blocks the
 * caller's thread: `startInWorker(opts)` resolves to `{ url, token, stop }` like `start()`.
 * From TypeScript sources (tsx, tests) the worker loads worker.ts through tsx; from a build,
 * pass `workerFile` (the bundled worker entry) or put `worker.js` beside this file. The messages
 * are typed in worker-protocol.ts.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StartOptions } from './index';
import type { DemoWorkerMessage, DemoWorkerRequest } from './worker-protocol';

export interface WorkerPlatform {
  url: string;
  token: string;
  worker: Worker;
  stop(): Promise<void>;
}

export type WorkerStartOptions = Omit<StartOptions, 'onSeeded'> & { workerFile?: string };

export function startInWorker(opts: WorkerStartOptions = {}): Promise<WorkerPlatform> {
  const { workerFile, ...data } = opts;
  let worker: Worker;
  const ts = fileURLToPath(new URL('./worker.ts', import.meta.url));
  const js = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (workerFile) worker = new Worker(workerFile, { workerData: data });
  else if (!import.meta.url.endsWith('.ts') && existsSync(js)) worker = new Worker(js, { workerData: data });
  else {
    // Source mode: let tsx load the TypeScript entry inside the worker.
    const code = `import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(ts)}, ${JSON.stringify(import.meta.url)}))`;
    worker = new Worker(code, { eval: true, workerData: data });
  }
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    worker.once('error', onError);
    worker.once('message', (m: DemoWorkerMessage) => {
      worker.off('error', onError);
      if (m.type !== 'ready' || !m.url || !m.token) {
        void worker.terminate();
        reject(new Error(`demo platform worker: ${m.type === 'error' ? m.message : 'did not start'}`));
        return;
      }
      let stopping: Promise<void> | null = null;
      resolve({
        url: m.url,
        token: m.token,
        worker,
        stop() {
          stopping ??= new Promise<void>((done) => {
            const finish = () => void worker.terminate().then(() => done());
            worker.once('message', finish);
            worker.once('exit', () => done());
            const request: DemoWorkerRequest = { type: 'stop' };
            worker.postMessage(request);
          });
          return stopping;
        },
      });
    });
  });
}
