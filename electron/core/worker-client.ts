/**
 * startCoreWorker: the core in a worker thread (worker.ts), so SQL and sync never stall the
 * thread that relays UI messages. Gives the same CoreHandle as createCore; the messages both
 * sides send are typed in worker-protocol.ts.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CoreEvent } from '../../shared/contract/events';
import { AppError } from '../../shared/contract/rpc/errors';
import type { ConnectionConfig, CoreHandle } from './core-handle';
import type { CoreWorkerCommand, CoreWorkerData, CoreWorkerMessage, CoreWorkerRequest } from './worker-protocol';

/**
 * The worker's file: next to the built main bundle (out/main/core-worker.js, also when this code
 * sits in out/main/chunks/), or electron/core/worker.ts when running from source (tsx, vitest).
 */
export function workerEntryPath(): string {
  const here = fileURLToPath(import.meta.url);
  const dir = dirname(here);
  if (here.endsWith('.ts')) return join(dir, 'worker.ts');
  for (const candidate of [join(dir, 'core-worker.js'), join(dir, '..', 'core-worker.js'), join(dir, 'core-worker.mjs')]) {
    if (existsSync(candidate)) return candidate;
  }
  // Bundled somewhere else but the sources are present (e.g. a test bundle): fall back to them.
  const src = resolve(dir, '..', '..', 'electron', 'core', 'worker.ts');
  if (existsSync(src)) return src;
  throw new Error(`core worker not found beside ${here}`);
}

export async function startCoreWorker(opts: CoreWorkerData & { entry?: string }): Promise<CoreHandle> {
  const file = opts.entry ?? workerEntryPath();
  const { entry: _entry, ...data } = opts;
  const workerData: CoreWorkerData = data;
  // From source, the shared bootstrap (electron/host/worker-tsx.mjs) registers tsx inside the
  // worker and imports the .ts entry.
  const worker = file.endsWith('.ts')
    ? new Worker(join(dirname(fileURLToPath(import.meta.url)), '..', 'host', 'worker-tsx.mjs'), {
        workerData: { ...workerData, __entry: pathToFileURL(file).href },
      })
    : new Worker(file, { workerData });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const listeners = new Set<(e: CoreEvent) => void>();
  let nextId = 1;
  let exited = false;

  await new Promise<void>((res, rej) => {
    const onStartMessage = (message: CoreWorkerMessage) => {
      if ('ready' in message) {
        worker.off('message', onStartMessage);
        res();
      } else if ('fatal' in message) {
        worker.off('message', onStartMessage);
        void worker.terminate();
        rej(AppError.from(message.fatal));
      }
    };
    worker.on('message', onStartMessage);
    worker.once('error', rej);
    worker.once('exit', (code) => rej(new AppError('internal', `The core worker exited (${code}) before it was ready`)));
  });

  worker.on('message', (message: CoreWorkerMessage) => {
    if ('event' in message) {
      for (const listener of listeners) listener(message.event);
    } else if ('id' in message) {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if ('error' in message) waiting.reject(AppError.from(message.error));
      else waiting.resolve(message.result);
    }
  });
  worker.on('exit', () => {
    exited = true;
    for (const waiting of pending.values()) waiting.reject(new AppError('internal', 'The core worker stopped'));
    pending.clear();
  });
  worker.on('error', () => undefined);

  const send = (command: CoreWorkerCommand) =>
    new Promise<unknown>((resolve, reject) => {
      if (exited) return reject(new AppError('internal', 'The core worker stopped'));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const request: CoreWorkerRequest = { id, ...command };
      worker.postMessage(request);
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
