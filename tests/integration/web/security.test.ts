/**
 * Browser mode's security, as statements checked over real HTTP: foreign Host and Origin get 403,
 * /rpc and /events need the per-run token (401 without or with a wrong one), every response
 * carries the strict CSP, the server listens on 127.0.0.1 only, and /rpc relays to a real core.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../../electron/host/security';
import { startWebServer, type WebServer } from '../../../electron/web/server';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
function raw(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

let dir: string;
let server: WebServer;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pd-web-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Partner Desk</title><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  server = await startWebServer({
    port: 0,
    dataDir: join(dir, 'data'),
    rendererDir,
    connection: null,
    autoSync: false,
    version: '9.9.9',
  });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const rpc = (body: unknown, headers: Record<string, string> = {}) =>
  raw(port, '/rpc', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Partner-Desk-Token': server.token, ...headers },
    body: JSON.stringify(body),
  });

describe('browser mode security', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    for (const host of [...others, '::1']) {
      const refused = await new Promise<boolean>((resolve) => {
        const s = connect({ host, port });
        s.once('connect', () => {
          s.destroy();
          resolve(false);
        });
        s.once('error', () => resolve(true));
      });
      expect(refused, `reachable on ${host}`).toBe(true);
    }
  });

  it('refuses a foreign Host with 403 (DNS rebinding)', async () => {
    for (const host of [
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      'localhost',
      `127.0.0.1.nip.io:${port}`,
    ]) {
      const res = await raw(port, '/', { headers: { Host: host } });
      expect(res.status, host).toBe(403);
    }
    const rpcRes = await rpc({ method: 'app.info', input: {} }, { Host: `attacker.test:${port}` });
    expect(rpcRes.status).toBe(403);
    expect((await raw(port, '/', { headers: { Host: `localhost:${port}` } })).status).toBe(200);
  });

  it('refuses a foreign Origin with 403', async () => {
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1:${port + 1}`,
      'null',
      `https://127.0.0.1:${port}`,
    ]) {
      const res = await rpc({ method: 'app.info', input: {} }, { Origin: origin });
      expect(res.status, origin).toBe(403);
    }
    const own = await rpc({ method: 'app.info', input: {} }, { Origin: `http://127.0.0.1:${port}` });
    expect(own.status).toBe(200);
  });

  it('needs the token on /rpc: none or wrong is 401', async () => {
    const none = await raw(port, '/rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"method":"app.info","input":{}}',
    });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrong = await rpc(
      { method: 'app.info', input: {} },
      { 'X-Partner-Desk-Token': server.token.slice(0, -2) + 'xx' },
    );
    expect(wrong.status).toBe(401);
    const short = await rpc({ method: 'app.info', input: {} }, { 'X-Partner-Desk-Token': 'x' });
    expect(short.status).toBe(401);
  });

  it('needs the token on /events: none or wrong is 401, right streams SSE', async () => {
    expect((await raw(port, '/events')).status).toBe(401);
    expect((await raw(port, '/events?token=nope')).status).toBe(401);
    const res = await new Promise<{ status: number; type: string | undefined; first: string }>(
      (resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: `/events?token=${server.token}`,
            headers: { Host: `127.0.0.1:${port}` },
          },
          (r) => {
            r.once('data', (c: Buffer) => {
              resolve({
                status: r.statusCode ?? 0,
                type: r.headers['content-type'],
                first: c.toString('utf8'),
              });
              req.destroy();
            });
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/event-stream/);
    expect(res.first).toContain('retry:');
  });

  it('serves the renderer with a strict CSP and correct MIME types', async () => {
    const index = await raw(port, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toBe(CSP);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw(port, '/assets/app.js')).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await raw(port, '/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const rpcRes = await rpc({ method: 'app.info', input: {} });
    expect(rpcRes.headers['content-security-policy']).toBe(csp);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00.js']) {
      const res = await raw(port, p);
      expect(res.status, p).not.toBe(200);
    }
  });

  it('rejects malformed /rpc requests without a stack trace', async () => {
    const bad = await raw(port, '/rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Partner-Desk-Token': server.token },
      body: '{nope',
    });
    expect(bad.status).toBe(400);
    const noJson = await raw(port, '/rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'X-Partner-Desk-Token': server.token },
      body: '{}',
    });
    expect(noJson.status).toBe(415);
    expect((await raw(port, '/rpc', { headers: { 'X-Partner-Desk-Token': server.token } })).status).toBe(405);
    const unknown = await rpc({ method: 'no.such', input: {} });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(unknown.body).not.toContain('    at ');
  });

  it('relays /rpc to the core (happy path)', async () => {
    const info = JSON.parse((await rpc({ method: 'app.info', input: {} })).body);
    expect(info).toMatchObject({ ok: true, result: { version: '9.9.9', mode: 'browser' } });
    const settings = JSON.parse((await rpc({ method: 'settings.get', input: {} })).body);
    expect(settings.ok).toBe(true);
    expect(settings.result.connection.hasToken).toBe(false);
    const invalid = JSON.parse(
      (await rpc({ method: 'settings.update', input: { syncIntervalMin: 0 } })).body,
    );
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('keeps a connection token in connection.json (0600), never in the reply', async () => {
    const res = JSON.parse(
      (
        await rpc({
          method: 'connection.set',
          input: { kind: 'custom', url: 'http://127.0.0.1:9', token: 'secret-token-1' },
        })
      ).body,
    );
    expect(res).toMatchObject({
      ok: true,
      result: { connection: { kind: 'custom', url: 'http://127.0.0.1:9', hasToken: true } },
    });
    expect(JSON.stringify(res)).not.toContain('secret-token-1');
    const file = join(dir, 'data', 'connection.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const missing = JSON.parse((await rpc({ method: 'connection.set', input: { kind: 'vk' } })).body);
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { token: 'required' } },
    });
  });
});
