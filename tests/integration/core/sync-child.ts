/**
 * A sync in its own process, to be killed: `node --import tsx sync-child.ts <dataDir> <url> <token>`.
 * Prints one line per progress event ("P <phase> <done>") and "DONE" at the end.
 * Uses the engine directly (not the whole core) so it starts fast.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { openDatabase } from '../../../electron/core/db/open';
import { PartnerApi } from '../../../electron/core/partner-api/client';
import { SyncEngine } from '../../../electron/core/sync/engine';

const [dataDir, url, token] = process.argv.slice(2) as [string, string, string];
mkdirSync(dataDir, { recursive: true });
const db = openDatabase(join(dataDir, 'cache.sqlite'));
const api = new PartnerApi({ baseUrl: url, token, retryBaseMs: 5, retryMaxMs: 50 });
const engine = new SyncEngine({
  db,
  api: () => api,
  emit: (event, payload) => {
    if (event === 'sync.progress') {
      const p = payload as { phase: string; done: number };
      process.stdout.write(`P ${p.phase} ${p.done}\n`);
    }
  },
  pageSize: 40,
  projectsConcurrency: 4,
});
await engine.run();
db.close();
process.stdout.write('DONE\n');
