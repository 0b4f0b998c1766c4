/**
 * Browser mode: the built renderer plus `/rpc` and `/events` on 127.0.0.1, guarded by a random
 * per-run token and by Host and Origin checks. The core runs in a worker thread
 * (startCoreWorker); the token of the platform connection stays on this side.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AppErrorShape } from '../../shared/contract/rpc/errors';
import { errorShape, parseRpcRequest } from '../host/rpc-reply';
import type { RpcReply } from '../../shared/contract/bridge';
import { WEB_TOKEN_HEADER } from '../../shared/contract/bridge';
import type { CoreEvent } from '../../shared/contract/events';
import type { ConnectionConfig, CoreHandle, CoreOptions } from '../core/core-handle';
import { SECURITY_HEADERS, hostAllowed, newToken, originAllowed, tokenMatches } from '../host/security';
import { serveStatic } from '../host/static';
import { clearSavedConnection, readSavedConnection, writeSavedConnection } from '../host/connection-store';
import { lockDataFolder, type DataFolderLock } from '../host/data-folder-lock';
import { builtInDemoOnDemand, type DemoPlatformHandle, type DemoWorkerOptions } from '../host/built-in-demo';
import { ConnectionManager } from '../host/connections';

export interface WebServerOptions {
  /** 0 or absent: a free port. */
  port?: number;
  dataDir: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** An explicit platform to connect to (`--platform URL --token T`, or a test's own demo platform). */
  connection?: ConnectionConfig | null;
  /** Start the built-in demo platform in a worker thread (data in dataDir/demo-platform) and connect to it. */
  demo?: boolean | DemoWorkerOptions;
  version?: string;
  /** Scheduled sync (default true). */
  autoSync?: boolean;
  /** How to start the core (default: startCoreWorker from electron/core/worker-client). */
  startCore?: (opts: CoreOptions) => Promise<CoreHandle>;
  /** The demo platform's worker entry (default: electron/demo-platform/worker.ts, see startBuiltInDemo). */
  demoWorkerFile?: string | URL;
}

export interface WebServer {
  /** The address to open, without the token: http://127.0.0.1:PORT */
  url: string;
  /** This run's token; the page gets it once as `?token=`. */
  token: string;
  /** The demo platform this server started, if any. */
  demo: DemoPlatformHandle | null;
  close(): Promise<void>;
}

