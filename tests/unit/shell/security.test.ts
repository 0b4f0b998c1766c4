import { describe, expect, it } from 'vitest';
import {
  CSP,
  hostAllowed,
  isAllowedExternalUrl,
  isOwnAppUrl,
  originAllowed,
  tokenMatches,
  newToken,
} from '../../../electron/host/security';
import { resolveInside, mimeOf } from '../../../electron/host/static';

describe('external links (desktop window-open and navigation guards)', () => {
  it.each([
    ['https://cloud.vk.com/docs', true],
    ['https://msk.cloud.vk.com/app', true],
    ['https://mcs.mail.ru/help', true],
    ['https://support.vk.com/x', true],
    ['mailto:partner@mcs.mail.ru?subject=Application&body=Hello', true],
    ['mailto:?subject=Top-up&body=Please', true],
    ['mailto:PARTNER@MCS.MAIL.RU', true],
    ['mailto:partner%40mcs.mail.ru', true],
    ['mailto:attacker@example.com', false],
    ['mailto:support@mcs.mail.ru?subject=Top-up', false],
    ['mailto:partner@mcs.mail.ru,attacker@example.com', false],
    ['mailto:partner@mcs.mail.ru?cc=attacker@example.com', false],
    ['mailto:?to=attacker%40example.com&subject=x', false],
    ['mailto:partner@mcs.mail.ru?bcc=partner@mcs.mail.ru', true],
    ['mailto:partner@mcs.mail.ru?attach=/etc/passwd', false],
    ['mailto:partner@mcs.mail.ru.example.com', false],
    ['mailto:%E0%A4%A', false],
    ['http://cloud.vk.com/docs', false],
    ['https://cloud.vk.com.evil.example/', false],
    ['https://evilcloud.vk.com.example/', false],
    ['https://user:pw@cloud.vk.com/', false],
    ['https://cloud.vk.com:8443/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://example.com/', false],
    ['not a url', false],
  ])('%s -> %s', (url, ok) => {
    expect(isAllowedExternalUrl(url)).toBe(ok);
  });
});

describe('own app URL (IPC sender check)', () => {
  it('accepts only the app origin (and the dev server when given)', () => {
    expect(isOwnAppUrl('app://partner-desk/index.html')).toBe(true);
    expect(isOwnAppUrl('app://partner-desk')).toBe(true);
    expect(isOwnAppUrl('app://partner-desk-evil/index.html')).toBe(false);
    expect(isOwnAppUrl('https://partner-desk/')).toBe(false);
    expect(isOwnAppUrl('file:///tmp/index.html')).toBe(false);
    expect(isOwnAppUrl('')).toBe(false);
    expect(isOwnAppUrl(undefined)).toBe(false);
    expect(isOwnAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isOwnAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('browser mode request checks', () => {
  it('Host and Origin must be this server', () => {
    expect(hostAllowed('127.0.0.1:4000', 4000)).toBe(true);
    expect(hostAllowed('localhost:4000', 4000)).toBe(true);
    expect(hostAllowed('127.0.0.1', 4000)).toBe(false);
    expect(hostAllowed(undefined, 4000)).toBe(false);
    expect(originAllowed(undefined, 4000)).toBe(true);
    expect(originAllowed('http://localhost:4000', 4000)).toBe(true);
    expect(originAllowed('null', 4000)).toBe(false);
  });
  it('tokens are long, random and compared exactly', () => {
    const a = newToken();
    expect(a.length).toBeGreaterThanOrEqual(40);
    expect(newToken()).not.toBe(a);
    expect(tokenMatches(a, a)).toBe(true);
    expect(tokenMatches(a.slice(1), a)).toBe(false);
    expect(tokenMatches(undefined, a)).toBe(false);
  });
  it('the CSP is strict', () => {
    expect(CSP).toMatch(/default-src 'self'/);
    expect(CSP).not.toMatch(/unsafe-eval/);
    expect(CSP).toMatch(/script-src 'self'(;|$)/);
  });
  it('static paths stay inside the root and get their MIME type', () => {
    expect(resolveInside('/srv/r', '/index.html')).toBe('/srv/r/index.html');
    expect(resolveInside('/srv/r', '/../x')).toBe('/srv/r/x');
    expect(resolveInside('/srv/r', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/r/etc/passwd');
    expect(resolveInside('/srv/r', '/%E0%A4%A')).toBeNull();
    expect(mimeOf('a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeOf('x.woff2')).toBe('font/woff2');
  });
});

describe('platform address', () => {
  it('drops trailing slashes and the API path', async () => {
    const { platformBaseUrl } = await import('../../../electron/host/connections');
    expect(platformBaseUrl('http://127.0.0.1:8787/partner/api/v1')).toBe('http://127.0.0.1:8787');
    expect(platformBaseUrl('https://host.example/partner/api/v1/')).toBe('https://host.example');
    expect(platformBaseUrl(' https://cloud.vk.com/ ')).toBe('https://cloud.vk.com');
    expect(platformBaseUrl('https://host/prefix')).toBe('https://host/prefix');
  });
});
