/**
 * One copy of Partner Desk on a data folder, in its own process, for the two-copies test:
 * `node --import tsx data-folder-child.ts web <dataDir> <rendererDir>` starts browser mode's server;
 * `... desktop <dataDir>` takes the folder as the desktop app does at start (no Electron here).
 * Prints "READY <pid>" and waits, or "REFUSED <code> <message>" and exits 3.
 */
import { startWebServer } from '../../../electron/web/server';
import { lockDataFolder } from '../../../electron/host/data-folder-lock';

const [kind, dataDir, rendererDir] = process.argv.slice(2) as [string, string, string];
try {
  if (kind === 'desktop') lockDataFolder(dataDir, 'desktop app');
  else await startWebServer({ port: 0, dataDir, rendererDir, connection: null, autoSync: false });
  process.stdout.write(`READY ${process.pid}\n`);
  setInterval(() => undefined, 60_000);
} catch (e) {
  const err = e as { code?: string; message?: string };
  process.stdout.write(`REFUSED ${err.code ?? '?'} ${err.message ?? String(e)}\n`);
  process.exit(3);
}
