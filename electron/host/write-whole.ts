/**
 * Writing a file so that a reader never sees half of it: a temporary file beside it, renamed into
 * place; on any failure (a full disk, a file size limit) the temporary file is removed and the
 * error goes to the caller. diskFull tells a full disk from other failures.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeWhole(path: string, bytes: Buffer): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    await writeFile(tmp, bytes, { flag: 'wx' });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** No room left: the disk is full (ENOSPC), a quota is reached (EDQUOT), or a file size limit (EFBIG). */
export function diskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG';
}
