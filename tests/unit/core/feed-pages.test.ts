/**
 * The sync feeds' fast page checks (partner-api/pages.ts) accept exactly what the zod contract
 * accepts: valid pages, every single-field mutation of each item kind, and thousands of random
 * multi-mutations, each judged by both.
 */
import { describe, it, expect } from 'vitest';
import * as P from '../../../shared/contract/platform';
import * as Pages from '../../../electron/core/partner-api/pages';

const client = {
  id: 'cl000001',
  email: 'a@b.ru',
  name: 'ООО Ромашка',
  phone: '+7 912 000-00-00',
  external_id: 'ext-1',
  status: 'active',
  payment_model: 'prepaid',
  invited_at: '2025-01-02T03:04:05Z',
  registered_at: '2025-01-03T03:04:05.123Z',
  updated_at: '2025-02-01T00:00:00Z',
  balance: { payment: { amount_minor: -150, currency: 'RUB' }, bonus: { amount_minor: 0, currency: 'RUB' }, as_of: '2025-02-01T00:00:00Z' },
  projects_count: 2,
};
const tombstone = { id: 'cl000002', deleted: true };
const projects = {
  client_id: 'cl000001',
  projects: [
    { pid: 'mcs000001', name: 'Prod', status: 'active', created_at: '2025-01-03T00:00:00Z' },
    { pid: 'mcs000002', name: '', status: 'frozen', created_at: '2024-02-29T23:59:59Z' },
  ],
};
const tx = {
  id: 'tx1',
  client_id: 'cl000001',
  project_pid: 'mcs000001',
  at: '2025-03-01T10:00:00Z',
  kind: 'debit',
  amount_minor: 12345,
  currency: 'KZT',
  service: 'compute',
  description: 'Compute',
};

/** Values a field may be replaced with: every type, edges of each limit, near-miss formats. */
const ODD: unknown[] = [
  null, '', 'x', 0, 1, -1, 1.5, 2 ** 53, -(2 ** 53), 2 ** 53 - 1, 1e21, true, false, {}, [], [1],
  'a'.repeat(64), 'a'.repeat(65), 'a'.repeat(200), 'a'.repeat(201), 'a'.repeat(254), 'a'.repeat(255), 'a'.repeat(500), 'a'.repeat(501),
  'b'.repeat(32), 'b'.repeat(33), 'c'.repeat(199), 'c'.repeat(200) + 'd',
  '2026-02-29T00:00:00Z', '2024-02-29T00:00:00Z', '2026-01-01T00:00:00.5Z', '2026-01-01T00:00:00+03:00', '2026-01-01 00:00:00Z',
  '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T00:00Z', '2026-01-01',
  'bad id!', 'ок', 'a_b-C9', 'RUB', 'KZT', 'USD', 'compute', 'licenses', 'taxi', 'active', 'frozen', 'invited', 'blocked',
  'prepaid', 'postpaid', 'debit', 'credit', 'Debit',
  { amount_minor: 1, currency: 'RUB' }, { amount_minor: 1, currency: 'RUB', x: 1 }, { amount_minor: 1.5, currency: 'KZT' },
];

type Json = Record<string, unknown>;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Every object inside x (itself included), so a mutation can reach nested fields. */
function objectsIn(x: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(x)) x.forEach((v) => objectsIn(v, out));
  else if (x && typeof x === 'object') {
    out.push(x as Json);
    Object.values(x).forEach((v) => objectsIn(v, out));
  }
  return out;
}

function agree(kind: 'clients' | 'projects' | 'tx', page: unknown) {
  const [zod, fast] =
    kind === 'clients'
      ? [P.ClientChangesPage, Pages.isClientChangesPage]
      : kind === 'projects'
        ? [P.ProjectChangesPage, Pages.isProjectChangesPage]
        : [P.TransactionsPage, Pages.isTransactionsPage];
  const want = zod.safeParse(page).success;
  expect({ page, ok: fast(page) }).toEqual({ page, ok: want });
  return want;
}

const KINDS = [
  ['clients', client],
  ['clients', tombstone],
  ['projects', projects],
  ['tx', tx],
] as const;

describe('fast feed page checks agree with the zod contract', () => {
  it('accepts valid pages, empty pages and the last page', () => {
    for (const [kind, item] of KINDS) {
      expect(agree(kind, { items: [item, item], next_cursor: 'c1' })).toBe(true);
      expect(agree(kind, { items: [], next_cursor: null })).toBe(true);
    }
    expect(agree('clients', { items: [client, tombstone], next_cursor: null })).toBe(true);
  });

  it('judges every single-field change of every item kind (nested fields too) as zod does', () => {
    let refused = 0;
    for (const [kind, item] of KINDS) {
      const paths = objectsIn(item).length;
      for (let o = 0; o < paths; o++) {
        const keys = Object.keys(objectsIn(item)[o]!);
        for (const k of [...keys, 'extra', 'deleted']) {
          for (const v of [...ODD, undefined]) {
            const it = clone(item);
            const target = objectsIn(it)[o]!;
            if (v === undefined) delete target[k];
            else target[k] = v;
            if (!agree(kind, { items: [clone(item), it], next_cursor: 'c' })) refused++;
          }
        }
      }
    }
    expect(refused).toBeGreaterThan(1000);
  });

  it('judges page-level changes as zod does', () => {
    for (const [kind, item] of KINDS) {
      for (const v of ODD) agree(kind, { items: [item], next_cursor: v });
      for (const v of ODD) agree(kind, { items: v, next_cursor: null });
      agree(kind, { items: [item], next_cursor: null, extra: 1 });
      agree(kind, { items: [item] });
      agree(kind, [item]);
      agree(kind, null);
      agree(kind, { items: [item, null], next_cursor: null });
      // The item cap per page.
      agree(kind, { items: Array.from({ length: P.LIMITS.pageMax }, () => item), next_cursor: null });
      agree(kind, { items: Array.from({ length: P.LIMITS.pageMax + 1 }, () => item), next_cursor: null });
    }
  });

  it('judges 5,000 random multi-field mutations as zod does', () => {
    let s = 12345;
    const rand = (n: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % n);
    let refused = 0;
    for (let i = 0; i < 5000; i++) {
      const [kind, item] = KINDS[rand(KINDS.length)]!;
      const it = clone(item) as unknown as Json;
      for (let m = 1 + rand(3); m > 0; m--) {
        const objs = objectsIn(it);
        const target = objs[rand(objs.length)]!;
        const keys = Object.keys(target);
        const k = rand(5) === 0 ? 'extra' : (keys[rand(keys.length)] ?? 'extra');
        if (rand(8) === 0) delete target[k];
        else target[k] = ODD[rand(ODD.length)];
      }
      if (!agree(kind, { items: [it], next_cursor: 'c' })) refused++;
    }
    expect(refused).toBeGreaterThan(1000);
  });

  it('hands zod the pages it refuses, so the error names the field', () => {
    const bad = { items: [{ ...tx, amount_minor: 0 }], next_cursor: null };
    const r = Pages.TransactionsPage.safeParse(bad);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.path).toEqual(['items', 0, 'amount_minor']);
    const good = { items: [tx], next_cursor: null };
    expect(Pages.TransactionsPage.safeParse(good)).toEqual({ success: true, data: good });
  });
});