/** The largest /rpc body browser mode reads: 1 MiB for every method… */
export const MAX_BODY = 1024 * 1024;
/** …except the import of a local data file, which may be far larger (announced as `/rpc?method=`). */
export const MAX_IMPORT_BODY = 64 * 1024 * 1024;
const LARGE_BODY_METHOD = 'localData.import';

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(text)),
    ...extra,
  });
  res.end(text);
}
function fail(
  res: ServerResponse,
  status: number,
  code: AppErrorShape['code'],
  message: string,
  params?: Record<string, string | number>,
): void {
  const reply: RpcReply = { ok: false, error: { code, message, ...(params ? { params } : {}) } };
  send(res, status, reply, status === 413 ? { Connection: 'close' } : {});
}
/**
 * The request body as text, or null when it is over `limit` bytes. An oversized body is still
 * read to its end (and dropped, never kept), so the client gets the 413 answer instead of a reset
 * connection. Only a caller with this run's token gets this far.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let over = false;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
      } else chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  // One process per data folder: a second server (or the desktop app) on it refuses to start.
  const lock = lockDataFolder(opts.dataDir, 'browser mode');
  try {
    return await startLocked(opts, lock);
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function startLocked(opts: WebServerOptions, lock: DataFolderLock): Promise<WebServer> {
  const token = newToken();
  const version = opts.version ?? '0.0.0';
  /** The built-in demo choice: ours, started on first need, or a test's own demo platform. */
  const demo = builtInDemoOnDemand({
    dataDir: opts.dataDir,
    ...(opts.demoWorkerFile ? { workerFile: opts.demoWorkerFile } : {}),
    ...(typeof opts.demo === 'object' ? { overrides: opts.demo } : {}),
  });

  const connections = new ConnectionManager({
    storage: {
      read: () => readSavedConnection(opts.dataDir),
      write: (c) => writeSavedConnection(opts.dataDir, c),
      clear: () => clearSavedConnection(opts.dataDir),
    },
    ensureDemo: () => demo.connection(),
  });
  // Which platform to talk to: explicit, else the demo when asked, else what was saved last time.
  let connection: ConnectionConfig | null;
  if (opts.connection) {
    if (opts.connection.kind === 'demo') demo.useRunning(opts.connection);
    connection = await connections.initial(opts.connection);
  } else if (opts.demo) {
    connection = await connections.initial(null, true);
  } else {
    const saved = readSavedConnection(opts.dataDir);
    connection = saved ? await connections.initial(null) : null;
  }

  const startCore = opts.startCore ?? (await import('../core/worker-client')).startCoreWorker;
  let core: CoreHandle;
  try {
    core = await startCore({
      dataDir: opts.dataDir,
      mode: 'browser',
      version,
      connection,
      ...(opts.autoSync === undefined ? {} : { autoSync: opts.autoSync }),
    });
  } catch (err) {
    await demo.stop();
    throw err;
  }

  const sseClients = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let port = 0;

  const handleRpc = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'POST') return fail(res, 405, 'forbidden', 'POST only');
    if (!tokenMatches(req.headers[WEB_TOKEN_HEADER.toLowerCase()] as string | undefined, token)) {
      return fail(res, 401, 'forbidden', 'Missing or wrong token');
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return fail(res, 415, 'invalid_input', 'Content-Type must be application/json');
    }
    const announced = url.searchParams.get('method');
    const limit = announced === LARGE_BODY_METHOD ? MAX_IMPORT_BODY : MAX_BODY;
    const text = await readBody(req, limit);
    if (text === null) {
      return fail(res, 413, 'too_large', `Request over ${limit} bytes`, { megabytes: limit / (1024 * 1024) });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail(res, 400, 'invalid_input', 'Malformed JSON');
    }
    const body = parseRpcRequest(json);
    if (!body) return fail(res, 400, 'invalid_input', 'Expected {"method": string, "input": ...}');
    // The larger limit is for the method announced in the address only.
    if (announced !== null && announced !== body.method) {
      return fail(res, 400, 'invalid_input', 'The ?method= of the address and the body differ');
    }
    try {
      const result =
        body.method === 'connection.set'
          ? await connections.set(core, body.input)
          : body.method === 'localData.forget'
            ? await connections.forget(core, body.input)
            : await core.call(body.method, body.input);
      send(res, 200, { ok: true, result } satisfies RpcReply);
    } catch (err) {
      send(res, 200, { ok: false, error: errorShape(err) } satisfies RpcReply);
    }
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'GET') return fail(res, 405, 'forbidden', 'GET only');
    const presented =
      url.searchParams.get('token') ?? (req.headers[WEB_TOKEN_HEADER.toLowerCase()] as string | undefined);
    if (!tokenMatches(presented, token)) return fail(res, 401, 'forbidden', 'Missing or wrong token');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 1000\n\n');
    sseClients.add(res);
    const off = core.onEvent((e: CoreEvent) => {
      res.write(`data: ${JSON.stringify(e)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    ping.unref();
    req.on('close', () => {
      off();
      clearInterval(ping);
      sseClients.delete(res);
    });
  };

  const server: Server = createServer((req, res) => {
    if (!hostAllowed(req.headers.host, port) || !originAllowed(req.headers.origin, port)) {
      return fail(res, 403, 'forbidden', 'Foreign Host or Origin');
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return fail(res, 400, 'invalid_input', 'Bad request');
    }
    const done = (p: Promise<void> | void) =>
      Promise.resolve(p).catch((err: unknown) => {
        if (!res.headersSent)
          fail(res, 500, 'internal', err instanceof Error ? err.message : 'Internal error');
        else res.destroy();
      });
    if (url.pathname === '/rpc') return void done(handleRpc(req, res, url));
    if (url.pathname === '/events') return void done(handleEvents(req, res, url));
    return void done(serveStatic(opts.rendererDir, url.pathname, req, res, SECURITY_HEADERS));
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await core.close();
    await demo.stop();
    throw err;
  }
  port = (server.address() as { port: number }).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    get demo() {
      return demo.started;
    },
    close() {
      closing ??= (async () => {
        for (const r of sseClients) r.end();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const s of sockets) s.destroy();
        });
        await core.close();
        await demo.stop();
        lock.release();
      })();
      return closing;
    },
  };
}
