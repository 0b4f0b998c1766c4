/**
 * A small ZIP reader on Node's zlib, enough for the app's XLSX files: reads the central directory
 * and returns each entry's bytes (stored or deflated). No dependency beyond Node.
 */
import { inflateRawSync } from 'node:zlib';

export function unzip(buf: Buffer): Map<string, Buffer> {
  // End of central directory: the last signature 0x06054b50 (a comment may follow it).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    if (method === 0) out.set(name, Buffer.from(data));
    else if (method === 8) out.set(name, inflateRawSync(data));
    else throw new Error(`${name}: compression method ${method}`);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export interface XlsxCell {
  ref: string;
  /** The cell's t attribute ('' when absent, i.e. a number). */
  type: string;
  /** <v> for numbers, the text of a shared or inline string (XML entities decoded). */
  value: string;
  /** Whether the cell has a formula (<f>). */
  formula: boolean;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

/** The shared strings table (xl/sharedStrings.xml), in order. */
export function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) =>
    decode([...(si[1] ?? '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
}

/**
 * The cells of one worksheet's XML, as written (no formula evaluation, no library in between);
 * a shared-string cell's value is looked up in `shared`.
 */
export function sheetCells(xml: string, shared: string[] = []): XlsxCell[] {
  const cells: XlsxCell[] = [];
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = m[1] ?? '';
    const body = m[2] ?? '';
    const ref = /\br="([^"]+)"/.exec(attrs)?.[1] ?? '';
    const type = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? '';
    const inline = [...body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('');
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const value = type === 'inlineStr' ? decode(inline) : type === 's' ? (shared[Number(v)] ?? '') : decode(v ?? '');
    cells.push({ ref, type, value, formula: /<f\b/.test(body) });
  }
  return cells;
}
