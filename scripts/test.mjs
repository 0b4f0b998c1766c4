#!/usr/bin/env node
// `npm test`: every check, in order, stopping at nothing: type check, lint, Electron's security
// scanner, the build, unit and integration tests (Vitest; the desktop start-up tests serve the
// built renderer, so the build comes first), and the end-to-end suite (Playwright, Debian Chromium).
// Exits non-zero when any step fails, and prints one closing line with the counts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const steps = [
  // After a desktop run better-sqlite3 is built for Electron; put the Node build back (instant when it is).
  ['native module', 'node', ['scripts/rebuild-native.mjs', 'node']],
  ['type check', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  // Offline it says it cannot fetch translations and Electron's release data; the script has a timeout.
  ['electronegativity', 'node', ['scripts/electronegativity.mjs']],
  ['build', 'npx', ['electron-vite', 'build']],
  ['unit + integration', 'npx', ['vitest', 'run']],
  ['end to end', 'npx', ['playwright', 'test']],
];
/** Same rule as tests/support/electron.ts: the binary is there only when path.txt names an existing file. */
function electronInstalled() {
  const dir = 'node_modules/electron';
  if (!existsSync(`${dir}/path.txt`)) return false;
  return existsSync(`${dir}/dist/${readFileSync(`${dir}/path.txt`, 'utf8').trim()}`);
}

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name.split(' ')[0])) continue;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  if (name === 'end to end' && !electronInstalled()) {
    console.log('=== note: the Electron binary is not installed here, so the desktop (_electron) suite in tests/e2e/electron skips; the browser-mode suite runs in Chromium.');
  }
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status === 0) {
    passed++;
    console.log(`=== ${name}: ok (${s} s)`);
  } else {
    failed++;
    console.log(`=== ${name}: FAILED (exit ${r.status ?? r.signal}, ${s} s)`);
  }
}
console.log(`\nsteps: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
