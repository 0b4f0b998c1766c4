/**
 * `npm run web -- [--port P] [--demo | --platform URL [--token-stdin]] [--data DIR]`
 * The platform token comes from standard input (`--token-stdin`, one line) or from the environment
 * (PARTNER_DESK_PLATFORM_TOKEN); `--token T` still works but warns that `ps` shows it. Serves the built renderer, /rpc and /events on 127.0.0.1 and prints the address to open.
 * Without --platform it runs on the built-in demo platform (unless the data folder remembers
 * another connection chosen in Settings). Stops cleanly on SIGINT and SIGTERM.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readSavedConnection } from '../host/connection-store';
import { platformBaseUrl } from '../host/connections';
import { choosePlatformToken } from './platform-token';
import { startWebServer } from './server';

const root = resolve(import.meta.dirname, '..', '..');

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(
    'usage: npm run web -- [--port P] [--demo | --platform URL [--token-stdin]] [--data DIR]\n' +
      '  the platform token: one line on standard input with --token-stdin, or PARTNER_DESK_PLATFORM_TOKEN',
  );
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        demo: { type: 'boolean' },
        platform: { type: 'string' },
        token: { type: 'string' },
        'token-stdin': { type: 'boolean' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    usage(err instanceof Error ? err.message : String(err));
  }
  if (values.help) usage();
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    usage(`--port must be 0..65535, got ${values.port}`);
  if (values.demo && values.platform) usage('--demo and --platform exclude each other');
  const chosen = await choosePlatformToken({
    arg: values.token,
    fromStdin: Boolean(values['token-stdin']),
    env: process.env,
    stdin: process.stdin,
  });
  if (chosen.error) usage(chosen.error);
  if (chosen.warning) console.error(chosen.warning);
  const platformToken = chosen.token;
  if (values.platform && !platformToken) usage('--platform needs the platform token (--token-stdin or PARTNER_DESK_PLATFORM_TOKEN)');
  if (values.platform && !/^https?:\/\//.test(values.platform))
    usage('--platform must be an http(s) address');

  const dataDir = resolve(values.data ?? join(root, '.data', 'web'));
  const rendererDir = join(root, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    usage('The renderer is not built (out/renderer/index.html is missing): run `npm run build` first.');
  }
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
  const saved = readSavedConnection(dataDir);
  const useDemo = Boolean(values.demo) || (!values.platform && (!saved || saved.kind === 'demo'));

  const server = await startWebServer({
    port,
    dataDir,
    rendererDir,
    version,
    ...(values.platform && platformToken
      ? {
          connection: {
            kind: 'custom' as const,
            url: platformBaseUrl(values.platform),
            token: platformToken,
          },
        }
      : {}),
    ...(useDemo ? { demo: true } : {}),
  });

  console.log(`Partner Desk (browser mode) is running. Open this address in your browser:`);
  console.log(`  ${server.url}/?token=${server.token}`);
  if (server.demo)
    console.log(`Built-in demo platform: ${server.demo.url} (data in ${join(dataDir, 'demo-platform')})`);
  console.log(`Data folder: ${dataDir}. Press Ctrl+C to stop.`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
