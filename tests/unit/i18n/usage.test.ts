/**
 * Keys in code <-> keys in the catalogue. Convention: the full literal 'ns:key' in code
 * (see scripts/i18n-catalogue.ts). Every such literal must exist; every catalogue key must be used.
 */
import { describe, expect, it } from 'vitest';
import { baseKey, baseKeys, scan, sourceFiles } from '../../../scripts/i18n-catalogue';

/** Keys used only outside the scanned sources or built at run time. Keep this list short. */
const ALLOWED_UNUSED = new Set<string>([]);

const files = sourceFiles(['renderer', 'electron', 'shared', 'scripts']);
const { uses, bare, dynamic } = scan(files);
const fmt = (u: { key: string; file: string; line: number }) => `${u.file}:${u.line} ${u.key}`;

describe('i18n keys used in code', () => {
  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(uses.length).toBeGreaterThan(50);
  });

  it('every key used exists in en and ru', () => {
    for (const lang of ['en', 'ru'] as const) {
      const have = baseKeys(lang);
      const missing = uses.filter((u) => !have.has(`${u.key.split(':')[0]}:${baseKey(u.key.split(':')[1] ?? '')}`) && !have.has(u.key));
      expect(missing.map(fmt), `missing in ${lang}`).toEqual([]);
    }
  });

  it("every t() names its key as a literal 'ns:key'", () => {
    expect(bare.map(fmt), 't() without a namespace').toEqual([]);
    expect(dynamic.map(fmt), 't() with a template key').toEqual([]);
  });

  it('no catalogue key is unused', () => {
    const used = new Set(uses.map((u) => `${u.key.split(':')[0]}:${baseKey(u.key.split(':')[1] ?? '')}`));
    const unused = [...baseKeys('en')].filter((k) => !used.has(k) && !ALLOWED_UNUSED.has(k));
    expect(unused).toEqual([]);
  });
});

describe('the scan itself', () => {
  it('ignores keys in comments and finds them in code', async () => {
    const { stripComments } = await import('../../../scripts/i18n-catalogue');
    const src = "// t('menu:key')\n/* 'clients:x' */ const u = 'https://a.b/c'; t('clients:title'); // 'clients:y'\n";
    const out = stripComments(src);
    expect(out).not.toContain('menu:key');
    expect(out).not.toContain('clients:x');
    expect(out).not.toContain('clients:y');
    expect(out).toContain("t('clients:title')");
    expect(out).toContain('https://a.b/c');
    expect(out.split('\n').length).toBe(src.split('\n').length);
  });
});
