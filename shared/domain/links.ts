/**
 * The addresses the partner documentation points to, written once for the app's help, the
 * partner application and the desktop menu. All are on the desktop app's link allowlist
 * (electron/host/security.ts).
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
