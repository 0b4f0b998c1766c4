/**
 * The partner platform's HTTP client (../shared/PLATFORM-API.md). Every response is parsed with
 * the shared zod schemas (the sync feeds' pages by equivalent predicates first, ./pages); failures throw ApiError. GETs retry 429 (Retry-After) and 5xx/network
 * errors with capped exponential backoff and full jitter; writes retry only with an idempotency key.
 * Keep-alive comes from Node's fetch (undici keeps connections open by default).
 *
 * The token stays with the platform: nothing is sent to an http:// address that is not this
 * computer, and redirects are never followed (Node's fetch would carry X-Access-Token to any
 * host). Each answer is read as a stream and dropped past `maxResponseBytes`.
 */
import { z } from 'zod';
import * as P from '../../../shared/contract/platform';
import { platformAddressProblem } from '../../../shared/domain/address';
import { ApiError } from './errors';
import * as Pages from './pages';

/**
 * The most bytes read from one answer (after decompression). A full 1,000-row page is about
 * 0.5 MB in practice and under 4 MB at the contract's longest fields; this leaves ample room.
 */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export { ApiError, toAppError } from './errors';

const RevokedInvitation = z.strictObject({ id: P.Id, revoked: z.literal(true) });

export interface PartnerApiOptions {
  /** The platform's base address, e.g. http://127.0.0.1:8787 (API under /partner/api/v1). */
  baseUrl: string;
  token: string;
  /** Per request (default 30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 4). */
  maxRetries?: number;
  /** The first backoff delay (default 500 ms); doubles per retry, with full jitter. */
  retryBaseMs?: number;
  /** The longest single backoff delay (default 30 s). */
  retryMaxMs?: number;
  /** A Retry-After longer than this is not waited for: the 429 is thrown (default 60 s). */
  maxRetryAfterMs?: number;
  /** The largest answer read (default MAX_RESPONSE_BYTES); a larger one is bad_response. */
  maxResponseBytes?: number;
  /** Told of every answer: its Date header and the local times the request left and the answer came. */
  onAnswer?: (dateHeader: string | null, sentAt: number, receivedAt: number) => void;
  /** The local clock (default Date.now). */
  localNow?: () => number;
}

