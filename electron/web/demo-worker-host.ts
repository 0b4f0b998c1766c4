/**
 * Runs the built-in demo platform in a worker thread, so its HTTP server and SQLite never share
 * a thread with the window's relay (desktop) or browser mode's server.
 *
 * The protocol with `electron/demo-platform/worker.ts`:
 *   workerData = the options of `start()` from electron/demo-platform/index (port 0 = free port);
 *   the worker posts { type: 'ready', url, token } once listening, or { type: 'error', message };
 *   on { type: 'stop' } it stops the platform and posts { type: 'stopped' }.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface DemoWorkerOptions {
  port?: number;
  seed?: number;
  clients?: number;
  dataDir?: string;
  token?: string;
  region?: 'moscow' | 'kazakhstan';
  policies?: 'seed' | 'vk-2025';
  allowDemoControls?: boolean;
}

export interface DemoPlatformHandle {
  url: string;
  token: string;
  stop(): Promise<void>;
}

type FromWorker =
  { type: 'ready'; url: string; token: string } | { type: 'error'; message: string } | { type: 'stopped' };

/** Starts the demo platform worker from `workerFile` (the .ts source under tsx, out/main/demo-worker.js when built). */
export function startDemoWorker(
  workerFile: string | URL,
  opts: DemoWorkerOptions,
): Promise<DemoPlatformHandle> {
  const file = workerFile instanceof URL ? fileURLToPath(workerFile) : workerFile;
  // From source, a small JS bootstrap registers tsx inside the worker, then imports the .ts entry.
  const worker = file.endsWith('.ts')
    ? new Worker(new URL('./worker-tsx.mjs', import.meta.url), {
        workerData: { ...opts, __entry: pathToFileURL(file).href },
        name: 'demo-platform',
      })
    : new Worker(file, { workerData: opts, name: 'demo-platform' });
  return new Promise((resolve, reject) => {
    let ready = false;
    let stopping: Promise<void> | null = null;
    const onExitEarly = (code: number) => {
      if (!ready) reject(new Error(`The demo platform worker exited (code ${code}) before it was ready`));
    };
    worker.once('exit', onExitEarly);
    worker.once('error', (err) => {
      if (!ready) reject(err);
      else console.error('demo platform worker failed:', err);
    });
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'error' && !ready) {
        reject(new Error(`The demo platform did not start: ${m.message}`));
        void worker.terminate();
      } else if (m.type === 'ready' && !ready) {
        ready = true;
        resolve({
          url: m.url,
          token: m.token,
          stop() {
            stopping ??= new Promise<void>((done) => {
              const force = setTimeout(() => void worker.terminate(), 5000);
              force.unref();
              worker.once('exit', () => {
                clearTimeout(force);
                done();
              });
              worker.on('message', (msg: FromWorker) => {
                if (msg.type === 'stopped') void worker.terminate();
              });
              worker.postMessage({ type: 'stop' });
            });
            return stopping;
          },
        });
      }
    });
  });
}
