/**
 * A Partner Desk core in its own process, for the kill test. Env: DATA, URL, TOKEN, and ENQUEUE=n
 * to sync first and queue deletes of n active clients. Prints JSON lines: {"enqueued":...},
 * {"progress":...}, {"done":true} when nothing is left to send. The parent SIGKILLs it at will.
 */
import { createCore } from '../../../electron/core/create-core';

const env = (k: string) => {
  const v = process.env[k];
  if (!v) throw new Error(`missing ${k}`);
  return v;
};
const out = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');

const core = await createCore({
  dataDir: env('DATA'),
  mode: 'browser',
  version: 'test',
  connection: { kind: 'demo', url: env('URL'), token: env('TOKEN') },
  autoSync: false,
  apiOptions: { maxRetries: 0, retryBaseMs: 5, retryMaxMs: 20, timeoutMs: 30_000 },
  actions: { chunkSize: 100, backoffBaseMs: 5, backoffMaxMs: 50 },
});
core.onEvent((e) => {
  if (e.event === 'actions.progress') out({ progress: e.payload });
});
const n = Number(process.env.ENQUEUE ?? 0);
if (n > 0) {
  await core.engine.run();
  const { ids } = (await core.call('clients.ids', { statuses: ['active'] })) as { ids: string[] };
  const r = await core.call('actions.enqueue', { action: 'delete', ids: ids.slice(0, n) });
  out({ enqueued: r });
}
await core.ctx.actionRunner!.whenIdle();
out({ done: true });
await core.close();
process.exit(0);
