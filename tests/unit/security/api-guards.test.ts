/**
 * The platform client keeps the token with the platform: redirects are refused (a real second
 * server on another port records whether the token ever reached it), answers are read with a
 * byte cap, pages with an item cap, and plain http:// goes nowhere but this computer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_RESPONSE_BYTES, PartnerApi, ApiError, toAppError } from '../../../electron/core/partner-api/client';
import { LIMITS, type Client } from '../../../shared/contract/platform';
import { resources } from '../../../shared/i18n';

interface Box {
  server: Server;
  url: string;
  seen: { url: string; token: string | undefined }[];
  handle: (req: IncomingMessage, res: ServerResponse) => void;
}

async function start(): Promise<Box> {
  const box = { seen: [] } as unknown as Box;
  box.handle = (_req, res) => res.end('{}');
  box.server = createServer((req, res) => {
    const token = req.headers['x-access-token'];
    box.seen.push({ url: req.url ?? '', token: typeof token === 'string' ? token : undefined });
    box.handle(req, res);
  });
  await new Promise<void>((r) => box.server.listen(0, '127.0.0.1', r));
  box.url = `http://127.0.0.1:${(box.server.address() as AddressInfo).port}`;
  return box;
}
const stop = (b: Box) => {
  b.server.closeAllConnections();
  return new Promise<void>((r) => b.server.close(() => r()));
};

let platform: Box;
let elsewhere: Box;
beforeAll(async () => {
  platform = await start();
  elsewhere = await start();
  elsewhere.handle = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'p1', name: 'Evil', model: 'partner' }));
  };
});
afterAll(async () => {
  await stop(platform);
  await stop(elsewhere);
});

const api = (extra: Partial<ConstructorParameters<typeof PartnerApi>[0]> = {}) =>
  new PartnerApi({ baseUrl: platform.url, token: 'SECRET-TOKEN', retryBaseMs: 1, retryMaxMs: 2, timeoutMs: 5000, ...extra });

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected a failure');
}

describe('redirects are never followed', () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`${status} to another host: refused, the token never reaches it, a translated error names the target`, async () => {
      elsewhere.seen.length = 0;
      platform.handle = (_req, res) => {
        res.writeHead(status, { location: `${elsewhere.url}/partner/api/v1/partner?x=1` });
        res.end();
      };
      const e = await failure(api().partner());
      expect(e.kind).toBe('redirect');
      expect(e.status).toBe(status);
      expect(e.target).toBe(elsewhere.url);
      expect(elsewhere.seen).toEqual([]);
      const app = toAppError(e);
      expect(app.code).toBe('platform_redirect');
      expect(app.params).toEqual({ target: elsewhere.url });
      for (const lang of ['en', 'ru'] as const) {
        const text = resources[lang].errors.platform_redirect;
        expect(text.replace('{{target}}', elsewhere.url), lang).toContain(elsewhere.url);
      }
    });
  }

  it('a write is refused too (no retry with the body elsewhere), and so is a same-host redirect', async () => {
    elsewhere.seen.length = 0;
    platform.seen.length = 0;
    platform.handle = (_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/steal` });
      res.end();
    };
    expect((await failure(api().block('c1', 'key-1'))).kind).toBe('redirect');
    expect(platform.seen).toHaveLength(1); // not retried
    expect(elsewhere.seen).toEqual([]);
    platform.handle = (_req, res) => {
      res.writeHead(302, { location: '/partner/api/v1/partner-moved' });
      res.end();
    };
    const e = await failure(api().partner());
    expect(e.kind).toBe('redirect');
    expect(e.target).toBe(platform.url);
  });
});

describe('answers are capped', () => {
  it('a body past the cap is abandoned mid-stream (the server sees the connection close) as bad_response', async () => {
    const cap = 256 * 1024;
    let written = 0;
    let closed: Promise<void> = Promise.resolve();
    platform.handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items":[');
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      closed = new Promise<void>((resolve) => {
        res.on('close', resolve);
        const pump = () => {
          // Up to 64 MiB unless the client goes away first.
          while (!res.destroyed && written < 64 * 1024 * 1024) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      });
    };
    const e = await failure(api({ maxResponseBytes: cap, maxRetries: 0 }).clientChanges());
    expect(e.kind).toBe('bad_response');
    expect(e.message).toContain(`larger than ${cap} bytes`);
    expect(toAppError(e).code).toBe('bad_response');
    await closed;
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('a declared Content-Length past the cap is refused before reading', async () => {
    platform.handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) });
      res.write('{');
      // Never finishes: the client must not wait for it.
    };
    const e = await failure(api({ maxResponseBytes: 1024 * 1024, maxRetries: 0 }).partner());
    expect(e.kind).toBe('bad_response');
  });

  it('the default cap leaves room for a 1,000-row page at the contract’s longest fields', () => {
    const wide = '\u0001'.repeat(1); // escaped as \u0001: 6 bytes per character, the worst case
    const c: Client = {
      id: 'x'.repeat(LIMITS.id),
      email: wide.repeat(LIMITS.email),
      name: wide.repeat(LIMITS.name),
      phone: wide.repeat(LIMITS.phone),
      external_id: wide.repeat(LIMITS.externalId),
      status: 'active',
      payment_model: 'postpaid',
      invited_at: '2026-01-01T00:00:00.000Z',
      registered_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      balance: {
        payment: { amount_minor: -Number.MAX_SAFE_INTEGER, currency: 'RUB' },
        bonus: { amount_minor: -Number.MAX_SAFE_INTEGER, currency: 'RUB' },
        as_of: '2026-01-01T00:00:00.000Z',
      },
      projects_count: Number.MAX_SAFE_INTEGER,
    };
    const page = JSON.stringify({ items: Array.from({ length: LIMITS.pageMax }, () => c), next_cursor: 'x'.repeat(LIMITS.cursor) });
    const bytes = Buffer.byteLength(page);
    expect(bytes).toBeGreaterThan(3_000_000);
    expect(MAX_RESPONSE_BYTES).toBeGreaterThan(5 * bytes);
  });

  it('a page with more items than the contract allows is bad_response', async () => {
    const tomb = { id: 'c1', deleted: true };
    platform.handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items: Array.from({ length: LIMITS.pageMax + 1 }, () => tomb), next_cursor: null }));
    };
    const e = await failure(api({ maxRetries: 0 }).clientChanges());
    expect(e.kind).toBe('bad_response');
    expect(e.message).toContain('items');
    platform.handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items: Array.from({ length: LIMITS.pageMax }, () => tomb), next_cursor: null }));
    };
    expect((await api({ maxRetries: 0 }).clientChanges()).items).toHaveLength(LIMITS.pageMax);
  });
});

describe('plain http:// only to this computer', () => {
  it('an http:// address that is not loopback gets no request at all (0.0.0.0 would reach this machine)', async () => {
    platform.seen.length = 0;
    const port = new URL(platform.url).port;
    const e = await failure(api({ baseUrl: `http://0.0.0.0:${port}` }).partner());
    expect(e.kind).toBe('insecure_address');
    expect(platform.seen).toEqual([]);
    expect(toAppError(e).code).toBe('insecure_address');
    // Anonymous calls too (the partner application form).
    expect((await failure(api({ baseUrl: `http://0.0.0.0:${port}` }).applyPartner({ name: 'a', email: 'a@b.ru', phone: '+70000000000', company: 'c', message: '' }))).kind).toBe('insecure_address');
    expect(platform.seen).toEqual([]);
  });

  it('loopback http:// works: 127.0.0.1 and localhost', async () => {
    platform.handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'p1', name: 'Partner', model: 'partner' }));
    };
    expect((await api().partner()).name).toBe('Partner');
    expect((await api({ baseUrl: platform.url.replace('127.0.0.1', 'localhost') }).partner()).name).toBe('Partner');
  });
});
