/**
 * The router: /partner/api/v1/* from shared/contract/endpoints.ts (auth, query and body checked
 * with the contract's zod schemas, Idempotency-Key on writes), /__demo/* (only when allowed),
 * /invite/* (HTML pages). Every failure is the error envelope; never a stack trace.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ENDPOINTS, type Endpoint } from '../../shared/contract/endpoints';
import { API_BASE, DemoFaults, DemoTick, LIMITS } from '../../shared/contract/platform';
import { Faults } from './faults';
import { HttpError, envelope, parseJson, queryObject, readBody, sendError, sendJson, tokenMatches, validate } from './http';
import { handleInvitePage } from './invite-pages';
import { ROUTE_MODULES } from './routes/index';
import type { Handler, Result } from './routes/types';
import type { Store } from './store';
import { tick } from './tick';

const emptyQuery = z.strictObject({});

/** `application/json`, with or without parameters such as charset. */
function isJsonType(v: string | undefined): boolean {
  return (v ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

interface Route {
  ep: Endpoint;
  re: RegExp;
  names: string[];
  handler: Handler;
}
const notImplemented: Handler = () => {
  throw new HttpError(501, 'not_implemented', 'The demo platform does not implement this endpoint yet');
};

function compile(): Route[] {
  const HANDLERS: Record<string, Handler> = Object.assign({}, ...ROUTE_MODULES.map((m) => m.routes));
  const routes = ENDPOINTS.map((ep) => {
    const names: string[] = [];
    const re = new RegExp('^' + ep.path.replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), '([^/]+)')) + '$');
    const handler = HANDLERS[`${ep.method} ${ep.path}`] ?? notImplemented;
    return { ep, re, names, handler };
  });
  // Literal segments win over parameters (/clients/changes before /clients/{id}).
  return routes.sort((a, b) => a.names.length - b.names.length);
}

export interface ServerOptions {
  store: Store;
  token: string;
  seed: number;
  allowDemoControls: boolean;
}

