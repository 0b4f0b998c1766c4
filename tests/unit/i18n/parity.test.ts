/** Every key in both languages, none empty, the same interpolation variables, plural forms complete. */
import { describe, expect, it } from 'vitest';
import { NAMESPACES } from '../../../shared/i18n';
import { EN_PLURALS, RU_PLURALS, baseKey, catalogue, interpolations, pluralSuffix } from '../../../scripts/i18n-catalogue';

const en = catalogue('en');
const ru = catalogue('ru');

describe.each(NAMESPACES)('namespace %s', (ns) => {
  const e = en.get(ns) ?? new Map<string, unknown>();
  const r = ru.get(ns) ?? new Map<string, unknown>();
  const bases = (m: Map<string, unknown>) => new Set([...m.keys()].map(baseKey));

  it('has the same keys in en and ru (plural forms folded)', () => {
    const eb = bases(e);
    const rb = bases(r);
    expect([...eb].filter((k) => !rb.has(k)), 'missing in ru').toEqual([]);
    expect([...rb].filter((k) => !eb.has(k)), 'missing in en').toEqual([]);
  });

  it('has no empty or non-string messages', () => {
    const bad = [...e, ...r].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it('has complete plural forms: ru one/few/many/other, en one/other', () => {
    const problems: string[] = [];
    const check = (m: Map<string, unknown>, lang: string, need: string[]) => {
      for (const b of new Set([...m.keys()].filter((k) => pluralSuffix(k)).map(baseKey))) {
        for (const s of need) if (!m.has(b + s)) problems.push(`${lang} ${ns}:${b}${s}`);
      }
    };
    // A key plural in one language must be plural in the other.
    const plural = new Set([...e.keys(), ...r.keys()].filter((k) => pluralSuffix(k)).map(baseKey));
    for (const b of plural) {
      for (const s of EN_PLURALS) if (!e.has(b + s)) problems.push(`en ${ns}:${b}${s}`);
      for (const s of RU_PLURALS) if (!r.has(b + s)) problems.push(`ru ${ns}:${b}${s}`);
      if (e.has(b) || r.has(b)) problems.push(`${ns}:${b} exists both plain and plural`);
    }
    check(e, 'en', EN_PLURALS);
    check(r, 'ru', RU_PLURALS);
    expect(problems).toEqual([]);
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (m: Map<string, unknown>, b: string) =>
      [...new Set([...m].filter(([k]) => baseKey(k) === b).flatMap(([, v]) => (typeof v === 'string' ? interpolations(v) : [])))].sort();
    const diff: string[] = [];
    for (const b of new Set([...e.keys()].map(baseKey))) {
      const a = vars(e, b).join(',');
      const c = vars(r, b).join(',');
      if (a !== c) diff.push(`${ns}:${b} en{${a}} ru{${c}}`);
    }
    expect(diff).toEqual([]);
  });
});
