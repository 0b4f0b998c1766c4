/**
 * startCoreWorker: the core in a worker thread, so SQL and sync never stall the thread that
 * relays UI messages. Gives the same CoreHandle as createCore.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CoreEvent } from '../../shared/contract/events';
import { AppError, type AppErrorShape } from '../../shared/contract/rpc/errors';
import type { CreateCoreExtras } from './app';
import type { ConnectionConfig, CoreHandle, CoreOptions } from './host-types';

/**
 * The worker's file: next to the built main bundle (out/main/core-worker.js, also when this code
 * sits in out/main/chunks/), or electron/core/worker.ts when running from source (tsx, vitest).
 */
export function workerEntryPath(): string {
  const here = fileURLToPath(import.meta.url);
  const dir = dirname(here);
  if (here.endsWith('.ts')) return join(dir, 'worker.ts');
  for (const c of [join(dir, 'core-worker.js'), join(dir, '..', 'core-worker.js'), join(dir, 'core-worker.mjs')]) {
    if (existsSync(c)) return c;
  }
  // Bundled somewhere else but the sources are present (e.g. a test bundle): fall back to them.
  const src = resolve(dir, '..', '..', 'electron', 'core', 'worker.ts');
  if (existsSync(src)) return src;
  throw new Error(`core worker not found beside ${here}`);
}

type Out =
  | { id: number; result: unknown }
  | { id: number; error: AppErrorShape }
  | { event: CoreEvent }
  | { ready: true }
  | { fatal: AppErrorShape };

export async function startCoreWorker(opts: CoreOptions & CreateCoreExtras & { entry?: string }): Promise<CoreHandle> {
  const file = opts.entry ?? workerEntryPath();
  const { entry: _entry, ...data } = opts;
  // From source, a small JS bootstrap registers tsx inside the worker and imports the .ts entry.
  const worker = file.endsWith('.ts')
    ? new Worker(join(dirname(fileURLToPath(import.meta.url)), 'worker-tsx.mjs'), {
        workerData: { ...data, __entry: pathToFileURL(file).href },
      })
    : new Worker(file, { workerData: data });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const listeners = new Set<(e: CoreEvent) => void>();
  let nextId = 1;
  let exited = false;

  await new Promise<void>((res, rej) => {
    const onMsg = (m: Out) => {
      if ('ready' in m) {
        worker.off('message', onMsg);
        res();
      } else if ('fatal' in m) {
        worker.off('message', onMsg);
        void worker.terminate();
        rej(AppError.from(m.fatal));
      }
    };
    worker.on('message', onMsg);
    worker.once('error', rej);
    worker.once('exit', (code) => rej(new AppError('internal', `The core worker exited (${code}) before it was ready`)));
  });

  worker.on('message', (m: Out) => {
    if ('event' in m) {
      for (const l of listeners) l(m.event);
    } else if ('id' in m) {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if ('error' in m) p.reject(AppError.from(m.error));
      else p.resolve(m.result);
    }
  });
  worker.on('exit', () => {
    exited = true;
    for (const p of pending.values()) p.reject(new AppError('internal', 'The core worker stopped'));
    pending.clear();
  });
  worker.on('error', () => undefined);

  const send = (msg: Record<string, unknown>) =>
    new Promise<unknown>((resolve, reject) => {
      if (exited) return reject(new AppError('internal', 'The core worker stopped'));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...msg });
    });

  return {
    call: (method, input) => send({ method, input }),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async setConnection(conn: ConnectionConfig | null) {
      await send({ op: 'setConnection', conn });
    },
    async close() {
      if (exited) return;
      await send({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
