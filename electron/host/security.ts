/**
 * The app's security rules, shared by the desktop window and browser mode: the
 * Content-Security-Policy and response headers, the desktop app's own origin (app://partner-desk)
 * and its link allowlist, and browser mode's checks of Host, Origin and the per-run token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isAllowedMailto } from '../../shared/domain/links';

/**
 * The only <style> elements a library of the page injects, allowed by their exact hash (nothing
 * else inline is): react-aria's usePress adds this rule once so touch presses are not delayed.
 */
export const LIBRARY_STYLE_ELEMENTS = [
  '@layer {\n  [data-react-aria-pressable] {\n    touch-action: pan-x pan-y pinch-zoom;\n  }\n}',
] as const;

const styleHashes = LIBRARY_STYLE_ELEMENTS.map(
  (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`,
);

/**
 * The app's one Content-Security-Policy, sent as a response header by both servers of the page:
 * the desktop app's app:// protocol (electron/main) and browser mode (electron/web). The page has
 * no meta CSP of its own, so this string is the whole policy. Everything comes from the app's own
 * origin; no eval and no inline scripts; no inline styles except the hashed library rule above
 * (React's style props and uPlot set styles through the CSSOM, which CSP does not govern;
 * tests/e2e/csp.spec.ts walks the screens in Chromium and fails on any violation); no plugins, no
 * framing, no form submissions (forms are handled in script).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${styleHashes.join(' ')}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response of the app carries (browser mode's server, the desktop app:// protocol). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};

/** A fresh random token for this run (32 bytes, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of a presented token with the expected one. */
export function tokenMatches(presented: string | null | undefined, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Host header must name this server exactly (DNS rebinding defence). */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A present Origin must be this server's own (no cross-site requests). Absent is fine (same-origin GETs). */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Hosts the desktop app opens in the system browser (exact, or a subdomain of them). */
export const EXTERNAL_HOSTS = [
  'cloud.vk.com',
  'mcs.mail.ru',
  'support.vk.com',
  'help.mail.ru',
  'vk.company',
] as const;

/**
 * May the desktop app hand this link to the OS? Only https: links to the allowlist, and mailto:
 * links the app composes (isAllowedMailto: to the partner mailbox, or with no recipient like the
 * "Request top-up" letter). Credentials in the URL are refused.
 */
export function isAllowedExternalUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol === 'mailto:') return isAllowedMailto(raw);
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return false;
  const host = u.hostname.toLowerCase();
  return EXTERNAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/** The desktop app's own origin: the renderer is served from app://partner-desk/. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'partner-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Is this frame URL the app's own page (IPC sender check)? `devUrl` is electron-vite's dev server. */
export function isOwnAppUrl(raw: string | undefined | null, devUrl?: string | null): boolean {
  if (!raw) return false;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (`${u.protocol}//${u.host}` === APP_ORIGIN) return true;
  if (devUrl) {
    try {
      return u.origin === new URL(devUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}