export function createHandler(o: ServerOptions) {
  const routes = compile();
  const faults = new Faults(o.seed);
  const { store } = o;
  for (const m of ROUTE_MODULES) m.init?.(store.db);
  const idemGet = store.db.prepare('SELECT fingerprint, status, body FROM idempotency WHERE key = ?');
  const idemPut = store.db.prepare('INSERT INTO idempotency (key, fingerprint, status, body, created_at) VALUES (?,?,?,?,?)');

  async function api(req: IncomingMessage, res: ServerResponse, path: string, sp: URLSearchParams): Promise<void> {
    if (await faults.before(res)) return;
    const method = req.method ?? 'GET';
    const candidates = routes.filter((r) => r.re.test(path));
    const route = candidates.find((r) => r.ep.method === method);
    if (!route) {
      req.resume();
      if (candidates.length) throw new HttpError(405, 'method_not_allowed', `${method} is not allowed here`);
      throw new HttpError(404, 'not_found', 'No such endpoint');
    }
    if (route.ep.auth && !tokenMatches(req.headers['x-access-token'], o.token)) {
      req.resume();
      throw new HttpError(401, 'unauthorized', 'Missing or wrong X-Access-Token');
    }
    const m = route.re.exec(path) as RegExpExecArray;
    const params: Record<string, string> = {};
    route.names.forEach((n, i) => {
      try {
        params[n] = decodeURIComponent(m[i + 1] ?? '');
      } catch {
        params[n] = '';
      }
    });
    const query = validate(route.ep.query ?? emptyQuery, queryObject(sp));
    let body: unknown = undefined;
    if (route.ep.body) {
      body = validate(route.ep.body, parseJson(await readBody(req)));
    } else {
      await readBody(req);
    }
    const ctx = { store, params, query, body };
    const key = req.headers['idempotency-key'];
    let result: Result;
    if (method !== 'GET' && typeof key === 'string') {
      if (key.length === 0 || key.length > LIMITS.idempotencyKey) {
        throw new HttpError(422, 'validation_failed', 'Bad Idempotency-Key', { 'Idempotency-Key': key.length ? 'too_long' : 'required' });
      }
      const fp = createHash('sha256').update(`${method} ${path}\n${body === undefined ? '' : JSON.stringify(body)}`).digest('hex');
      result = store.db.transaction((): Result => {
        const prev = idemGet.get(key) as { fingerprint: string; status: number; body: string } | undefined;
        if (prev) {
          if (prev.fingerprint !== fp) throw new HttpError(422, 'idempotency_conflict', 'This Idempotency-Key was used with a different request');
          return { status: prev.status, body: prev.body };
        }
        let r: Result;
        try {
          r = route.handler(ctx);
        } catch (e) {
          if (!(e instanceof HttpError) || e.status >= 500) throw e;
          r = { status: e.status, body: envelope(e.code, e.message, e.fields) };
        }
        idemPut.run(key, fp, r.status, JSON.stringify(r.body), store.now());
        return r;
      })();
    } else {
      result = route.handler(ctx);
    }
    const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
    if (faults.malformed()) {
      sendJson(res, 200, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      return;
    }
    sendJson(res, result.status, text);
  }

  /** The demo controls and the methods each answers. */
  const CONTROLS: Record<string, readonly string[]> = {
    '/__demo/faults': ['GET', 'POST'],
    '/__demo/tick': ['POST'],
    '/__demo/invitations': ['GET'],
  };

  /**
   * /__demo/*: only when allowed, only with the platform token (401), only the control's methods
   * (405), and a POST only with `Content-Type: application/json` (415), so a web page in the
   * user's browser cannot drive them with a simple cross-site request to the loopback port.
   */
  async function demo(req: IncomingMessage, res: ServerResponse, path: string, sp: URLSearchParams): Promise<void> {
    const allowed = CONTROLS[path];
    if (!o.allowDemoControls || !allowed) {
      req.resume();
      throw new HttpError(404, 'not_found', o.allowDemoControls ? 'No such demo control' : 'No such endpoint');
    }
    const method = req.method ?? 'GET';
    if (!allowed.includes(method)) {
      req.resume();
      throw new HttpError(405, 'method_not_allowed', `${method} is not allowed here`, undefined, { allow: allowed.join(', ') });
    }
    if (!tokenMatches(req.headers['x-access-token'], o.token)) {
      req.resume();
      throw new HttpError(401, 'unauthorized', 'Demo controls need the platform token (X-Access-Token)');
    }
    if (method === 'POST' && !isJsonType(req.headers['content-type'])) {
      req.resume();
      throw new HttpError(415, 'unsupported_media_type', 'Demo controls take Content-Type: application/json');
    }
    if (method === 'POST' && path === '/__demo/faults') {
      faults.set(validate(DemoFaults, parseJson((await readBody(req)) || '{}')));
      sendJson(res, 200, faults.current);
    } else if (path === '/__demo/faults') {
      await readBody(req);
      sendJson(res, 200, faults.current);
    } else if (path === '/__demo/tick') {
      const t = validate(DemoTick, parseJson((await readBody(req)) || '{}'));
      sendJson(res, 200, tick(store, o.seed, t.days, t.accept_rate));
    } else {
      await readBody(req);
      const email = (sp.get('email') ?? '').trim().toLowerCase();
      const row = store.db
        .prepare(
          `SELECT i.token FROM invitations i JOIN clients c ON c.n = i.client_n
           WHERE c.email_lc = ? AND c.deleted_at IS NULL AND i.state = 'pending' ORDER BY i.n DESC LIMIT 1`,
        )
        .get(email) as { token: string } | undefined;
      if (!row) throw new HttpError(404, 'not_found', 'No pending invitation for this email');
      const host = req.headers.host ?? '127.0.0.1';
      sendJson(res, 200, { url: `http://${host}/invite/${row.token}` });
    }
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Every answer is dated by the platform's own clock (the wall clock plus simulated days), as a
    // real server's are; a platform with a fixed "now" (screenshots) leaves Node's own date.
    if (store.runsOnWallClock()) res.setHeader('date', new Date(store.now()).toUTCString());
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname;
      if (path.startsWith(API_BASE + '/') || path === API_BASE) {
        await api(req, res, path.slice(API_BASE.length), url.searchParams);
      } else if (path.startsWith('/__demo/')) {
        await demo(req, res, path, url.searchParams);
      } else if (path.startsWith('/invite/')) {
        await handleInvitePage(store, req, res, url);
      } else {
        req.resume();
        throw new HttpError(404, 'not_found', 'Not found');
      }
    } catch (e) {
      if (!(e instanceof HttpError) && process.env.DEMO_PLATFORM_DEBUG) console.error(e);
      sendError(res, e);
    }
  };
}
