/**
 * Hostile platform answers at the level of a whole sync, over real HTTP: a proxy in front of the
 * demo platform passes everything through except one chosen answer, which it replaces with
 * truncated JSON, wrong types, a gigantic body, a redirect to another host, or a page with more
 * items than the contract allows — first on the clients feed after the platform changed (every
 * table of the cache exactly as before: a digest of all rows), then mid-sync on the ledger feed
 * after the clients and projects phases committed their pages (the ledger, its cursor, Home and
 * every other table exactly as before). Each time the sync ends with a clear error whose message
 * exists in both languages, and the next clean sync succeeds.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../../../electron/demo-platform/index';
import { createCore, type Core } from '../../../electron/core/create-core';
import { LIMITS } from '../../../shared/contract/platform';
import { resources } from '../../../shared/i18n';
import { demoControls } from '../../support/demo-controls';

type Mangle = 'truncated' | 'wrong-types' | 'gigantic' | 'redirect' | 'overflow';

let work: string;
let platform: Awaited<ReturnType<typeof start>>;
let proxy: Server;
let elsewhere: Server;
let core: Core;
/** The answer to replace: the first request whose path contains `path`. */
let target: { path: string; how: Mangle } | null = null;
/** Requests that reached the other host of a redirect. */
let elsewhereHits = 0;

