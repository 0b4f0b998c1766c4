// Runs a TypeScript worker entry from source (`npm run web`, tests): Node 20 does not pass the
// parent's tsx loader on to worker threads, so this bootstrap registers tsx inside the worker and
// then imports the entry named in workerData.__entry. Built apps run plain .js workers directly.
// The one bootstrap of both workers: the core's (core/worker-client.ts), the demo platform's
// (built-in-demo.ts).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.__entry);
