/**
 * Two copies on one data folder, as separate processes: the second (browser mode after browser
 * mode, or after the desktop app) refuses to start with a message that names the folder and the
 * other process; a copy killed with SIGKILL leaves its lock behind, and that stale lock does not
 * block the next start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCK_FILE } from '../../../electron/host/data-folder-lock';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..', '..');
let work: string;
let renderer: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pd-int-lock-'));
  renderer = join(work, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

/** Starts a copy; resolves with its first line (READY or REFUSED) and the process. */
function copy(kind: 'web' | 'desktop', dataDir: string): Promise<{ line: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'data-folder-child.ts'), kind, dataDir, renderer], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ line, child }));
    child.once('exit', (code) => reject(new Error(`copy exited (${code}) without a word: ${stderr}`)));
  });
}
const killed = (c: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    c.once('exit', () => resolve());
    c.kill(signal);
  });

describe('two copies on one data folder', () => {
  it('browser mode twice: the second refuses, naming the folder and the first one; after SIGKILL of the first, a new start succeeds', async () => {
    const dir = join(work, 'web');
    const a = await copy('web', dir);
    expect(a.line).toBe(`READY ${a.child.pid}`);
    const b = await copy('web', dir);
    expect(b.line).toMatch(/^REFUSED data_folder_locked /);
    expect(b.line).toContain(dir);
    expect(b.line).toContain(`process ${a.child.pid}`);
    expect(b.line).toContain('browser mode');

    await killed(a.child, 'SIGKILL');
    expect(existsSync(join(dir, LOCK_FILE)), 'the killed copy left its lock').toBe(true);
    const c = await copy('web', dir);
    expect(c.line).toBe(`READY ${c.child.pid}`);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(c.child.pid);
    await killed(c.child, 'SIGTERM');
  });

  it('the desktop app holds the folder: browser mode refuses and names it', async () => {
    const dir = join(work, 'desktop');
    const d = await copy('desktop', dir);
    expect(d.line).toBe(`READY ${d.child.pid}`);
    const w = await copy('web', dir);
    expect(w.line).toMatch(/^REFUSED data_folder_locked /);
    expect(w.line).toContain(`desktop app, process ${d.child.pid}`);
    await killed(d.child, 'SIGKILL');
    const again = await copy('web', dir);
    expect(again.line).toMatch(/^READY /);
    await killed(again.child, 'SIGTERM');
  });

  it('the folder and the lock are readable by the user only', async () => {
    if (process.platform === 'win32') return;
    const dir = join(work, 'modes');
    const a = await copy('web', dir);
    expect(a.line).toMatch(/^READY /);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, LOCK_FILE)).mode & 0o777).toBe(0o600);
    await killed(a.child, 'SIGKILL');
  });
});
