/** Seeded junk at every endpoint: never a 500, never a stack trace, always JSON (the envelope on errors). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../../shared/contract/endpoints';
import { ErrorEnvelope } from '../../../shared/contract/platform';
import { rng } from '../../../electron/demo-platform/prng';
import { boot, type Api } from './helpers';

let api: Api;
beforeAll(async () => {
  api = await boot({ clients: 40 });
});
afterAll(() => api.p.stop());

const r = rng(2024);
const junkValues: unknown[] = [null, true, -1, 0, Number.MAX_SAFE_INTEGER + 2, 1.5, '', ' ', 'x'.repeat(5000), '<script>', '\u0000', 'я', [], {}, [1, 'a'], { a: { b: 1 } }, '2026-13-45', 'cl000001'];
const junkStrings = ['', '%', '%zz', '..', '../../etc/passwd', 'cl000001', 'cl000001/..', '0', '-1', 'null', 'x'.repeat(300), 'я', '%00', '\u202e'];
const pick = <T>(xs: readonly T[]) => xs[Math.floor(r.next() * xs.length)] as T;

function junkBody(): string {
  const k = r.int(0, 5);
  if (k === 0) return '{"a":';
  if (k === 1) return JSON.stringify(pick(junkValues));
  const o: Record<string, unknown> = {};
  for (const f of ['email', 'name', 'phone', 'external_id', 'action', 'ids', 'company', 'message', 'extra']) if (r.chance(0.5)) o[f] = pick(junkValues);
  return JSON.stringify(o);
}

describe('fuzz', () => {
  it('no endpoint answers 5xx or leaks a stack trace to junk input', async () => {
    const fails: string[] = [];
    for (let i = 0; i < 400; i++) {
      const ep = pick(ENDPOINTS);
      const path = ep.path.replace('{id}', encodeURIComponent(pick(junkStrings)) || 'x');
      const qs = new URLSearchParams();
      for (const k of ['limit', 'cursor', 'since', 'search', 'status', 'from', 'to', 'kind', 'granularity', 'group_by', 'month', 'project', 'zzz']) {
        if (r.chance(0.3)) qs.set(k, String(pick([...junkStrings, ...junkValues.map(String)])));
      }
      const method = r.chance(0.9) ? ep.method : pick(['GET', 'POST', 'DELETE', 'PUT'] as const);
      const a = await api.call(`${path}?${qs}`, {
        method,
        ...(method !== 'GET' && r.chance(0.8) ? { raw: junkBody() } : {}),
        ...(r.chance(0.3) ? { key: pick(junkStrings.filter((s) => /^[\x20-\x7e]*$/.test(s) && s.length > 0)) } : {}),
      });
      const what = `${method} ${path}?${qs} -> ${a.status} ${a.text.slice(0, 200)}`;
      if (a.status >= 500 && a.status !== 501) fails.push(what);
      else if (/\n\s+at |node:internal|\.ts:\d+/.test(a.text)) fails.push('stack: ' + what);
      else if (a.status >= 400 && !ErrorEnvelope.safeParse(a.json).success) fails.push('no envelope: ' + what);
    }
    expect(fails).toEqual([]);
  });
});
