/**
 * Where a platform token may be sent: over `https://` to any host, or over plain `http://` only
 * to this computer (a loopback host: 127.0.0.0/8, ::1, localhost). Used by the contract
 * (ConnectionInput), the settings form, and the platform client before every request.
 */

/** Why an address cannot carry the token, or null when it can. */
export type AddressProblem = 'invalid_url' | 'insecure_url';

/** Whether a URL host (as `URL.hostname` gives it: `[::1]` with brackets) is this computer. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h === '[::1]' || h === '::1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m.slice(1).every((p) => Number(p) <= 255);
}

/** `invalid_url` for anything but an http(s) URL with a host; `insecure_url` for http:// to another computer. */
export function platformAddressProblem(url: string): AddressProblem | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return 'invalid_url';
  }
  if (u.hostname === '' || (u.protocol !== 'https:' && u.protocol !== 'http:')) return 'invalid_url';
  if (u.username !== '' || u.password !== '') return 'invalid_url';
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname)) return 'insecure_url';
  return null;
}
