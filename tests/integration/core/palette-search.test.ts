/**
 * The command palette's search (palette.search) through the core's RPC on a real synced cache:
 * jumps by id, email, PID, name (Cyrillic, any case), phone and several words; a typo still finds
 * the client; the contract refuses what it must (10,000 characters, bad limits, unknown fields)
 * and hostile text (FTS operators, quotes, stars, LIKE wildcards, NUL) is text to look for,
 * never syntax, and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../../electron/core/create-core';
import { testCore } from '../../support/test-core';
import type { PaletteHit } from '../../../shared/contract/rpc/palette';
import type { Client } from '../../../shared/contract/platform';
import { startFakePlatform, type FakePlatform } from '../../unit/core/fake-platform';
import { makeClients } from '../../unit/core/fixtures';

let dir: string;
let fp: FakePlatform;
let core: Core;
let clients: Client[];

const NEEDLE = 'Needle 50%_off "q" NEAR(x) AND y* <b>bold</b>';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pd-palette-'));
  fp = await startFakePlatform();
  clients = makeClients(3000, 3);
  clients.push({ ...makeClients(1, 9)[0]!, id: 'needle', name: NEEDLE, email: 'needle@example.ru', projects_count: 1 });
  clients.push({ ...makeClients(1, 4)[0]!, id: 'kestrel', name: 'Kestrel Analytics GmbH', email: 'ops@kestrel.ai', projects_count: 2 });
  for (const c of clients) fp.upsert(c);
  core = await testCore(dir, fp, 'custom', {
    now: () => Date.parse('2026-03-15T12:00:00Z'),
    apiOptions: { retryBaseMs: 1, retryMaxMs: 5, maxRetries: 0, timeoutMs: 5000 },
  });
  await core.engine.run();
});
afterAll(async () => {
  await core.close();
  await fp.close();
  rmSync(dir, { recursive: true, force: true });
});

const search = async (query: string, limit?: number) =>
  ((await core.call('palette.search', limit === undefined ? { query } : { query, limit })) as { hits: PaletteHit[] }).hits;
const ids = (hits: PaletteHit[]) => hits.map((h) => h.client.id);

/** Rows written through the core's connection so far: unchanged means the search wrote nothing. */
const digest = () => core.ctx.db.prepare('SELECT total_changes()').pluck().get() as number;

