/**
 * A tiny in-memory partner platform on 127.0.0.1 for unit tests of the sync engine: the changes
 * feeds (cursor = last sequence number), projects, and switches for 401 / 5xx / garbage / down.
 * The real stand-in is the demo platform (integration tests); this one is small and exact.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client, Project, Transaction } from '../../../shared/contract/platform';
import { MOSCOW_SEED_PLATFORM } from '../../support/platform-info';

export interface FakePlatform {
  url: string;
  token: string;
  clients: Map<string, Client>;
  projects: Map<string, Project[]>;
  /** Feed entries: [seq, client or tombstone]. */
  clientFeed: { seq: number; item: Client | { id: string; deleted: true } }[];
  ledger: Transaction[];
  mode: 'ok' | '401' | '500' | 'garbage';
  hits: Map<string, number>;
  upsert(c: Client): void;
  remove(id: string): void;
  addTx(t: Transaction): void;
  close(): Promise<void>;
}


export async function startFakePlatform(): Promise<FakePlatform> {
  const fp = {
    token: 'fake-token',
    clients: new Map(),
    projects: new Map(),
    clientFeed: [],
    ledger: [],
    mode: 'ok',
    hits: new Map(),
  } as unknown as FakePlatform;
  let seq = 0;
  fp.upsert = (c) => {
    fp.clients.set(c.id, c);
    fp.clientFeed.push({ seq: ++seq, item: c });
    if (!fp.projects.has(c.id)) {
      fp.projects.set(
        c.id,
        Array.from({ length: c.projects_count }, (_, i) => ({ pid: `${c.id}-p${i}`, name: `Project ${i}`, status: 'active' as const, created_at: c.invited_at })),
      );
    }
  };
  fp.remove = (id) => {
    fp.clients.delete(id);
    fp.projects.delete(id);
    fp.clientFeed.push({ seq: ++seq, item: { id, deleted: true } });
  };
  fp.addTx = (t) => fp.ledger.push(t);

  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const path = u.pathname.replace('/partner/api/v1', '');
    fp.hits.set(path, (fp.hits.get(path) ?? 0) + 1);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (fp.mode === '401' || req.headers['x-access-token'] !== fp.token) return send(401, { error: { code: 'unauthorized', message: 'no' } });
    if (fp.mode === '500') return send(500, { error: { code: 'internal', message: 'boom' } });
    if (fp.mode === 'garbage') return send(200, '{"items": [{"id": 1}]');
    const limit = Number(u.searchParams.get('limit') ?? 200);
    const after = Number(u.searchParams.get('cursor') ?? 0);
    if (path === '/platform') return send(200, MOSCOW_SEED_PLATFORM);
    if (path === '/partner') return send(200, { id: 'p1', name: 'Partner', model: 'partner' });
    if (path === '/clients/changes') {
      // Latest state per client, oldest change first (a client appears once, at its last change).
      const last = new Map<string, number>();
      for (const e of fp.clientFeed) last.set(e.item.id, e.seq);
      const items = fp.clientFeed.filter((e) => e.seq > after && last.get(e.item.id) === e.seq).slice(0, limit);
      const next = items.length ? items[items.length - 1]!.seq : after;
      return send(200, { items: items.map((e) => e.item), next_cursor: String(next) });
    }
    const pm = /^\/clients\/([^/]+)\/projects$/.exec(path);
    if (pm) {
      const list = fp.projects.get(decodeURIComponent(pm[1]!));
      return list ? send(200, list) : send(404, { error: { code: 'not_found', message: 'no' } });
    }
    if (path === '/transactions/changes') {
      const since = u.searchParams.get('since');
      const sinceMs = since ? Date.parse(since) : -Infinity;
      const start = u.searchParams.get('cursor') ? after : 0;
      const idx = fp.ledger.map((t, i) => [t, i + 1] as const).filter(([t, i]) => i > start && Date.parse(t.at) >= sinceMs);
      const page = idx.slice(0, limit);
      const next = page.length ? page[page.length - 1]![1] : start === 0 ? fp.ledger.length : start;
      return send(200, { items: page.map(([t]) => t), next_cursor: String(next) });
    }
    return send(404, { error: { code: 'not_found', message: path } });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fp.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fp.close = () => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  };
  return fp;
}
