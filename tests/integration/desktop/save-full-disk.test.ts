/**
 * Saving an export (a CSV, the local data file) when the disk has no room, for real: the desktop
 * app's writer (electron/host/write-whole.ts, used by the Save dialog's handler) runs in a child
 * process under a 32 KiB file size limit (`ulimit -f`), so the write fails with EFBIG after part
 * of the bytes went out. Nothing half-written is left — neither the target nor the temporary
 * file — the failure is recognised as a full disk, and the user reads the translated message.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n';

const root = resolve(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'pd-save-full-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(target: string, limitBlocks: number | null): string {
  const child = join(import.meta.dirname, 'save-full-disk-child.ts');
  const cmd = `${limitBlocks === null ? '' : `ulimit -f ${limitBlocks}; `}exec "${process.execPath}" --import tsx "${child}" "${target}"`;
  const r = spawnSync('sh', ['-c', cmd], { cwd: root, encoding: 'utf8' });
  return `${r.stdout}`.trim();
}

describe('an export saved on a disk with no room', () => {
  it('fails as a full disk and leaves nothing half-written', () => {
    const target = join(dir, 'clients.csv');
    expect(save(target, 64)).toBe('failed EFBIG diskFull=true');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    for (const lang of ['en', 'ru'] as const) expect(resources[lang].menu.saveDiskFull).toContain('{{name}}');
  });

  it('with room, the same write goes through (control)', () => {
    const target = join(dir, 'partner-desk-local-data.json');
    expect(save(target, null)).toBe('saved');
    expect(readdirSync(dir)).toEqual(['partner-desk-local-data.json']);
  });
});
