/**
 * The core in its own process, to be paused (SIGSTOP) and resumed (SIGCONT) as a laptop's sleep
 * does: `node --import tsx sleep-child.ts <dataDir> <url> <token>`. Scheduled sync on, the sleep
 * detector every 200 ms. Prints one line per event: "P <phase> <done>" (sync progress),
 * "A <batchId> <done> <pending>" (actions progress), "S <json>" (sync.status after a sync ended);
 * commands on stdin: "enqueue <action> <id,id,…>" -> "E <batchId>", "status" -> "S <json>".
 */
import { createInterface } from 'node:readline';
import { createCore } from '../../../electron/core/create-core';

const [dataDir, url, token] = process.argv.slice(2) as [string, string, string];
const core = await createCore({
  dataDir,
  mode: 'browser',
  version: 'test',
  connection: { kind: 'demo', url, token },
  wakeCheckMs: 200,
  sync: { pageSize: 20, offlineRetryMs: 200 },
  apiOptions: { retryBaseMs: 5, retryMaxMs: 50 },
  actions: { chunkSize: 20, backoffBaseMs: 5, backoffMaxMs: 100 },
});
const status = async () => `S ${JSON.stringify(await core.call('sync.status', {}))}\n`;
core.onEvent((e) => {
  if (e.event === 'sync.progress') {
    const p = e.payload as { phase: string; done: number };
    process.stdout.write(`P ${p.phase} ${p.done}\n`);
  } else if (e.event === 'actions.progress') {
    const p = e.payload as { batchId: string; done: number; pending: number };
    process.stdout.write(`A ${p.batchId} ${p.done} ${p.pending}\n`);
  } else if (e.event === 'data.changed' && (e.payload as { tables: string[] }).tables.includes('sync')) {
    void status().then((s) => process.stdout.write(s));
  }
});
createInterface({ input: process.stdin }).on('line', (line) => {
  void (async () => {
    const [cmd, a, b] = line.split(' ');
    if (cmd === 'enqueue') {
      const r = (await core.call('actions.enqueue', { action: a, ids: (b ?? '').split(',') })) as { batchId: string };
      process.stdout.write(`E ${r.batchId}\n`);
    } else if (cmd === 'status') process.stdout.write(await status());
  })();
});
process.stdout.write('READY\n');
