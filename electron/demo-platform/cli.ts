/**
 * npm run demo-platform -- --port 8787 --seed 1 --clients 250 [--data DIR] [--token T]
 *   [--region moscow|kazakhstan] [--policies seed|vk-2025] [--allow-demo-controls] [--now ISO]
 * Prints the URL and the token; stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { start, type StartOptions } from './index';

function fail(msg: string): never {
  console.error(`demo-platform: ${msg}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    seed: { type: 'string', default: '1' },
    clients: { type: 'string', default: '250' },
    data: { type: 'string' },
    token: { type: 'string' },
    region: { type: 'string', default: 'moscow' },
    policies: { type: 'string', default: 'seed' },
    now: { type: 'string' },
    'allow-demo-controls': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (values.help) {
  console.log(
    'npm run demo-platform -- [--port 8787] [--seed 1] [--clients 250] [--data DIR] [--token T] ' +
      '[--region moscow|kazakhstan] [--policies seed|vk-2025] [--allow-demo-controls] [--now ISO-UTC]',
  );
  process.exit(0);
}
const int = (name: string, v: string, min: number, max: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${name} must be an integer from ${min} to ${max}`);
  return n;
};
if (values.region !== 'moscow' && values.region !== 'kazakhstan') fail('--region is moscow or kazakhstan');
if (values.policies !== 'seed' && values.policies !== 'vk-2025') fail('--policies is seed or vk-2025');
const opts: StartOptions = {
  port: int('port', values.port, 0, 65535),
  seed: int('seed', values.seed, 0, 2 ** 31 - 1),
  clients: int('clients', values.clients, 0, 1_000_000),
  region: values.region,
  policies: values.policies,
  allowDemoControls: values['allow-demo-controls'],
  onSeeded: (i) => console.log(`Generated ${i.clients} clients and ${i.transactions} ledger rows in ${(i.ms / 1000).toFixed(1)} s`),
};
if (values.data) opts.dataDir = values.data;
if (values.token) opts.token = values.token;
if (values.now) {
  const t = Date.parse(values.now);
  if (!Number.isFinite(t)) fail('--now must be an ISO time');
  opts.now = t;
}

const p = await start(opts).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
console.log(`Demo partner platform: ${p.url}/partner/api/v1`);
console.log(`Token (X-Access-Token): ${p.token}`);
if (opts.allowDemoControls) console.log(`Demo controls: ${p.url}/__demo/faults, ${p.url}/__demo/tick`);
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void p.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
