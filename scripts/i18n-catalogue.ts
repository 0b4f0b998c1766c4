/**
 * Reads the message catalogue and scans source files for keys; used by the i18n checks in
 * tests/unit/i18n and by `scripts/i18n-check.ts`. The convention that makes keys scannable: code
 * names every key as the full literal 'namespace:key' (t('clients:count'), or a literal in an
 * enum -> key map such as renderer/ui/labels.ts). A key is never assembled from a template string.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NAMESPACES, resources } from '../shared/i18n';

export const ROOT = join(import.meta.dirname, '..');
export const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'] as const;
export const RU_PLURALS = ['_one', '_few', '_many', '_other'];
export const EN_PLURALS = ['_one', '_other'];

export type Flat = Map<string, unknown>;

export function flatten(obj: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, obj);
  }
  return out;
}

export function pluralSuffix(key: string): string | null {
  return PLURAL_SUFFIXES.find((s) => key.endsWith(s)) ?? null;
}

/** The key without its plural suffix. */
export function baseKey(key: string): string {
  const s = pluralSuffix(key);
  return s ? key.slice(0, -s.length) : key;
}

export function catalogue(lang: 'en' | 'ru'): Map<string, Flat> {
  const m = new Map<string, Flat>();
  for (const ns of NAMESPACES) m.set(ns, flatten((resources[lang] as Record<string, unknown>)[ns]));
  return m;
}

/** Every `ns:base` key that exists in a language (plural forms folded into their base). */
export function baseKeys(lang: 'en' | 'ru'): Set<string> {
  const out = new Set<string>();
  for (const [ns, flat] of catalogue(lang)) for (const k of flat.keys()) out.add(`${ns}:${baseKey(k)}`);
  return out;
}

export function interpolations(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'release', 'test-results', 'playwright-report', 'artifacts']);

export function sourceFiles(dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      if (SKIP_DIRS.has(n) || n.startsWith('.')) continue;
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|mts|js|mjs)$/.test(n) && !/\.d\.ts$/.test(n)) out.push(p);
    }
  };
  for (const d of dirs) walk(join(ROOT, d));
  return out;
}

export interface KeyUse {
  key: string;
  file: string;
  line: number;
}

const NS_ALT = NAMESPACES.join('|');
/** A string literal that is a whole 'ns:key'. */
const LITERAL = new RegExp(`(['"\`])((?:${NS_ALT}):[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)\\1`, 'g');
/** t('key') / t("key") with no namespace: breaks the convention. */
const BARE_T = /\bt\(\s*(['"`])([A-Za-z0-9_.]+)\1/g;
/** t(`...${...}`) or t(variable + ...): a key the scan cannot see. */
const DYNAMIC_T = /\bt\(\s*`[^`]*\$\{/g;

function lineOf(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Blanks out comments (keeping line numbers) so an example in a comment is not a use. */
export function stripComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[\s;{}(),])\/\/[^\n]*/g, (m, pre: string) => pre + ' '.repeat(m.length - pre.length));
}

export function scan(files: string[]): { uses: KeyUse[]; bare: KeyUse[]; dynamic: KeyUse[] } {
  const uses: KeyUse[] = [];
  const bare: KeyUse[] = [];
  const dynamic: KeyUse[] = [];
  for (const f of files) {
    const text = stripComments(readFileSync(f, 'utf8'));
    const file = relative(ROOT, f);
    for (const m of text.matchAll(LITERAL)) uses.push({ key: m[2] ?? '', file, line: lineOf(text, m.index) });
    for (const m of text.matchAll(BARE_T)) bare.push({ key: m[2] ?? '', file, line: lineOf(text, m.index) });
    for (const m of text.matchAll(DYNAMIC_T)) dynamic.push({ key: m[0], file, line: lineOf(text, m.index) });
  }
  return { uses, bare, dynamic };
}