type Query = Record<string, unknown>;
interface Req {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Query;
  body?: unknown;
  idempotencyKey?: string | undefined;
  /** Public endpoint (no token). */
  anonymous?: boolean;
  /** This answer's own byte cap, when it may be larger than a page. */
  maxBytes?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function parseRetryAfter(v: string | null): number | undefined {
  if (v === null || v.trim() === '') return undefined;
  const s = Number(v);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

export class PartnerApi {
  readonly baseUrl: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly maxResponseBytes: number;
  private readonly onAnswer: PartnerApiOptions['onAnswer'];
  private readonly localNow: () => number;

  constructor(opts: PartnerApiOptions) {
    this.onAnswer = opts.onAnswer;
    this.localNow = opts.localNow ?? Date.now;
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '') + P.API_BASE;
    this.token = opts.token;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.maxRetries = opts.maxRetries ?? 4;
    this.retryBaseMs = opts.retryBaseMs ?? 500;
    this.retryMaxMs = opts.retryMaxMs ?? 30_000;
    this.maxRetryAfterMs = opts.maxRetryAfterMs ?? 60_000;
    this.maxResponseBytes = opts.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  }

  // ---------- reads ----------
  platform() {
    return this.request(P.PlatformInfo, { method: 'GET', path: '/platform' });
  }
  partner() {
    return this.request(P.Partner, { method: 'GET', path: '/partner' });
  }
  clientChanges(cursor?: string, limit?: number) {
    return this.request(Pages.ClientChangesPage, { method: 'GET', path: '/clients/changes', query: { cursor, limit } });
  }
  /** Each changed client's whole project list (our extension; a platform without it answers 404). */
  projectChanges(cursor?: string, limit?: number) {
    return this.request(Pages.ProjectChangesPage, { method: 'GET', path: '/projects/changes', query: { cursor, limit } });
  }
  transactionChanges(cursor?: string, limit?: number, since?: string) {
    return this.request(Pages.TransactionsPage, {
      method: 'GET',
      path: '/transactions/changes',
      query: { cursor, limit, since: cursor ? undefined : since },
    });
  }
  listClients(q: z.input<typeof P.ClientsQuery> = {}) {
    return this.request(P.ClientsPage, { method: 'GET', path: '/clients', query: { ...q } });
  }
  getClient(id: string) {
    return this.request(P.Client, { method: 'GET', path: `/clients/${enc(id)}` });
  }
  projects(id: string) {
    return this.request(P.ProjectsList, { method: 'GET', path: `/clients/${enc(id)}/projects` });
  }
  transactions(id: string, q: z.input<typeof P.TransactionsQuery> = {}) {
    return this.request(P.TransactionsPage, { method: 'GET', path: `/clients/${enc(id)}/transactions`, query: { ...q } });
  }
  expenses(id: string, q: z.input<typeof P.ExpensesQuery>) {
    return this.request(P.Expenses, { method: 'GET', path: `/clients/${enc(id)}/expenses`, query: { ...q } });
  }
  invitations(cursor?: string, limit?: number) {
    return this.request(P.InvitationsPage, { method: 'GET', path: '/invitations', query: { cursor, limit } });
  }
  consumption(month: string) {
    // One row per client with activity, unpaged: up to LIMITS.reportMax rows of about 0.4 KB.
    return this.request(P.ConsumptionReport, {
      method: 'GET',
      path: '/reports/consumption',
      query: { month },
      maxBytes: 4 * this.maxResponseBytes,
    });
  }

  // ---------- writes ----------
  invite(body: P.InviteBody, idempotencyKey?: string) {
    return this.request(P.Client, { method: 'POST', path: '/clients', body, idempotencyKey });
  }
  block(id: string, idempotencyKey?: string) {
    return this.request(P.Client, { method: 'POST', path: `/clients/${enc(id)}/block`, idempotencyKey });
  }
  unblock(id: string, idempotencyKey?: string) {
    return this.request(P.Client, { method: 'POST', path: `/clients/${enc(id)}/unblock`, idempotencyKey });
  }
  deleteClient(id: string, idempotencyKey?: string) {
    return this.request(P.Deleted, { method: 'DELETE', path: `/clients/${enc(id)}`, idempotencyKey });
  }
  bulk(action: P.BulkAction, ids: string[], idempotencyKey?: string) {
    return this.request(P.BulkResult, { method: 'POST', path: '/clients/bulk', body: { action, ids }, idempotencyKey });
  }
  resendInvitation(id: string, idempotencyKey?: string) {
    return this.request(P.Invitation, { method: 'POST', path: `/invitations/${enc(id)}/resend`, idempotencyKey });
  }
  revokeInvitation(id: string, idempotencyKey?: string) {
    return this.request(RevokedInvitation, { method: 'DELETE', path: `/invitations/${enc(id)}`, idempotencyKey });
  }
  applyPartner(body: z.input<typeof P.PartnerApplicationBody>, idempotencyKey?: string) {
    return this.request(P.PartnerApplicationReceipt, {
      method: 'POST',
      path: '/partner-applications',
      body,
      idempotencyKey,
      anonymous: true,
    });
  }

  // ---------- transport ----------
  /** One call with retries; exposed for endpoints added later (deals, ...). */
  async request<T>(schema: Pages.Parser<T>, req: Req): Promise<T> {
    const canRetry = req.method === 'GET' || req.idempotencyKey !== undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(schema, req);
      } catch (e) {
        if (!(e instanceof ApiError) || !canRetry || !e.retryable || attempt >= this.maxRetries) throw e;
        let delay: number;
        if (e.status === 429 && e.retryAfterMs !== undefined) {
          if (e.retryAfterMs > this.maxRetryAfterMs) throw e;
          delay = e.retryAfterMs;
        } else {
          const cap = Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** attempt);
          delay = cap / 2 + Math.random() * (cap / 2);
        }
        await sleep(delay);
      }
    }
  }

  private url(path: string, query?: Query): string {
    let u = this.baseUrl + path;
    if (query) {
      const sp = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
      const s = sp.toString();
      if (s) u += '?' + s;
    }
    return u;
  }

  private async once<T>(schema: Pages.Parser<T>, req: Req): Promise<T> {
    const url = this.url(req.path, req.query);
    const what = `${req.method} ${req.path}`;
    if (platformAddressProblem(url) !== null) {
      throw new ApiError('insecure_address', `${what}: ${this.baseUrl} is not an https:// address nor this computer; nothing was sent`);
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (!req.anonymous) headers['x-access-token'] = this.token;
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (req.idempotencyKey !== undefined) headers['idempotency-key'] = req.idempotencyKey;
    let res: Response;
    let text: string;
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const sentAt = this.localNow();
      res = await fetch(url, {
        method: req.method,
        headers,
        signal,
        redirect: 'manual',
        ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
      });
      this.onAnswer?.(res.headers.get('date'), sentAt, this.localNow());
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => undefined);
        throw redirectError(what, url, res);
      }
      text = await readCapped(res, req.maxBytes ?? this.maxResponseBytes, what);
    } catch (e) {
      if (e instanceof ApiError) throw e;
      if (signal.aborted) throw new ApiError('timeout', `${what}: no answer within ${this.timeoutMs} ms`, { cause: e });
      const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
      throw new ApiError('network', `${what}: ${cause}`, { cause: e });
    }
    if (!res.ok) {
      let code: string | undefined;
      let message = `${what}: HTTP ${res.status}`;
      let fields: Record<string, string> | undefined;
      try {
        const env = P.ErrorEnvelope.safeParse(JSON.parse(text));
        if (env.success) {
          code = env.data.error.code;
          message = `${what}: HTTP ${res.status} ${env.data.error.code}: ${env.data.error.message}`;
          fields = env.data.error.fields;
        }
      } catch {
        /* not JSON: keep the status line */
      }
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
      throw new ApiError('http', message, {
        status: res.status,
        ...(code !== undefined ? { code } : {}),
        ...(fields !== undefined ? { fields } : {}),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError('bad_response', `${what}: the platform's answer is not JSON (${text.length} bytes: ${JSON.stringify(text.slice(0, 60))})`, {
        status: res.status,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at = issue ? issue.path.join('.') || '(root)' : '?';
      throw new ApiError('bad_response', `${what}: the platform's answer does not match the contract at ${at}: ${issue?.message ?? ''}`, {
        status: res.status,
      });
    }
    return parsed.data;
  }
}

/** A 3xx answer: refused, naming where it pointed (scheme, host and port; never the path or query). */
function redirectError(what: string, from: string, res: Response): ApiError {
  const location = res.headers.get('location');
  let target = '?';
  if (location) {
    try {
      target = new URL(location, from).origin;
    } catch {
      target = '?';
    }
  }
  return new ApiError('redirect', `${what}: HTTP ${res.status} redirects to ${target}; redirects are not followed, the token was not sent there`, {
    status: res.status,
    target,
  });
}

/** The body as text, read chunk by chunk and abandoned as soon as it passes `cap` bytes. */
async function readCapped(res: Response, cap: number, what: string): Promise<string> {
  const tooLarge = () =>
    new ApiError('bad_response', `${what}: the platform's answer is larger than ${cap} bytes; it was not read`, { status: res.status });
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > cap) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function enc(id: string): string {
  return encodeURIComponent(id);
}
