/**
 * The built-in demo platform of the desktop app and browser mode: `startBuiltInDemo()` decides
 * in this one place how it starts (seed, size, its data in `<dataDir>/demo-platform`, demo
 * controls on). It runs in a worker thread, so its HTTP server and SQLite never share a thread
 * with the window's relay (desktop) or browser mode's server. The messages with
 * electron/demo-platform/worker.ts are typed in electron/demo-platform/worker-protocol.ts.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ConnectionConfig } from '../core/core-handle';
import type {
  DemoWorkerData,
  DemoWorkerMessage,
  DemoWorkerRequest,
} from '../demo-platform/worker-protocol';

/** The options of the demo platform's start() (electron/demo-platform/index) that a worker takes. */
export type DemoWorkerOptions = DemoWorkerData;

export interface BuiltInDemoOptions {
  /** The app's data folder; the platform keeps its data in `<dataDir>/demo-platform`. */
  dataDir: string;
  /** The worker entry: out/main/demo-worker.js when built; default the .ts source (tsx, tests). */
  workerFile?: string | URL;
  /** A packaged desktop app: the demo controls (faults, clock, invitations) are off. */
  packaged?: boolean;
  /** Replaces the defaults below (a test's smaller data set). */
  overrides?: DemoWorkerOptions;
}

/**
 * The built-in demo platform: a free loopback port, seed 1, 250 clients, demo controls on
 * (browser mode, development, tests) except in a packaged app.
 */
export function startBuiltInDemo(opts: BuiltInDemoOptions): Promise<DemoPlatformHandle> {
  return startDemoWorker(opts.workerFile ?? new URL('../demo-platform/worker.ts', import.meta.url), {
    port: 0,
    seed: 1,
    clients: 250,
    dataDir: join(opts.dataDir, 'demo-platform'),
    allowDemoControls: !opts.packaged,
    ...opts.overrides,
  });
}

/**
 * The built-in demo as the connection manager wants it: started on first need, then the same
 * connection for every later choice of "demo" until stop().
 */
export interface BuiltInDemo {
  /** The demo connection; starts the platform the first time. */
  connection(): Promise<ConnectionConfig>;
  /** Point the demo choice at a platform someone else runs (a test's own) instead of starting one. */
  useRunning(conn: ConnectionConfig): void;
  /** The platform this process started, if any. */
  readonly started: DemoPlatformHandle | null;
  stop(): Promise<void>;
}

export function builtInDemoOnDemand(opts: BuiltInDemoOptions): BuiltInDemo {
  let started: DemoPlatformHandle | null = null;
  let conn: ConnectionConfig | null = null;
  return {
    async connection() {
      if (conn) return conn;
      started = await startBuiltInDemo(opts);
      conn = { kind: 'demo', url: started.url, token: started.token };
      return conn;
    },
    useRunning(running) {
      conn = running;
    },
    get started() {
      return started;
    },
    async stop() {
      await started?.stop();
    },
  };
}

export interface DemoPlatformHandle {
  url: string;
  token: string;
  stop(): Promise<void>;
}

/** Starts the demo platform worker from `workerFile` (the .ts source under tsx, out/main/demo-worker.js when built). */
export function startDemoWorker(
  workerFile: string | URL,
  opts: DemoWorkerOptions,
): Promise<DemoPlatformHandle> {
  const file = workerFile instanceof URL ? fileURLToPath(workerFile) : workerFile;
  const workerData: DemoWorkerData = opts;
  // From source, a small JS bootstrap registers tsx inside the worker, then imports the .ts entry.
  const worker = file.endsWith('.ts')
    ? new Worker(new URL('./worker-tsx.mjs', import.meta.url), {
        workerData: { ...workerData, __entry: pathToFileURL(file).href },
        name: 'demo-platform',
      })
    : new Worker(file, { workerData, name: 'demo-platform' });
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
    worker.on('message', (m: DemoWorkerMessage) => {
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
              worker.on('message', (msg: DemoWorkerMessage) => {
                if (msg.type === 'stopped') void worker.terminate();
              });
              const request: DemoWorkerRequest = { type: 'stop' };
              worker.postMessage(request);
            });
            return stopping;
          },
        });
      }
    });
  });
}
