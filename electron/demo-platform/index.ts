/**
 * The demo partner platform, importable: `start({ port: 0 })` resolves to `{ url, token, stop }`.
 * The API lives under `url + '/partner/api/v1'`, invitation pages under `url + '/invite/…'`.
 * Data: its own SQLite file in `dataDir` (kept between runs while seed, clients and region
 * match; regenerated otherwise), or in a temp folder removed on stop.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Region } from '../../shared/contract/platform';
import { getMeta, openDb, setMeta, type Db } from './db';
import { seedData } from './seed';
import { createHandler } from './server';
import { Store } from './store';

export interface StartOptions {
  /** 0 (default) = a free port. */
  port?: number;
  host?: string;
  seed?: number;
  clients?: number;
  dataDir?: string;
  token?: string;
  region?: Region;
  policies?: 'seed' | 'vk-2025';
  allowDemoControls?: boolean;
  /** The platform clock's start (ms); default: the wall clock. Fixed when given (tests). */
  now?: number;
  /** Called with seeding figures when data is generated. */
  onSeeded?: (info: { clients: number; transactions: number; ms: number }) => void;
}

export interface DemoPlatform {
  url: string;
  token: string;
  /** The SQLite file (tests read it to compare). */
  dbFile: string;
  stop(): Promise<void>;
}

function prepareDb(file: string, o: Required<Pick<StartOptions, 'seed' | 'clients' | 'region'>> & StartOptions): Db {
  const fingerprint = `${o.seed}|${o.clients}|${o.region}|${o.now ?? ''}`;
  if (existsSync(file)) {
    const db = openDb(file);
    if (getMeta(db, 'fingerprint') === fingerprint && getMeta(db, 'seeded') === '1') return db;
    db.close();
    for (const f of [file, file + '-wal', file + '-shm']) rmSync(f, { force: true });
  }
  const db = openDb(file);
  db.pragma('synchronous = OFF');
  const info = seedData(db, { seed: o.seed, clients: o.clients, now: o.now ?? Date.now() });
  setMeta(db, 'fingerprint', fingerprint);
  setMeta(db, 'seeded', '1');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  o.onSeeded?.(info);
  return db;
}

export async function start(opts: StartOptions = {}): Promise<DemoPlatform> {
  const o = { seed: 1, clients: 250, region: 'moscow' as Region, ...opts };
  const token = opts.token ?? randomBytes(18).toString('base64url');
  let tmp: string | null = null;
  let dir = opts.dataDir;
  if (dir) mkdirSync(dir, { recursive: true });
  else dir = tmp = mkdtempSync(join(tmpdir(), 'demo-platform-'));
  const dbFile = join(dir, 'demo-platform.sqlite');
  const db = prepareDb(dbFile, o);
  db.function('ulower', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : null));
  const store = new Store(db, { region: o.region, policies: opts.policies ?? 'seed', now: opts.now });
  const handle = createHandler({ store, token, seed: o.seed, allowDemoControls: opts.allowDemoControls ?? false });
  const server: Server = createServer({ requestTimeout: 60_000 }, (req, res) => void handle(req, res));
  server.keepAliveTimeout = 30_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  let stopped: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    token,
    dbFile,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => {
        db.close();
        if (tmp) rmSync(tmp, { recursive: true, force: true });
      });
      return stopped;
    },
  };
}
