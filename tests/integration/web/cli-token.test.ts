/**
 * Browser mode's CLI takes the platform token from standard input (`--token-stdin`) or from
 * PARTNER_DESK_PLATFORM_TOKEN without it ever appearing in the process's command line, and
 * `--token T` still works but prints a one-line warning. Each case runs the real CLI as a child
 * process against a real demo platform and waits until the app's first sync went through with
 * the token (a wrong token is rejected by the platform: the control that the token is used).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start as startDemoPlatform, type DemoPlatform } from '../../../electron/demo-platform/index';
import { TOKEN_ARG_WARNING, TOKEN_ENV } from '../../../electron/web/platform-token';

const root = resolve(import.meta.dirname, '..', '..', '..');
const TOKEN = 'cli-test-token-7f3a9c';

let dir: string;
let platform: DemoPlatform;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) throw new Error('run `npx electron-vite build` first');
  dir = mkdtempSync(join(tmpdir(), 'pd-cli-token-'));
  platform = await startDemoPlatform({ port: 0, dataDir: join(dir, 'platform'), clients: 20, token: TOKEN });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  await platform?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  stderr: () => string;
  /** Resolves with the app's address (with ?token=) once the CLI printed it, or rejects on exit. */
  address: Promise<string>;
}

function runCli(args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  if (!opts.env?.[TOKEN_ENV]) delete env[TOKEN_ENV];
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'web', 'cli.ts'), ...args], {
    cwd: root,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const address = new Promise<string>((resolveAddress, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolveAddress(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`cli exited ${code}: ${err}`)));
  });
  if (opts.stdin !== undefined) child.stdin!.end(opts.stdin);
  return { child, stderr: () => err, address };
}

async function rpc<T>(address: string, method: string): Promise<T> {
  const u = new URL(address);
  const res = await fetch(`${u.origin}/rpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Partner-Desk-Token': u.searchParams.get('token')! },
    body: JSON.stringify({ method, input: {} }),
  });
  const body = (await res.json()) as { ok: boolean; result: T };
  return body.result;
}

interface Status {
  running: boolean;
  lastSyncedAt: string | null;
  lastError: { code: string } | null;
}
/** The outcome of the app's first sync against the platform: 'synced' or the error code. */
async function firstSync(address: string): Promise<string> {
  for (;;) {
    const s = await rpc<Status>(address, 'sync.status');
    if (s.lastSyncedAt) return 'synced';
    if (s.lastError && !s.running) return s.lastError.code;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stop(run: Run): Promise<void> {
  const exited = new Promise((r) => run.child.once('exit', r));
  run.child.kill('SIGTERM');
  await exited;
}

function cmdline(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
}

describe('browser mode CLI: the platform token', () => {
  it('--token-stdin reads one line from standard input; the token is not in the command line', async () => {
    const run = runCli(['--platform', platform.url, '--token-stdin', '--data', join(dir, 'stdin')], { stdin: `${TOKEN}\n` });
    const address = await run.address;
    expect(cmdline(run.child.pid!)).not.toContain(TOKEN);
    expect(await firstSync(address)).toBe('synced');
    expect(run.stderr()).not.toContain('Warning');
    await stop(run);
  });

  it(`${TOKEN_ENV} works without any token argument`, async () => {
    const run = runCli(['--platform', platform.url, '--data', join(dir, 'env')], { env: { [TOKEN_ENV]: TOKEN } });
    const address = await run.address;
    expect(cmdline(run.child.pid!)).not.toContain(TOKEN);
    expect(await firstSync(address)).toBe('synced');
    expect(run.stderr()).toBe('');
    await stop(run);
  });

  it('--token still works and prints a one-line warning', async () => {
    const run = runCli(['--platform', platform.url, '--token', TOKEN, '--data', join(dir, 'arg')]);
    const address = await run.address;
    expect(await firstSync(address)).toBe('synced');
    expect(run.stderr()).toBe(`${TOKEN_ARG_WARNING}\n`);
    await stop(run);
  });

  it('a wrong token from standard input reaches the platform and is rejected (control)', async () => {
    const run = runCli(['--platform', platform.url, '--token-stdin', '--data', join(dir, 'wrong')], { stdin: 'not-the-token\n' });
    expect(await firstSync(await run.address)).toBe('token_rejected');
    await stop(run);
  });

  it('refuses two sources at once and an empty standard input', async () => {
    const both = runCli(['--platform', platform.url, '--token-stdin', '--data', join(dir, 'both')], {
      stdin: `${TOKEN}\n`,
      env: { [TOKEN_ENV]: TOKEN },
    });
    await expect(both.address).rejects.toThrow(/exited 2: Give the platform token one way only/);
    const empty = runCli(['--platform', platform.url, '--token-stdin', '--data', join(dir, 'empty')], { stdin: '' });
    await expect(empty.address).rejects.toThrow(/exited 2: --token-stdin: standard input held no token line/);
  });
});
