/**
 * A process killed mid-bulk and restarted completes the rest without repeating any.
 *
 * The child core talks to the demo platform through a proxy in this process. The proxy lets the
 * platform handle the third bulk request but holds its answer; once the platform has answered, the
 * child is killed with SIGKILL: that chunk is applied on the platform and still 'sending' in the
 * child's outbox. A new child on the same data folder re-sends it with the same Idempotency-Key
 * (the platform replays its answer) and sends the rest. Deletes make a repeat visible: a second
 * delete of a client would come back not_found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { start } from '../../../electron/demo-platform/index';
import { platformChanges } from './helpers';

const CHILD = resolve(import.meta.dirname, 'child.ts');
const N = 450; // 5 chunks of 100, the last of 50

let work: string;
let platform: Awaited<ReturnType<typeof start>>;
let proxy: Server;
let proxyUrl: string;
let bulkSeen = 0;
let holdNth = 3;
let onHeld: (() => void) | null = null;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pd-int-kill-'));
  platform = await start({ port: 0, seed: 12, clients: 800, dataDir: join(work, 'platform'), allowDemoControls: true });
  const target = new URL(platform.url);
  proxy = createServer((req, res) => {
    const isBulk = req.method === 'POST' && (req.url ?? '').endsWith('/clients/bulk');
    const nth = isBulk ? ++bulkSeen : 0;
    const up = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (upRes) => {
        const chunks: Buffer[] = [];
        upRes.on('data', (c: Buffer) => chunks.push(c));
        upRes.on('end', () => {
          if (isBulk && nth === holdNth) {
            onHeld?.(); // applied on the platform; the answer never leaves
            return;
          }
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  const addr = proxy.address();
  proxyUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
  await platform?.stop();
  rmSync(work, { recursive: true, force: true });
});

function runChild(env: Record<string, string>): { child: ChildProcess; lines: AsyncIterableIterator<string>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, DATA: join(work, 'app'), URL: proxyUrl, TOKEN: platform.token, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return { child, lines, exit };
}

describe('a process killed mid-bulk', () => {
  it('restarts and completes the rest without repeating any', async () => {
    const seq0 = platformChanges(platform.dbFile, 0).maxSeq;
    const held = new Promise<void>((r) => (onHeld = r));
    const first = runChild({ ENQUEUE: String(N) });
    let enqueued: { batchId: string; count: number } | null = null;
    const reader = (async () => {
      for await (const line of first.lines) {
        const msg = JSON.parse(line) as { enqueued?: { batchId: string; count: number } };
        if (msg.enqueued) enqueued = msg.enqueued;
      }
    })();
    await held;
    first.child.kill('SIGKILL');
    await first.exit;
    await reader;
    expect(enqueued).not.toBeNull();
    expect(enqueued!.count).toBe(N);

    // What the killed process left: the first chunk(s) recorded, the third in 'sending' (and the
    // second too when the kill landed before its answer was recorded), the rest pending.
    const db = new Database(join(work, 'app', 'cache.sqlite'), { readonly: true });
    const states: Record<string, number> = Object.fromEntries(
      (db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as { state: string; n: number }[]).map((r) => [r.state, r.n]),
    );
    db.close();
    expect(states.pending).toBe(150);
    expect(states.ok! + states.sending!).toBe(300);
    expect(states.sending).toBeGreaterThanOrEqual(100);
    const wasSending = states.sending!;
    // The platform applied three chunks.
    expect(platformChanges(platform.dbFile, seq0).changed.size).toBe(300);

    holdNth = Infinity;
    const second = runChild({});
    let done = false;
    for await (const line of second.lines) if ((JSON.parse(line) as { done?: boolean }).done) done = true;
    expect(await second.exit).toBe(0);
    expect(done).toBe(true);

    const after = new Database(join(work, 'app', 'cache.sqlite'), { readonly: true });
    const rows = after.prepare('SELECT state, error, attempts FROM outbox').all() as { state: string; error: string | null; attempts: number }[];
    const keys = after.prepare('SELECT DISTINCT chunk_key FROM outbox').pluck().all() as string[];
    after.close();
    expect(rows.every((r) => r.state === 'ok')).toBe(true); // a repeated delete would be not_found
    expect(rows.filter((r) => r.attempts === 2)).toHaveLength(wasSending); // re-sent once, with the same key
    expect(keys).toHaveLength(5);
    const changes = platformChanges(platform.dbFile, seq0);
    expect(changes.changed.size).toBe(N);
    expect(changes.maxSeq - seq0).toBe(N); // one change per client, none twice
    expect([...changes.changed.values()].every((c) => c.deleted)).toBe(true);
  });
});
