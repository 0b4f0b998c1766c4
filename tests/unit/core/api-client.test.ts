import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PartnerApi, ApiError, toAppError } from '../../../electron/core/partner-api/client';
import { MOSCOW_SEED_PLATFORM } from '../../support/platform-info';


let server: Server;
let base: string;
const hits = new Map<string, number>();
const seen: { path: string; headers: IncomingMessage['headers'] }[] = [];
/** Per path: the answers to give, in order (the last one repeats). */
const script = new Map<string, ((res: ServerResponse) => void)[]>();
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => (res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};
const envelope = (code: string, message = code) => ({ error: { code, message } });

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!.replace('/partner/api/v1', '');
    seen.push({ path: req.url ?? '', headers: req.headers });
    const n = hits.get(path) ?? 0;
    hits.set(path, n + 1);
    const answers = script.get(path);
    if (!answers) return json(404, envelope('not_found'))(res);
    if (answers[0] === undefined) return;
    (answers[Math.min(n, answers.length - 1)] as (r: ServerResponse) => void)(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

const api = (extra: Partial<ConstructorParameters<typeof PartnerApi>[0]> = {}) =>
  new PartnerApi({ baseUrl: base, token: 'T0K', retryBaseMs: 5, retryMaxMs: 20, timeoutMs: 2000, ...extra });

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected a failure');
}

describe('PartnerApi', () => {
  it('sends the token and parses a good answer', async () => {
    script.set('/platform', [json(200, MOSCOW_SEED_PLATFORM)]);
    const p = await api().platform();
    expect(p.time_zone).toBe('Europe/Moscow');
    expect(seen.at(-1)?.headers['x-access-token']).toBe('T0K');
  });

  it('401 is an http error with status 401 and maps to token_rejected, without retries', async () => {
    hits.clear();
    script.set('/partner', [json(401, envelope('unauthorized', 'bad token'))]);
    const e = await failure(api().partner());
    expect(e.kind).toBe('http');
    expect(e.status).toBe(401);
    expect(e.code).toBe('unauthorized');
    expect(hits.get('/partner')).toBe(1);
    expect(toAppError(e).code).toBe('token_rejected');
  });

  it('429 waits for Retry-After, then succeeds', async () => {
    hits.clear();
    script.set('/platform', [json(429, envelope('rate_limited'), { 'retry-after': '0' }), json(200, MOSCOW_SEED_PLATFORM)]);
    await api().platform();
    expect(hits.get('/platform')).toBe(2);
  });

  it('a Retry-After over the limit is thrown as rate_limited', async () => {
    script.set('/partner', [json(429, envelope('rate_limited'), { 'retry-after': '120' })]);
    const e = await failure(api({ maxRetryAfterMs: 1000 }).partner());
    expect(e.status).toBe(429);
    expect(e.retryAfterMs).toBe(120_000);
    expect(toAppError(e).code).toBe('rate_limited');
  });

  it('5xx backs off and retries up to maxRetries', async () => {
    hits.clear();
    script.set('/platform', [json(503, envelope('internal'))]);
    const e = await failure(api({ maxRetries: 3 }).platform());
    expect(e.status).toBe(503);
    expect(hits.get('/platform')).toBe(4);
    hits.clear();
    script.set('/platform', [json(500, 'oops'), json(502, 'oops'), json(200, MOSCOW_SEED_PLATFORM)]);
    await api({ maxRetries: 3 }).platform();
    expect(hits.get('/platform')).toBe(3);
  });

  it('a write without an idempotency key is not retried; with one it is', async () => {
    hits.clear();
    script.set('/clients/c1/block', [json(503, envelope('internal'))]);
    await failure(api({ maxRetries: 2 }).block('c1'));
    expect(hits.get('/clients/c1/block')).toBe(1);
    hits.clear();
    await failure(api({ maxRetries: 2 }).block('c1', 'key-1'));
    expect(hits.get('/clients/c1/block')).toBe(3);
    expect(seen.at(-1)?.headers['idempotency-key']).toBe('key-1');
  });

  it('garbage is bad_response with a clear message', async () => {
    script.set('/platform', [json(200, '{"region": "moscow", ')]);
    const e1 = await failure(api().platform());
    expect(e1.kind).toBe('bad_response');
    expect(e1.message).toMatch(/not JSON/);
    script.set('/platform', [json(200, { ...MOSCOW_SEED_PLATFORM, currency: 'USD' })]);
    const e2 = await failure(api().platform());
    expect(e2.kind).toBe('bad_response');
    expect(e2.message).toMatch(/currency/);
    expect(toAppError(e2).code).toBe('bad_response');
  });

  it('422 carries the fields', async () => {
    script.set('/clients', [json(422, { error: { code: 'validation_failed', message: 'no', fields: { email: 'invalid_email' } } })]);
    const e = await failure(api().invite({ email: 'x@y.z' }));
    expect(e.fields).toEqual({ email: 'invalid_email' });
    expect(toAppError(e).fields).toEqual({ email: 'invalid_email' });
  });

  it('a closed port is a network error (offline); a silent server is a timeout', async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const e = await failure(new PartnerApi({ baseUrl: `http://127.0.0.1:${port}`, token: 't', maxRetries: 1, retryBaseMs: 1 }).platform());
    expect(e.kind).toBe('network');
    expect(toAppError(e).code).toBe('offline');
    script.set('/partner', [undefined as never]);
    const t = await failure(api({ timeoutMs: 200, maxRetries: 0 }).partner());
    expect(t.kind).toBe('timeout');
  });

  it('query parameters are encoded; undefined ones are left out', async () => {
    script.set('/transactions/changes', [json(200, { items: [], next_cursor: null })]);
    await api().transactionChanges(undefined, 500, '2026-01-01T00:00:00Z');
    expect(seen.at(-1)?.path).toBe('/partner/api/v1/transactions/changes?limit=500&since=2026-01-01T00%3A00%3A00Z');
    await api().transactionChanges('a b', 10, '2026-01-01T00:00:00Z');
    expect(seen.at(-1)?.path).toBe('/partner/api/v1/transactions/changes?cursor=a+b&limit=10');
  });
});
