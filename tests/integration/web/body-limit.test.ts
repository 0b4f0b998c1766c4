/**
 * Browser mode's body limits over real HTTP: a /rpc body over 1 MiB is answered 413 with the
 * error envelope (the client reads the answer; the connection is not reset), and the import of a
 * local data file — announced as /rpc?method=localData.import — may be up to 64 MiB, so a file
 * over 1 MiB imports and its audit entries are there afterwards. The larger limit is for that
 * method only.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY, MAX_IMPORT_BODY, startWebServer, type WebServer } from '../../../electron/web/server';
import type { LocalDataFile } from '../../../shared/contract/rpc/local';

let dir: string;
let server: WebServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pd-body-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  server = await startWebServer({ port: 0, dataDir: join(dir, 'data'), rendererDir, connection: null, autoSync: false });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** POST with Node's own HTTP client (no retry, no magic): status, headers and the body as read. */
function post(path: string, body: string | Buffer): Promise<{ status: number; headers: Record<string, unknown>; json: unknown }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: {
          Host: url.host,
          'Content-Type': 'application/json',
          'X-Partner-Desk-Token': server.token,
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function rpcBody(method: string, input: unknown): string {
  return JSON.stringify({ method, input });
}

/** A valid local data file with `n` audit entries of `size` characters of detail each. */
function localFile(n: number, size: number): LocalDataFile {
  return {
    format: 'partner-desk-local-data',
    version: 1,
    exportedAt: '2026-11-01T10:00:00.000Z',
    appVersion: 'test',
    preferences: [],
    batches: [],
    outbox: [],
    auditLog: Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      at: 1_760_000_000_000 + i,
      user: 'manager',
      action: 'block',
      batch_id: null,
      client_ids: JSON.stringify([`c-${i}`]),
      client_count: 1,
      result: null,
      detail: `entry ${i} `.padEnd(size, 'x'),
      search_text: `c-${i}`,
    })),
    alertRules: [],
    dealFeedback: [],
    savedViews: [],
    inviteOutbox: [],
  };
}

describe('browser mode /rpc body limits', () => {
  it('answers a body over 1 MiB with 413 and the error envelope, not a reset', async () => {
    const big = rpcBody('app.info', { pad: 'x'.repeat(MAX_BODY + 10) });
    const r = await post('/rpc', big);
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe('close');
    expect(r.json).toEqual({
      ok: false,
      error: { code: 'too_large', message: `Request over ${MAX_BODY} bytes`, params: { megabytes: 1 } },
    });
    // fetch (the page's client) reads the same answer.
    const f = await fetch(`${server.url}/rpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Partner-Desk-Token': server.token },
      body: big,
    });
    expect(f.status).toBe(413);
    expect(((await f.json()) as { error: { code: string } }).error.code).toBe('too_large');
    // The server goes on serving.
    const ok = await post('/rpc', rpcBody('app.info', {}));
    expect(ok.status).toBe(200);
  });

  it('imports a local data file over 1 MiB through /rpc?method=localData.import', async () => {
    const text = JSON.stringify(localFile(150, 9_000));
    const body = rpcBody('localData.import', { text });
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_BODY);
    // Without the announcement it is refused like any other large body…
    expect((await post('/rpc', body)).status).toBe(413);
    // …with it, it goes through and the entries are there.
    const r = await post('/rpc?method=localData.import', body);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, result: { added: { auditEntries: 150 } } });
    const exported = await post('/rpc', rpcBody('localData.export', {}));
    const file = JSON.parse(
      Buffer.from((exported.json as { result: { base64: string } }).result.base64, 'base64').toString('utf8'),
    ) as LocalDataFile;
    expect(file.auditLog).toHaveLength(150);
    expect(file.auditLog[149]!.detail).toBe(`entry 149 `.padEnd(9_000, 'x'));
  });

  it('the larger limit is only for the announced method, and it has an end too', async () => {
    const big = rpcBody('app.info', { pad: 'x'.repeat(MAX_BODY + 10) });
    const r = await post('/rpc?method=localData.import', big);
    expect(r.status).toBe(400);
    expect((r.json as { error: { code: string } }).error.code).toBe('invalid_input');
    const huge = rpcBody('localData.import', { text: 'x'.repeat(MAX_IMPORT_BODY) });
    const h = await post('/rpc?method=localData.import', huge);
    expect(h.status).toBe(413);
    expect(h.json).toMatchObject({ ok: false, error: { code: 'too_large', params: { megabytes: 64 } } });
  });
});
