import type { Store } from '../store';
import { HttpError } from '../http';

export interface Ctx {
  store: Store;
  params: Record<string, string>;
  // Validated with the endpoint's zod schema before the handler runs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}
export interface Result {
  status: number;
  body: unknown;
}
export type Handler = (c: Ctx) => Result;
/** Keyed by `${method} ${path}` exactly as in shared/contract/endpoints.ts. */
export type Routes = Record<string, Handler>;

export const ok = (body: unknown, status = 200): Result => ({ status, body });

/** Opaque cursors: base64url of `<kind>:<numbers…>`; anything else is 422 invalid_cursor. */
export function encodeCursor(kind: string, ...nums: number[]): string {
  return Buffer.from([kind, ...nums].join(':')).toString('base64url');
}
export function decodeCursor(cursor: string | undefined, kind: string, count: number): number[] | null {
  if (cursor === undefined) return null;
  const bad = () => new HttpError(422, 'invalid_cursor', 'The cursor is not one this endpoint issued', { cursor: 'invalid_cursor' });
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (parts[0] !== kind || parts.length !== count + 1) throw bad();
  const nums = parts.slice(1).map((p) => (/^-?\d{1,16}$/.test(p) ? Number(p) : NaN));
  if (nums.some((x) => !Number.isSafeInteger(x))) throw bad();
  if (encodeCursor(kind, ...nums) !== cursor) throw bad();
  return nums;
}
