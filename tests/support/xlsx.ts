/**
 * Reads an XLSX file with Node alone (no spreadsheet library; the zip through ./unzip.ts): the
 * first sheet's cells come back as rows keyed by column letter, each with its value, type and
 * number format code (from the cell's style).
 */
import { unzip } from './unzip';

const unxml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export interface XlsxCell {
  /** Text of an inline or shared string, else the number as written. */
  v: string;
  /** 's' / 'inlineStr' / 'str' for text, 'n' for numbers. */
  t: string;
  /** The cell's number format code ('General' when none). */
  fmt: string;
}

/** The first worksheet as rows of cells (empty cells left out of their row's positions: keyed by column letter). */
export function readSheet(file: Buffer): Record<string, XlsxCell>[] {
  const z = unzip(file);
  const sheetName = [...z.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).sort()[0];
  if (!sheetName) throw new Error('no worksheet');
  const xml = z.get(sheetName)!.toString('utf8');
  const shared = (z.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').match(/<si>[\s\S]*?<\/si>/g)?.map((si) => unxml([...si.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join(''))) ?? [];
  const styles = z.get('xl/styles.xml')?.toString('utf8') ?? '';
  const numFmts = new Map<number, string>([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [Number(m[1]), unxml(m[2]!)]));
  const xfs = [...(styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? '').matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  const rows: Record<string, XlsxCell>[] = [];
  for (const r of xml.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
    const row: Record<string, XlsxCell> = {};
    for (const c of r[1]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[2] ?? '';
      const t = attrs.match(/t="(\w+)"/)?.[1] ?? 'n';
      const s = Number(attrs.match(/s="(\d+)"/)?.[1] ?? 0);
      const body = c[3] ?? '';
      const raw = t === 'inlineStr' ? [...body.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join('') : (body.match(/<v>([\s\S]*?)<\/v>/)?.[1] ?? '');
      const v = t === 's' ? (shared[Number(raw)] ?? '') : unxml(raw);
      const id = xfs[s] ?? 0;
      row[c[1]!] = { v, t, fmt: numFmts.get(id) ?? (id === 0 ? 'General' : `builtin:${id}`) };
    }
    rows.push(row);
  }
  return rows;
}

/** Excel's serial day number of a 'YYYY-MM-DD' date. */
export function excelDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000 + 25569;
}
