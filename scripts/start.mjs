#!/usr/bin/env node
// `npm start`: build, then run the desktop app on the built-in demo platform. Where the Electron
// binary is not installed (and cannot be fetched), say so in one line and run browser mode instead.
//   PARTNER_DESK_BROWSER=1 npm start   skips the Electron check and runs browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const win = process.platform === 'win32';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: win });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * The Electron binary's path when it is usable: `require('electron')` returns it (and fetches the
 * binary on first use where that is possible). Its output is captured so a failure stays quiet.
 */
function electronBinary() {
  if (process.env.PARTNER_DESK_BROWSER === '1') return null;
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
  if (r.status !== 0) return null;
  const path = r.stdout.trim();
  return path && existsSync(path) ? path : null;
}

/** Runs a child in this process tree; signals reach it; its exit code is ours. */
function supervise(cmd, args, env = process.env) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env, shell: win });
  const forward = (signal) => {
    if (child.exitCode === null) child.kill(signal);
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => forward(s));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

run(bin('electron-vite'), ['build']);
const electron = electronBinary();
if (electron) {
  run(process.execPath, [join(root, 'scripts', 'rebuild-native.mjs'), 'electron']);
  supervise(electron, ['.']);
} else {
  console.log(
    'The Electron binary is not installed here, so Partner Desk starts in browser mode on the built-in demo platform.',
  );
  supervise(bin('tsx'), [join(root, 'electron', 'web', 'cli.ts'), '--demo', ...process.argv.slice(2)]);
}
