#!/usr/bin/env node
// Rebuilds better-sqlite3 for the runtime that will load it:
//   node scripts/rebuild-native.mjs electron   before the desktop app runs (npm start, npm run dist)
//   node scripts/rebuild-native.mjs node       so tests keep working after a desktop run
// A marker file beside the build records the target, so a rebuild happens only when it changes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const win = process.platform === 'win32';
const target = process.argv[2];
if (target !== 'electron' && target !== 'node') {
  console.error('usage: node scripts/rebuild-native.mjs electron|node');
  process.exit(2);
}
const moduleDir = dirname(require.resolve('better-sqlite3/package.json'));
const marker = join(moduleDir, 'build', 'partner-desk-target.txt');
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : null;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: win });
  if (r.status !== 0) {
    console.error(`rebuild-native: ${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}
/** Does better-sqlite3 load in this Node? */
function loadsInNode() {
  const r = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    stdio: 'ignore',
  });
  return r.status === 0;
}

if (target === 'electron') {
  const version = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const want = `electron-${version}`;
  if (current === want) {
    console.log(`better-sqlite3 is already built for Electron ${version}.`);
  } else {
    console.log(`Rebuilding better-sqlite3 for Electron ${version}…`);
    run(join(root, 'node_modules', '.bin', win ? 'electron-rebuild.cmd' : 'electron-rebuild'), [
      '-f',
      '-w',
      'better-sqlite3',
      '-v',
      version,
    ]);
    writeFileSync(marker, want);
  }
} else {
  const want = `node-${process.versions.modules}`;
  if ((current === want || current === null) && loadsInNode()) {
    console.log(`better-sqlite3 is built for Node (ABI ${process.versions.modules}).`);
  } else {
    console.log(`Rebuilding better-sqlite3 for Node ${process.version}…`);
    run('npm', ['rebuild', 'better-sqlite3']);
    if (!loadsInNode()) {
      console.error('rebuild-native: better-sqlite3 still does not load in Node.');
      process.exit(1);
    }
    writeFileSync(marker, want);
  }
}
