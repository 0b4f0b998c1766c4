/**
 * The addresses the partner documentation points to, written once for the app's help, the
 * partner application and the desktop menu. All are on the desktop app's link allowlist
 * (electron/host/security.ts), and isAllowedMailto is the one rule for mailto: links, used by the
 * renderer's link guard and by the desktop app before it hands a link to the OS.
 */

/** The partner program page, where a company applies ("Contact sales"). */
export const PARTNER_PROGRAM_URL = 'https://cloud.vk.com/partner/';
/** The partner's personal account: the web console Partner Desk stands in for. */
export const PARTNER_ACCOUNT_URL = 'https://cloud.vk.com/partner/app/';
/** VK Cloud's support contacts (how to reach technical support). */
export const SUPPORT_CONTACTS_URL = 'https://cloud.vk.com/docs/intro/start/support/support-info#sposoby_obrashcheniya';
/** The support portal, where a partner asks for pilot infrastructure among other things. */
export const SUPPORT_PORTAL_URL = 'https://support.mcs.mail.ru';
/** VK Cloud's price list: what an agent's clients pay. */
export const PRICE_LIST_URL = 'https://cloud.vk.com/pricelist';
/** The partner department's mailbox. */
export const PARTNER_MAILBOX = 'partner@mcs.mail.ru';

/** A mailto: link with a subject and body, encoded for any mail client. */
export function mailtoUrl(to: string, subject: string, body: string): string {
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * The only recipients a mailto: link may name: the addresses the app itself composes letters to.
 * (The platform's partner record carries no e-mail address; the top-up letter names no recipient,
 * the manager picks one in the mail client.)
 */
export const MAILTO_RECIPIENTS: readonly string[] = [PARTNER_MAILBOX];

const MAILTO_TEXT_FIELDS = new Set(['subject', 'body']);
const MAILTO_ADDRESS_FIELDS = new Set(['to', 'cc', 'bcc']);

/**
 * Is this a mailto: link the app composed: every recipient (in the address and in to/cc/bcc) on
 * MAILTO_RECIPIENTS, or none at all, and no other fields than subject and body?
 */
export function isAllowedMailto(raw: string): boolean {
  if (!/^mailto:/i.test(raw)) return false;
  const rest = raw.slice('mailto:'.length);
  const q = rest.indexOf('?');
  const path = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? '' : rest.slice(q + 1);
  const recipientsOk = (list: string): boolean => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(list);
    } catch {
      return false;
    }
    return decoded
      .split(',')
      .map((a) => a.trim().toLowerCase())
      .filter((a) => a !== '')
      .every((a) => MAILTO_RECIPIENTS.includes(a));
  };
  if (!recipientsOk(path)) return false;
  if (query === '') return true;
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (MAILTO_TEXT_FIELDS.has(key)) continue;
    if (MAILTO_ADDRESS_FIELDS.has(key) && recipientsOk(value)) continue;
    return false;
  }
  return true;
}
