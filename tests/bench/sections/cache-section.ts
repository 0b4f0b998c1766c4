/**
 * What the bench's cache sections share: the context the runner gives them, the synced cache file
 * opened for the section's measurements and closed after, and the median of repeated runs.
 */
import type Database from 'better-sqlite3';

export interface SectionContext {
  cacheFile: string;
  log: (line: string) => void;
}

/** The median, to two decimals. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Number((s[Math.floor(s.length / 2)] ?? 0).toFixed(2));
}

/** Runs `measure` over the cache file, closing it whatever happens. */
export async function onCache<T>(ctx: SectionContext, measure: (db: Database.Database) => T, opts: { readonly?: boolean } = {}): Promise<T> {
  const { default: Sqlite } = await import('better-sqlite3');
  const db = new Sqlite(ctx.cacheFile, opts);
  try {
    return measure(db);
  } finally {
    db.close();
  }
}
