/**
 * How many clients a search of three characters or more matches, read from the trigram index; for a
 * search long enough to match few clients, the matching rowids are read in the same pass and kept
 * while the data is unchanged (dataGeneration), so the page that follows puts them in order without
 * asking the index again (search-plan.ts, plan 'rank').
 */
import type { StatementCache } from '../db/statements';
import { KeptForData } from './short-search';

/** Matches kept per search at most (a rowid each): more are counted only. */
const MAX_IDS = 8192;
/** Searches kept per database (the last ones counted). */
const KEEP = 8;
/**
 * Searches shorter than this (in code points) are counted only: their trigrams are the commonest,
 * and reading the rowids of tens of thousands of matches costs more than the page saves.
 */
const IDS_FROM_LENGTH = 5;

const kept = new KeptForData<number[]>();

/** The number of clients whose search text holds `q`, found by `fts` (its trigram query: the whole of q as a phrase). */
export function countTrigramMatches(statements: StatementCache, q: string, fts: string): number {
  if ([...q].length < IDS_FROM_LENGTH) return statements.get('SELECT count(*) FROM clients_fts WHERE clients_fts MATCH ?').pluck().get(fts) as number;
  const r = statements.get('SELECT count(*) AS n, json_group_array(rowid) AS ids FROM clients_fts WHERE clients_fts MATCH ?').get(fts) as { n: number; ids: string };
  const byQuery = r.n <= MAX_IDS ? kept.map(statements) : null;
  if (byQuery) {
    if (byQuery.size >= KEEP) byQuery.delete(byQuery.keys().next().value as string);
    byQuery.set(q, JSON.parse(r.ids) as number[]);
  }
  return r.n;
}

/** The rowids of exactly the clients whose search text holds `q`, in rowid order, if kept for the data as it is now. */
export function keptTrigramMatches(statements: StatementCache, q: string): number[] | null {
  return kept.map(statements)?.get(q) ?? null;
}
