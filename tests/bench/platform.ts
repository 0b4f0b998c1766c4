/** Starts tests/bench/platform-child.ts in a child process (tsx) and resolves to its address. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export interface ChildPlatform {
  url: string;
  token: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));

export async function startChildPlatform(opts: { clients: number; seed?: number; dataDir?: string; demoControls?: boolean }): Promise<ChildPlatform> {
  const args = ['--import', 'tsx', join(here, 'platform-child.ts'), '--clients', String(opts.clients), '--seed', String(opts.seed ?? 1)];
  if (opts.dataDir) args.push('--data', opts.dataDir);
  if (opts.demoControls) args.push('--demo-controls', '1');
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'], cwd: join(here, '..', '..') });
  const first = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (l) => resolve(l));
    child.once('exit', (code) => reject(new Error(`demo platform exited (${code}) before it was ready`)));
  });
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  return {
    url,
    token,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
