/** Talks to a demo platform started in-process on a free port, over real HTTP. */
import { ErrorEnvelope } from '../../../shared/contract/platform';
import { start, type DemoPlatform, type StartOptions } from '../../../electron/demo-platform/index';

export const NOW = Date.parse('2026-03-15T12:00:00Z');

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface Call {
  method?: 'GET' | 'POST' | 'DELETE' | 'PUT';
  body?: unknown;
  /** Raw body text (sent as is). */
  raw?: string;
  token?: string | null;
  key?: string;
  headers?: Record<string, string>;
}

export class Api {
  constructor(readonly p: DemoPlatform) {}
  get base() {
    return this.p.url + '/partner/api/v1';
  }
  async call(path: string, c: Call = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...c.headers };
    const token = c.token === undefined ? this.p.token : c.token;
    if (token !== null) headers['x-access-token'] = token;
    if (c.key) headers['idempotency-key'] = c.key;
    let body: string | undefined;
    if (c.raw !== undefined) body = c.raw;
    else if (c.body !== undefined) body = JSON.stringify(c.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(path.startsWith('http') ? path : this.base + path, { method: c.method ?? (body !== undefined ? 'POST' : 'GET'), headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, headers: res.headers, text, json };
  }
  get(path: string, c: Call = {}) {
    return this.call(path, c);
  }
  post(path: string, body?: unknown, c: Call = {}) {
    return this.call(path, { ...c, method: 'POST', ...(body !== undefined ? { body } : {}) });
  }
  del(path: string, c: Call = {}) {
    return this.call(path, { ...c, method: 'DELETE' });
  }
  /** Every item of a paged list. */
  async all(path: string, limit = 1000): Promise<unknown[]> {
    const out: unknown[] = [];
    let cursor: string | null = null;
    for (;;) {
      const sep = path.includes('?') ? '&' : '?';
      const a = await this.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      if (a.status !== 200) throw new Error(`${path}: ${a.status} ${a.text}`);
      out.push(...a.json.items);
      if (!a.json.next_cursor || a.json.items.length === 0) return out;
      cursor = a.json.next_cursor;
    }
  }
}

export async function boot(o: StartOptions = {}): Promise<Api> {
  return new Api(await start({ clients: 120, seed: 3, now: NOW, ...o }));
}

/** An error answer: the status, the envelope, and never a stack trace. */
export function expectError(a: Answer, status: number, code: string): Answer {
  if (a.status !== status) throw new Error(`expected ${status} ${code}, got ${a.status}: ${a.text.slice(0, 300)}`);
  const env = ErrorEnvelope.safeParse(a.json);
  if (!env.success) throw new Error(`not an error envelope: ${a.text.slice(0, 300)}`);
  if (env.data.error.code !== code) throw new Error(`expected code ${code}, got ${env.data.error.code}: ${env.data.error.message}`);
  if (/\n\s+at |node:internal|\.ts:\d+/.test(a.text)) throw new Error(`stack trace leaked: ${a.text}`);
  return a;
}
