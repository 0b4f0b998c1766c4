/**
 * The demo platform in its own process for the benchmark (its CPU must not count on the relay
 * thread). Prints one JSON line {url, token} when ready; stops on SIGTERM or when stdin closes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../../electron/demo-platform/index';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};

const p = await start({
  port: 0,
  seed: Number(arg('seed', '1')),
  clients: Number(arg('clients', '1000')),
  dataDir: arg('data', mkdtempSync(join(tmpdir(), 'pd-bench-platform-'))),
  allowDemoControls: arg('demo-controls', '0') === '1',
});
process.stdout.write(JSON.stringify({ url: p.url, token: p.token }) + '\n');
const stop = () => void p.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
