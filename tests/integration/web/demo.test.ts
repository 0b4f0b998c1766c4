/**
 * Browser mode with its own demo platform (`npm run web -- --demo`): the platform runs in a worker
 * thread with data in dataDir/demo-platform, the core syncs from it, connection.set switches
 * between it and another platform (the token kept in connection.json, never in the reply), the
 * choice is remembered for the next start, and close() stops the platform too.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../electron/web/server';

let dir: string;
let rendererDir: string;
let dataDir: string;
let server: WebServer;

async function rpc<T = unknown>(
  s: WebServer,
  method: string,
  input: unknown = {},
): Promise<{ ok: boolean; result: T; error?: { code: string } }> {
  const res = await fetch(`${s.url}/rpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Partner-Desk-Token': s.token },
    body: JSON.stringify({ method, input }),
  });
  return (await res.json()) as { ok: boolean; result: T };
}

/**
 * Subscribes to /events: `subscribed` resolves once the stream is open (the server registers its
 * listener before it answers), `event` with the first event that satisfies `pred`.
 */
function waitForEvent(
  s: WebServer,
  pred: (e: { event: string; payload: Record<string, unknown> }) => boolean,
): { subscribed: Promise<void>; event: Promise<void> } {
  const port = Number(new URL(s.url).port);
  let opened!: () => void;
  const subscribed = new Promise<void>((r) => (opened = r));
  const event = new Promise<void>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: `/events?token=${s.token}`, headers: { Host: `127.0.0.1:${port}` } },
      (res) => {
        opened();
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buf += chunk;
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const frame = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const data = frame.split('\n').find((l) => l.startsWith('data: '));
            if (data && pred(JSON.parse(data.slice(6)))) {
              req.destroy();
              resolve();
            }
          }
        });
      },
    );
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
    req.end();
  });
  return { subscribed, event };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pd-web-demo-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  dataDir = join(dir, 'data');
  server = await startWebServer({ port: 0, dataDir, rendererDir, demo: { clients: 20 }, autoSync: false });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser mode on its own demo platform', () => {
  it('starts the demo platform in a worker with its data in the data folder', async () => {
    expect(server.demo).not.toBeNull();
    const res = await fetch(`${server.demo!.url}/partner/api/v1/platform`, {
      headers: { 'X-Access-Token': server.demo!.token },
    });
    expect(res.status).toBe(200);
    expect(existsSync(join(dataDir, 'demo-platform'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, 'connection.json'), 'utf8'))).toEqual({
      kind: 'demo',
      url: null,
      token: null,
    });
  });

  it('syncs the demo platform into the core', async () => {
    const done = waitForEvent(server, (e) => e.event === 'sync.progress' && e.payload.phase === 'done');
    await done.subscribed;
    expect((await rpc<{ started: boolean }>(server, 'sync.now')).result.started).toBe(true);
    await done.event;
    const list = await rpc<{ total: number }>(server, 'clients.list', {});
    expect(list.ok).toBe(true);
    expect(list.result.total).toBe(20);
  });

  it('switches to another platform and back to the demo, keeping the token out of replies', async () => {
    const demo = server.demo!;
    const custom = await rpc<{ connection: { kind: string; url: string; hasToken: boolean } }>(
      server,
      'connection.set',
      {
        kind: 'custom',
        url: demo.url,
        token: demo.token,
      },
    );
    expect(custom.result.connection).toEqual({ kind: 'custom', url: demo.url, hasToken: true });
    expect(JSON.stringify(custom)).not.toContain(demo.token);
    expect(JSON.parse(readFileSync(join(dataDir, 'connection.json'), 'utf8'))).toEqual({
      kind: 'custom',
      url: demo.url,
      token: demo.token,
    });
    const back = await rpc<{ connection: { kind: string; url: string } }>(server, 'connection.set', {
      kind: 'demo',
    });
    expect(back.result.connection).toMatchObject({ kind: 'demo', url: demo.url });
    expect(JSON.parse(readFileSync(join(dataDir, 'connection.json'), 'utf8')).kind).toBe('demo');
  });

  it('stops the demo platform on close, and starts it again from the remembered choice', async () => {
    const oldUrl = server.demo!.url;
    await server.close();
    await expect(fetch(`${oldUrl}/partner/api/v1/platform`)).rejects.toThrow();
    server = await startWebServer({ port: 0, dataDir, rendererDir, autoSync: false });
    expect(server.demo).not.toBeNull();
    const list = await rpc<{ total: number }>(server, 'clients.list', {});
    expect(list.result.total).toBe(20); // the cache survived the restart
  });
});
