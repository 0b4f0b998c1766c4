/**
 * The page's guard on mailto: links: a click on one that the app did not compose (a recipient
 * other than the partner mailbox, or extra fields; for example an address that came in platform
 * text) does nothing. The desktop app checks the same rule again before handing a link to the OS.
 */
import { isAllowedMailto } from '../../shared/domain/links';

export function installLinkGuard(doc: Document): () => void {
  const onClick = (e: MouseEvent) => {
    const target = e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (!target) return;
    const href = target.getAttribute('href') ?? '';
    if (/^\s*mailto:/i.test(href) && !isAllowedMailto(href.trim())) e.preventDefault();
  };
  // Capture: runs before any handler of the page, for every mouse button that opens a link.
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('auxclick', onClick, true);
  return () => {
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('auxclick', onClick, true);
  };
}
