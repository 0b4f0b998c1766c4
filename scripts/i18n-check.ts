/**
 * `npx tsx scripts/i18n-check.ts`: the i18n checks of tests/unit/i18n as a readable list, to fix
 * before `npm test` complains. Convention: code names every key as the full literal 'ns:key'
 * (t('clients:count')); an enum maps to literal keys (see renderer/ui/labels.ts), never t(`ns:${x}`).
 */
import { NAMESPACES } from '../shared/i18n/index';
import { EN_PLURALS, RU_PLURALS, baseKey, baseKeys, catalogue, pluralSuffix, scan, sourceFiles } from './i18n-catalogue';

const problems: string[] = [];
const en = catalogue('en');
const ru = catalogue('ru');
for (const ns of NAMESPACES) {
  const e = en.get(ns) ?? new Map<string, unknown>();
  const r = ru.get(ns) ?? new Map<string, unknown>();
  const eb = new Set([...e.keys()].map(baseKey));
  const rb = new Set([...r.keys()].map(baseKey));
  for (const k of eb) if (!rb.has(k)) problems.push(`missing in ru: ${ns}:${k}`);
  for (const k of rb) if (!eb.has(k)) problems.push(`missing in en: ${ns}:${k}`);
  for (const [lang, m] of [['en', e], ['ru', r]] as const) {
    for (const [k, v] of m) if (typeof v !== 'string' || v.trim() === '') problems.push(`empty in ${lang}: ${ns}:${k}`);
  }
  const plural = new Set([...e.keys(), ...r.keys()].filter((k) => pluralSuffix(k)).map(baseKey));
  for (const b of plural) {
    for (const s of EN_PLURALS) if (!e.has(b + s)) problems.push(`plural form missing in en: ${ns}:${b}${s}`);
    for (const s of RU_PLURALS) if (!r.has(b + s)) problems.push(`plural form missing in ru: ${ns}:${b}${s}`);
  }
}
const { uses, bare, dynamic } = scan(sourceFiles(['renderer', 'electron', 'shared', 'scripts']));
const have = baseKeys('en');
const norm = (k: string) => `${k.split(':')[0]}:${baseKey(k.split(':')[1] ?? '')}`;
for (const u of uses) if (!have.has(norm(u.key)) && !have.has(u.key)) problems.push(`unknown key ${u.key} at ${u.file}:${u.line}`);
for (const u of bare) problems.push(`t() without a namespace: '${u.key}' at ${u.file}:${u.line}`);
for (const u of dynamic) problems.push(`t() with a template key at ${u.file}:${u.line} (map the enum to literal keys)`);
const used = new Set(uses.map((u) => norm(u.key)));
for (const k of have) if (!used.has(k)) problems.push(`unused key ${k}`);

for (const p of problems) console.log(p);
console.log(problems.length ? `\n${problems.length} i18n problem(s)` : 'i18n: all good');
process.exit(problems.length ? 1 : 0);