async function mangled(how: Mangle, body: string, elsewhereUrl: string): Promise<{ status: number; headers: Record<string, string>; body: string | (() => AsyncGenerator<string>) }> {
  const json = { 'content-type': 'application/json' };
  switch (how) {
    case 'truncated':
      return { status: 200, headers: json, body: body.slice(0, Math.floor(body.length / 2)) };
    case 'wrong-types': {
      const page = JSON.parse(body) as { items: Record<string, unknown>[] };
      const item = page.items[0] ?? {};
      page.items = [{ ...item, email: 12345, amount: 'a lot', id: null }];
      return { status: 200, headers: json, body: JSON.stringify(page) };
    }
    case 'gigantic':
      // 48 MiB of a page that never ends, without Content-Length: only the byte cap stops it.
      return {
        status: 200,
        headers: json,
        body: async function* () {
          yield '{"items":[';
          const chunk = `${JSON.stringify({ pad: 'x'.repeat(1024 * 1024) })},`;
          for (let i = 0; i < 48; i++) yield chunk;
          yield '{}],"next_cursor":null}';
        },
      };
    case 'redirect':
      return { status: 307, headers: { location: `${elsewhereUrl}/partner/api/v1/stolen` }, body: '' };
    case 'overflow': {
      const page = JSON.parse(body) as { items: unknown[]; next_cursor: string | null };
      const one = page.items[0];
      if (one === undefined) throw new Error('overflow needs a page with an item');
      page.items = Array.from({ length: LIMITS.pageMax + 1 }, () => one);
      return { status: 200, headers: json, body: JSON.stringify(page) };
    }
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pd-int-hostile-sync-'));
  platform = await start({ port: 0, seed: 4, clients: 150, dataDir: join(work, 'platform'), allowDemoControls: true });
  elsewhere = createServer((_req, res) => {
    elsewhereHits++;
    res.end('{}');
  });
  await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
  const elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as { port: number }).port}`;
  proxy = createServer((req, res) => {
    void (async () => {
      const upstream = await fetch(`${platform.url}${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers: Object.fromEntries(
          Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)),
        ) as Record<string, string>,
        ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: await new Response(req as unknown as ReadableStream).text() }),
      });
      const text = await upstream.text();
      const t = target;
      if (t && (req.url ?? '').includes(t.path) && upstream.status === 200) {
        target = null;
        const m = await mangled(t.how, text, elsewhereUrl);
        res.writeHead(m.status, { ...m.headers, date: upstream.headers.get('date') ?? new Date().toUTCString() });
        if (typeof m.body === 'string') res.end(m.body);
        else {
          for await (const piece of m.body()) if (!res.write(piece)) await new Promise((r) => res.once('drain', r));
          res.end();
        }
        return;
      }
      const headers: Record<string, string> = {};
      upstream.headers.forEach((v, k) => {
        if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) headers[k] = v;
      });
      res.writeHead(upstream.status, headers);
      res.end(text);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  core = await createCore({
    dataDir: join(work, 'app'),
    mode: 'browser',
    version: 'test',
    connection: { kind: 'custom', url: `http://127.0.0.1:${(proxy.address() as { port: number }).port}`, token: platform.token },
    autoSync: false,
    apiOptions: { retryBaseMs: 5, retryMaxMs: 50, maxRetries: 2, timeoutMs: 30_000 },
    sync: { pageSize: 50, projectsConcurrency: 4, offlineRetryMs: 50 },
  });
  await core.engine.run();
});
afterAll(async () => {
  await core?.close();
  proxy?.close();
  elsewhere?.close();
  await platform?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** A digest of every row of each table of the cache (read from the file by another connection). */
function tableDigests(): Record<string, string> {
  const db = new Database(join(work, 'app', 'cache.sqlite'), { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: Record<string, string> = {};
    for (const t of tables) {
      const h = createHash('sha256');
      // Rows in a fixed order whatever the table's key (some are WITHOUT ROWID).
      const rows = (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
      for (const row of rows) h.update(row);
      out[t] = `${rows.length}:${h.digest('hex').slice(0, 16)}`;
    }
    return out;
  } finally {
    db.close();
  }
}

/** Tables the sync's phases before the ledger write (clients, projects and their cursors). */
const EARLIER_PHASES = ['clients', 'projects', 'sync_state'];

function feedCursor(feed: string): unknown {
  const db = new Database(join(work, 'app', 'cache.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT cursor, synced_at FROM sync_state WHERE feed = ?').get(feed) ?? null;
  } finally {
    db.close();
  }
}

async function failingSync(): Promise<string> {
  const err = (await core.engine.run().then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; kind?: string } | null;
  expect(err, 'the sync must fail').not.toBeNull();
  const st = (await core.call('sync.status', {})) as { lastError: { code: string } | null };
  expect(st.lastError).not.toBeNull();
  return st.lastError!.code;
}

const CASES: { how: Mangle; code: string }[] = [
  { how: 'truncated', code: 'bad_response' },
  { how: 'wrong-types', code: 'bad_response' },
  { how: 'gigantic', code: 'bad_response' },
  { how: 'redirect', code: 'platform_redirect' },
  { how: 'overflow', code: 'bad_response' },
];

describe('hostile answers during a sync leave the cache exactly as it was', () => {
  for (const { how, code } of CASES) {
    it(`${how} on the clients feed after the platform changed: ${code}, translated, cache unchanged`, async () => {
      await demoControls(platform).tick({ days: 1, accept_rate: 0.5 });
      const before = tableDigests();
      const hitsBefore = elsewhereHits;
      target = { path: '/clients/changes', how };
      expect(await failingSync()).toBe(code);
      expect(target, 'the chosen answer was replaced').toBeNull();
      expect(tableDigests()).toEqual(before);
      expect(elsewhereHits).toBe(hitsBefore);
      for (const lang of ['en', 'ru'] as const) expect((resources[lang].errors as unknown as Record<string, unknown>)[code]).toEqual(expect.any(String));
    });

    it(`${how} mid-sync on the ledger feed, after the earlier phases: ${code}, the ledger and all else unchanged`, async () => {
      await demoControls(platform).tick({ days: 1 });
      const before = tableDigests();
      const ledgerCursor = feedCursor('transactions');
      target = { path: '/transactions/changes', how };
      expect(await failingSync()).toBe(code);
      expect(target).toBeNull();
      // The clients and projects phases committed their pages with their cursors (by design, each
      // page in one transaction); nothing else moved: not the ledger, not its cursor, not Home.
      const after = tableDigests();
      for (const t of EARLIER_PHASES) {
        delete before[t];
        delete after[t];
      }
      expect(after).toEqual(before);
      expect(feedCursor('transactions')).toEqual(ledgerCursor);
    });
  }

  it('a clean sync afterwards succeeds', async () => {
    target = null;
    await core.engine.run();
    const st = (await core.call('sync.status', {})) as { lastError: unknown; lastSyncedAt: string | null };
    expect(st.lastError).toBeNull();
  });
});