async function refused(input: unknown): Promise<string | undefined> {
  try {
    await core.call('palette.search', input);
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('palette.search jumps to a client', () => {
  it('by its id, first and exactly', async () => {
    const hits = await search('c001234');
    expect(hits[0]?.client.id).toBe('c001234');
    expect(hits[0]?.match).toBe('id');
  });

  it('by its email, exact (any case) or its beginning', async () => {
    const exact = await search('USER1234@EXAMPLE2.RU');
    expect(exact[0]?.client.id).toBe('c001234');
    expect(exact[0]?.match).toBe('email');
    const begun = await search('user123');
    expect(ids(begun)).toContain('c000123');
    expect(begun.filter((h) => h.match !== 'fuzzy').every((h) => h.client.email.startsWith('user123'))).toBe(true);
  });

  it("by a project's PID, exact or its beginning, naming the PID", async () => {
    const hits = await search('c000042-p1');
    expect(hits[0]).toMatchObject({ match: 'pid', pid: 'c000042-p1' });
    expect(hits[0]?.client.id).toBe('c000042');
    // One hit per client, naming the first PID that begins so.
    const begun = await search('kestrel-p');
    expect(begun[0]).toMatchObject({ match: 'pid', pid: 'kestrel-p0' });
    expect(begun[0]?.client.id).toBe('kestrel');
  });

  it('by a word of the name in Cyrillic, in any case, and by a name beginning', async () => {
    const want = clients.filter((c) => c.name?.includes('Ромашка')).length;
    for (const q of ['ромашка', 'РОМАШКА', 'Ромашка']) {
      const hits = await search(q, 50);
      expect(hits.length).toBe(Math.min(50, want));
      expect(hits.every((h) => h.client.name?.includes('Ромашка'))).toBe(true);
    }
    const ooo = await search('ооо');
    expect(ooo.length).toBe(20);
    expect(ooo.every((h) => h.client.name?.startsWith('ООО'))).toBe(true);
  });

  it('by phone digits or the phone as written', async () => {
    const c = clients.find((x) => x.phone !== null && x.id > 'c002000')!;
    const digits = c.phone!.replace(/\D/g, '');
    expect(ids(await search(digits, 50))).toContain(c.id);
    expect(ids(await search(c.phone!, 50))).toContain(c.id);
  });

  it('by several words in any order, each found somewhere in the client', async () => {
    const c = clients.find((x) => x.name?.startsWith('АО «Вектор»') && x.id > 'c001000')!;
    const number = c.name!.split(' ').pop()!;
    for (const q of [`вектор ${number}`, `${number} вектор`]) {
      const hits = await search(q);
      expect(ids(hits)).toContain(c.id);
      for (const h of hits) expect(`${h.client.name} ${h.client.email} ${h.client.id}`.toLowerCase()).toContain('вектор');
    }
  });

  it('through a typo (the clients sharing most of its trigrams)', async () => {
    const hits = await search('kestral analitics');
    expect(hits[0]?.client.id).toBe('kestrel');
    expect(hits[0]?.match).toBe('fuzzy');
  });

  it('returns at most the limit, best first', async () => {
    expect((await search('user')).length).toBe(20);
    expect((await search('user', 5)).length).toBe(5);
    expect(await search('   ')).toEqual([]);
    expect(await search('zzzzqqqq')).toEqual([]);
  });
});

describe('palette.search refuses what the contract refuses', () => {
  it('a 10,000-character query, a limit out of range, an unknown field, no query', async () => {
    expect(await refused({ query: 'n'.repeat(10_000) })).toBe('invalid_input');
    expect(await refused({ query: 'a', limit: 0 })).toBe('invalid_input');
    expect(await refused({ query: 'a', limit: 51 })).toBe('invalid_input');
    expect(await refused({ query: 'a', limit: 2.5 })).toBe('invalid_input');
    expect(await refused({ query: 'a', sql: 'DROP TABLE clients' })).toBe('invalid_input');
    expect(await refused({})).toBe('invalid_input');
    expect(await refused({ query: 42 })).toBe('invalid_input');
  });
});

describe('palette.search reads hostile text literally', () => {
  const HOSTILE = ['"', '""', '*', 'y*', 'NEAR(', 'NEAR(x)', 'AND', 'OR NOT', 'name:x', '%', '_', '50%_', '\\', "' OR 1=1; --", 'a\u0000b', 'a\ud800b', '^', '-x', '(', ')', '{x}'];
  for (const text of HOSTILE) {
    it(`${JSON.stringify(text)}: no error, nothing written, exact hits carry the text`, async () => {
      const before = digest();
      const hits = await search(text, 50);
      const needle = text.replaceAll('\u0000', '').trim().toLowerCase();
      for (const h of hits.filter((x) => x.match !== 'fuzzy')) {
        expect(`${h.client.name}\u0001${h.client.email}\u0001${h.client.id}\u0001${h.client.externalId}\u0001${h.client.phone}\u0001${h.pid}`.toLowerCase(), `${text} → ${h.client.id}`).toContain(needle);
      }
      expect(digest()).toBe(before);
    });
  }
  // (Under three characters only beginnings are matched, so the tokens are three or more.)
  for (const token of ['50%', '%_o', '"q"', 'NEAR(x)', 'AND', 'y* <', '<b>', '50%_off']) {
    it(`finds the client whose name holds ${token}`, async () => {
      expect(ids(await search(token, 50))).toContain('needle');
    });
  }
});
