// Runs a TypeScript worker entry from source (tests, `tsx` scripts): Node 20 does not pass a
// parent's tsx loader on to worker threads, so the worker registers it itself, then imports
// the entry named in workerData.__entry. The built app runs out/main/core-worker.js directly.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.__entry);
