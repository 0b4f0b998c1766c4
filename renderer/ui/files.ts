/** Files and the clipboard: saving picks the desktop's native dialog or the browser's download. */
import { AppError } from '../../shared/contract/rpc/errors';

interface BuiltFile {
  fileName: string;
  mime: string;
  base64: string;
}

/**
 * Saves a file the core built (base64). Desktop: the main process asks where with the native Save
 * dialog and writes it (cancelling is fine); browser mode: the browser's download.
 */
export async function saveFile(f: BuiltFile): Promise<void> {
  const desktop = typeof window !== 'undefined' ? window.partnerDesk : undefined;
  if (desktop) {
    const reply = await desktop.saveFile({ fileName: f.fileName, mime: f.mime, base64: f.base64 });
    if (!reply.ok) throw AppError.from(reply.error);
    return;
  }
  download(f);
}

function download(f: BuiltFile): void {
  const bin = atob(f.base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: f.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = f.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies text; falls back to a hidden textarea where the Clipboard API is refused. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
}
