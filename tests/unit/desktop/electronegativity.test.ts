/** The scanner gate: which findings fail `npm test`, and how its CSV is read. */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without types
import { blocking, parseCsv } from '../../../scripts/electronegativity.mjs';

type Finding = { check: string; severity: string; confidence: string; file: string };

describe('electronegativity gate', () => {
  it('reads quoted CSV fields with commas, quotes and line breaks', () => {
    const rows = parseCsv('issue, severity\nA,"HIGH","a, ""b""\nc",N/A\n') as string[][];
    expect(rows).toEqual([
      ['issue', ' severity'],
      ['A', 'HIGH', 'a, "b"\nc', 'N/A'],
    ]);
  });

  it('fails on HIGH/MEDIUM with FIRM/CERTAIN only, unless excused for that check and file', () => {
    const f = (
      check: string,
      severity: string,
      confidence: string,
      file = 'electron/main/window.ts',
    ): Finding => ({ check, severity, confidence, file });
    const findings = [
      f('A', 'HIGH', 'FIRM'),
      f('B', 'MEDIUM', 'CERTAIN'),
      f('C', 'MEDIUM', 'TENTATIVE'),
      f('D', 'LOW', 'CERTAIN'),
      f('E', 'HIGH', 'FIRM', 'electron/main/other.ts'),
    ];
    const r = blocking(findings, [
      { check: 'E', file: 'electron/main/other.ts', why: 'x' },
      { check: 'Z', file: 'gone.ts', why: 'y' },
    ]) as { failing: Finding[]; excused: Finding[]; stale: Array<{ check: string }> };
    expect(r.failing.map((x) => x.check)).toEqual(['A', 'B']);
    expect(r.excused.map((x) => x.check)).toEqual(['E']);
    expect(r.stale.map((x) => x.check)).toEqual(['Z']);
  });
});
