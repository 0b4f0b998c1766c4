/** renderer/ui/files.ts saveFile: in the desktop app it goes through the bridge's native save. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PartnerDeskBridge, SaveFileReply } from '../../../shared/contract/bridge';
import { AppError } from '../../../shared/contract/rpc/errors';

const file = { fileName: 'детализация_c1_2026-01-01_2026-01-31.xlsx', mime: 'application/x', base64: 'AAEC' };

function withBridge(reply: SaveFileReply) {
  const saveFile = vi.fn<PartnerDeskBridge['saveFile']>(async () => reply);
  vi.stubGlobal('window', { partnerDesk: { saveFile } });
  return saveFile;
}

describe('saveFile (renderer)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('desktop: hands name, type and bytes to the bridge; no link, no path', async () => {
    const bridge = withBridge({ ok: true, result: { saved: true, fileName: file.fileName } });
    const { saveFile } = await import('../../../renderer/ui/files');
    await saveFile({ ...file });
    expect(bridge).toHaveBeenCalledWith(file);
  });

  it('desktop: a cancelled dialog is not an error; a refused request is an AppError', async () => {
    withBridge({ ok: true, result: { saved: false } });
    const { saveFile } = await import('../../../renderer/ui/files');
    await expect(saveFile(file)).resolves.toBeUndefined();
    withBridge({ ok: false, error: { code: 'invalid_input', message: 'A file name, not a path' } });
    await expect(saveFile(file)).rejects.toMatchObject({ name: AppError.name, code: 'invalid_input' });
  });
});
