/**
 * The demo controls answer only the holder of the platform token, only with their own methods, and
 * a POST only as application/json: a web page in the user's browser (no token, simple requests
 * with text/plain or form bodies) can neither change faults nor make time pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot, type Api } from './helpers';

let api: Api;
beforeAll(async () => {
  api = await boot({ clients: 30, allowDemoControls: true });
});
afterAll(() => api.p.stop());

const send = (path: string, init: { method?: string; token?: string | null; type?: string | null; body?: string } = {}) => {
  const headers: Record<string, string> = {};
  const token = init.token === undefined ? api.p.token : init.token;
  if (token !== null) headers['x-access-token'] = token;
  if (init.type !== null && init.type !== undefined) headers['content-type'] = init.type;
  return fetch(api.p.url + path, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: init.body } : {}) });
};
/** The faults in force, read with the token. */
const faults = async () => (await (await send('/__demo/faults')).json()) as { error_rate: number; latency_ms: number };
/** How many ledger rows the feed holds: a tick adds some. */
const ledgerRows = async () => {
  let n = 0;
  let cursor: string | null = null;
  for (;;) {
    const r = await api.get(`/transactions/changes?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const page = r.json as { items: unknown[]; next_cursor: string | null };
    n += page.items.length;
    if (page.items.length === 0 || page.next_cursor === null || page.next_cursor === cursor) return n;
    cursor = page.next_cursor;
  }
};
const json = JSON.stringify;

describe('demo controls refuse what a foreign web page could send', () => {
  it('no token: 401 for every control, nothing changes', async () => {
    const before = await ledgerRows();
    for (const [method, path, body] of [
      ['POST', '/__demo/tick', json({ days: 5 })],
      ['POST', '/__demo/faults', json({ error_rate: 1 })],
      ['GET', '/__demo/faults', undefined],
      ['GET', '/__demo/invitations?email=a%40b.ru', undefined],
    ] as const) {
      const r = await send(path, { method, token: null, type: 'application/json', ...(body ? { body } : {}) });
      expect(r.status, `${method} ${path}`).toBe(401);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    const wrong = await send('/__demo/tick', { method: 'POST', token: 'x'.repeat(api.p.token.length), type: 'application/json', body: json({}) });
    expect(wrong.status).toBe(401);
    expect(await ledgerRows()).toBe(before);
    expect((await faults()).error_rate).toBe(0);
  });

  it('a simple cross-site body (text/plain, form, multipart, none): 415, even with the token; without it 401', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', null]) {
      const r = await send('/__demo/faults', { method: 'POST', type, body: json({ error_rate: 1 }) });
      expect(r.status, String(type)).toBe(415);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
      expect((await send('/__demo/faults', { method: 'POST', token: null, type, body: json({ error_rate: 1 }) })).status).toBe(401);
    }
    const before = await ledgerRows();
    expect((await send('/__demo/tick', { method: 'POST', type: 'text/plain', body: json({ days: 3 }) })).status).toBe(415);
    expect(await ledgerRows()).toBe(before);
    expect((await faults()).error_rate).toBe(0);
  });

  it('another method: 405 with Allow', async () => {
    for (const [method, path, allow] of [
      ['GET', '/__demo/tick', 'POST'],
      ['PUT', '/__demo/faults', 'GET, POST'],
      ['DELETE', '/__demo/faults', 'GET, POST'],
      ['POST', '/__demo/invitations', 'GET'],
    ] as const) {
      const r = await send(path, { method, type: 'application/json', ...(method === 'GET' ? {} : { body: '{}' }) });
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(r.headers.get('allow')).toBe(allow);
    }
    expect((await send('/__demo/nothing', { method: 'POST', type: 'application/json', body: '{}' })).status).toBe(404);
  });

  it('with the token and application/json (charset allowed) they work', async () => {
    const set = await send('/__demo/faults', { method: 'POST', type: 'application/json; charset=utf-8', body: json({ latency_ms: 1 }) });
    expect(set.status).toBe(200);
    expect((await faults()).latency_ms).toBe(1);
    expect((await send('/__demo/faults', { method: 'POST', type: 'application/json', body: '{}' })).status).toBe(200);
    const before = await ledgerRows();
    expect((await send('/__demo/tick', { method: 'POST', type: 'application/json', body: json({ days: 2 }) })).status).toBe(200);
    expect(await ledgerRows()).toBeGreaterThan(before);
  });
});
