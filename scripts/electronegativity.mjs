#!/usr/bin/env node
// Electron's security scanner (@doyensec/electronegativity) over electron/, renderer/ and shared/
// as one app (so its whole-app checks see the guards in electron/ and the CSP in renderer/).
// Fails on any finding of HIGH or MEDIUM severity with FIRM or CERTAIN confidence, except those
// listed in scripts/electronegativity.json, each with the one-line reason it is a false positive.
// Offline it prints that it cannot fetch translations or Electron's release data: that is fine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const FOLDERS = ['electron', 'renderer', 'shared'];
const SEVERITIES = new Set(['HIGH', 'MEDIUM']);
const CONFIDENCES = new Set(['FIRM', 'CERTAIN']);
const TIMEOUT_MS = 180_000;

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

export function blocking(findings, exceptions) {
  const serious = findings.filter((f) => SEVERITIES.has(f.severity) && CONFIDENCES.has(f.confidence));
  const excused = (f) => exceptions.find((e) => e.check === f.check && e.file === f.file);
  return {
    failing: serious.filter((f) => !excused(f)),
    excused: serious.filter((f) => excused(f)),
    stale: exceptions.filter((e) => !serious.some((f) => e.check === f.check && e.file === f.file)),
  };
}

function main() {
  const config = JSON.parse(readFileSync(join(root, 'scripts', 'electronegativity.json'), 'utf8'));
  const exceptions = config.exceptions ?? [];
  for (const e of exceptions) {
    if (!e.check || !e.file || typeof e.why !== 'string' || !e.why.trim() || e.why.includes('\n')) {
      console.error('electronegativity.json: every exception needs check, file and a one-line why:', e);
      return 1;
    }
  }
  const electronVersion = JSON.parse(
    readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const work = mkdtempSync(join(tmpdir(), 'pd-electronegativity-'));
  try {
    const input = join(work, 'app');
    spawnSync('mkdir', [input]);
    for (const f of FOLDERS) symlinkSync(join(root, f), join(input, f), 'dir');
    const out = join(work, 'findings.csv');
    const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
    const r = spawnSync(
      process.execPath,
      [cli, '-i', input, '-r', '-o', out, '-v', 'false', '-e', electronVersion],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        timeout: TIMEOUT_MS,
        killSignal: 'SIGKILL',
      },
    );
    if (r.error || r.signal) {
      console.error(
        `electronegativity did not finish in ${TIMEOUT_MS / 1000} s (${r.error?.message ?? r.signal})`,
      );
      return 1;
    }
    if (r.status !== 0 || !existsSync(out)) {
      console.error(`electronegativity failed (exit ${r.status})`);
      return 1;
    }
    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    if (!header || header[0] !== 'issue') {
      console.error('electronegativity: unexpected output', header);
      return 1;
    }
    const findings = rows.map(([check, severity, confidence, file, location, sample]) => ({
      check,
      severity,
      confidence,
      file,
      location,
      sample,
    }));
    const { failing, excused, stale } = blocking(findings, exceptions);
    console.log(
      `electronegativity ${electronVersion}: ${findings.length} findings, ${excused.length} excused, ${failing.length} at HIGH/MEDIUM with FIRM/CERTAIN confidence`,
    );
    for (const f of failing)
      console.log(`  ${f.severity}/${f.confidence} ${f.check} ${f.file}:${f.location}  ${f.sample}`);
    for (const e of stale)
      console.log(`  stale exception (no longer found; remove it): ${e.check} ${e.file}`);
    return failing.length || stale.length ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main());
