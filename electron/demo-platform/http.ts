/**
 * HTTP plumbing: JSON answers, the error envelope, body reading with a size cap, the token check,
 * and zod failures turned into `fields` (validation_failed). Nothing here leaks a stack trace.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

export const BODY_LIMIT = 256 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Not found') => new HttpError(404, 'not_found', what);

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function envelope(code: string, message: string, fields?: Record<string, string>) {
  return { error: { code, message: message.slice(0, 1000), ...(fields ? { fields } : {}) } };
}

export function sendError(res: ServerResponse, e: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (e instanceof HttpError) {
    sendJson(res, e.status, envelope(e.code, e.message, e.fields), e.headers);
    return;
  }
  sendJson(res, 500, envelope('internal', 'Internal error'));
}

/** Reads the body up to BODY_LIMIT bytes (413 beyond it). */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(new HttpError(413, 'payload_too_large', `The body is larger than ${limit} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > limit) {
        done = true;
        req.resume();
        reject(new HttpError(413, 'payload_too_large', `The body is larger than ${limit} bytes`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    // A client that goes away mid-body: settle, so nothing waits forever (the answer goes nowhere).
    const gone = () => {
      if (done) return;
      done = true;
      reject(new HttpError(400, 'aborted', 'The request was aborted'));
    };
    req.on('error', gone);
    req.on('close', gone);
  });
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') throw new HttpError(400, 'malformed_json', 'The request body is empty; JSON expected');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'malformed_json', 'The request body is not valid JSON');
  }
}

/** A field's reason in the app's vocabulary (shared/domain/validation.ts FieldError and a few more). */
function reasonOf(issue: z.core.$ZodIssue, field: string, present: boolean): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'unknown_field';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : issue.origin === 'array' ? 'too_many' : 'out_of_range';
    case 'too_small':
      return issue.origin === 'string' ? (issue.minimum === 1 ? 'required' : 'too_short') : issue.origin === 'array' ? 'too_few' : 'out_of_range';
    case 'invalid_format':
      if (field === 'email') return 'invalid_email';
      if (field === 'phone') return 'invalid_phone';
      return 'invalid_format';
    case 'invalid_type':
      return present ? 'invalid_type' : 'required';
    case 'invalid_value':
      return 'invalid_value';
    default:
      return 'invalid';
  }
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) fields[[...issue.path, k].join('.')] ??= 'unknown_field';
      continue;
    }
    const key = issue.path.length ? issue.path.join('.') : '(body)';
    fields[key] ??= reasonOf(issue, String(issue.path[0] ?? ''), valueAt(input, issue.path) !== undefined);
  }
  const list = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  throw new HttpError(422, 'validation_failed', `Invalid input (${list})`.slice(0, 1000), fields);
}

export function queryObject(sp: URLSearchParams): Record<string, string> {
  const o: Record<string, string> = {};
  for (const [k, v] of sp) o[k] = v;
  return o;
}

export function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
