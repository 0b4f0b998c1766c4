/**
 * A page of a search alone (no other filter), planned by how many clients match, as a query
 * planner would: each plan gives exactly the rows and order of the plain query (every match
 * sorted), at a cost that depends on the search, its number of matches and the sort.
 *
 * - sort: take the matches from the trigram index (a superset that is cheap to find: see below),
 *   read each by rowid testing its search text, and sort them; cheap when they are few;
 * - walk: read the sort index in order testing each entry's search text; cheap when the matches are
 *   many and spread through the order (the page fills early);
 * - probe: read the sort index in order testing each entry's rowid against that set (the index
 *   alone), and the search text only of those;
 * - rank: take the matches from the trigram index (or those its count read and kept: a search of
 *   five characters or more, trigram-matches.ts) and put them in order by each client's position
 *   in this order, kept in memory while the data is unchanged (sort-ranks.ts): no table read but
 *   the page's; the cheapest for all but very many matches, once the positions are built (when the
 *   core is next idle after a search that wanted them);
 * - scan: a single character, which no index finds: read the table and sort its matches.
 * Few matches sort; very many walk, and a walk that has not filled the page within a few times the
 * entries an even spread needs shows them clustered elsewhere in this order (a Cyrillic word under a
 * name sort, say): the cheaper of the other ways finishes. Between, the first entries of the order
 * tell whether the matches are spread (probe; a walk along an index that carries the search text) or
 * not (sort). The number of matches is exact:
 * search_grams for one or two characters, the trigram index for more (the count the list asks next, kept).
 */
import type { StatementCache } from '../db/statements';
import { gramsReady, shortLength } from './short-search';
import { keptTrigramMatches } from './trigram-matches';
import { buildRanks, firstInOrder, keptRanks, wantRanks, type SortRanks } from './sort-ranks';

/**
 * What each plan costs, in about a microsecond on this class of machine: a match taken from the
 * trigram index and sorted (a table read each); an entry of the sort index walked testing its search
 * text (a table read each), or of an index that carries the text (the index alone, in order); a match
 * tested while walking the sort index by rowid, and each entry of that walk (the index alone); a row
 * of the table scanned; a match put in order by its kept position (sort-ranks.ts), and a client
 * ranked when an order's positions are built. Only their ratios matter.
 */
const COST = { sort: 1.3, walk: 1.1, walkText: 0.3, probeMatch: 0.5, probeEntry: 0.1, scan: 0.35, rank: 0.3, rankBuild: 0.12 };
/**
 * Searches the positions of an order serve once built, as their build's cost is weighed: a search
 * typed is a query per keystroke in the same order, and the positions last until the data changes.
 */
const RANK_USES = 4;
/** The walk stops after this many times the entries it needs if the matches are spread evenly. */
const WALK_SLACK = 3;
/** Matches an even spread puts in the first entries read to tell whether it is one (half of them seen: it is). */
const SPREAD_SEEN = 8;

export interface PlanInput {
  /** The normalised search (normaliseSearch), not empty. */
  q: string;
  /** The trigram index's query of q, or null (under three characters, or not usable). */
  fts: string | null;
  /** How many clients match (exact: search_grams or the trigram index). */
  n: number;
  offset: number;
  limit: number;
  /** ORDER BY of the list (sort column, id tie-break, direction). */
  order: string;
  /** The sort column's expression (the order ascending is it, then c.id), and whether the list's order is descending. */
  sortKey: string;
  desc: boolean;
  /** The sort column's index (exists). */
  sortIndex: string;
  /** Whether that index carries the search text (a walk then reads the index alone). */
  textInIndex: boolean;
  /** Whether the planner may put matches in order by kept positions (and build them): sort-ranks.ts. */
  ranks: boolean;
  /** Clients in the table. */
  total: number;
  /** SELECT list of a page row (columns and the pending action). */
  columns: string;
}

/** How a page was found (tests compare every plan against the plain query). */
export type PlanName = 'empty' | 'walk' | 'probe' | 'sort' | 'rank' | 'scan';

/**
 * The page of a search alone and the plan that found it; null when no plan applies (the caller
 * runs the plain query). `force` runs one plan to the end whatever it costs (tests).
 */
export function plannedSearchPage<R>(statements: StatementCache, p: PlanInput, force?: PlanName): { rows: R[]; plan: PlanName } | null {
  const want = p.offset + p.limit;
  const short = shortLength(p.q);
  // The trigram index's query that finds every match and a few others (each row is tested again
  // where it is read): for three characters or more, the rows that hold every one of its trigrams
  // that do not overlap (without the positions a phrase checks: two or three times cheaper to find);
  // for two, the trigrams that hold them (from search_grams' pairs: not while its counts are owed);
  // none for a single character.
  const matches = short === null ? (p.fts === null ? null : coveringTrigrams(p.q)) : short === 2 && gramsReady(statements) ? pairTrigrams(statements, p.q) : null;
  if (short === null && matches === null) return null;
  if (p.n === 0 || force === 'empty') return { rows: [], plan: 'empty' };
  const found = (plan: PlanName, page: number[]) => ({ rows: rowsOf<R>(statements, p, page), plan });
  if (force === 'walk') return found('walk', walk(statements, p, p.q, -1) as number[]);
  if (force === 'scan' || (force !== undefined && matches === null)) return found('scan', scan(statements, p));
  if (force === 'probe') return found('probe', probe(statements, p, matches as string, -1) as number[]);
  if (force === 'sort') return found('sort', sortMatches(statements, p, matches as string));
  // The matches in order by the positions kept for this order (sort-ranks.ts): the same superset,
  // its candidates tested in order until the page is full.
  const kept = p.ranks ? keptRanks(statements, p.sortIndex) : null;
  const ranked = () => {
    const ranks = kept ?? buildRanks(statements, p.sortIndex, p.sortKey);
    return ranks && matches !== null ? found('rank', rankedMatches(statements, p, ranks, matches)) : found('sort', sortMatches(statements, p, matches as string));
  };
  if (force === 'rank') return ranked();

  const walkCost = p.textInIndex ? COST.walkText : COST.walk;
  if (matches === null) {
    // A single character, which no index finds: walk until the walk has cost what a scan costs.
    const page = walk(statements, p, p.q, Math.floor((p.total * COST.scan) / walkCost));
    return page ? found('walk', page) : found('scan', scan(statements, p));
  }
  // The entries a walk reads before the page fills if the matches are spread evenly through this order.
  const expected = Math.ceil((want * p.total) / p.n);
  // Putting the matches in order: by their kept positions, or by reading each match's row. Positions
  // that would pay for their build within a few searches like this one are asked for (built when the
  // core is next idle).
  const rankCost = kept ? p.n * COST.rank : Infinity;
  if (p.ranks && !kept && p.n * (COST.sort - COST.rank) * RANK_USES >= p.total * COST.rankBuild) wantRanks(statements, p.sortIndex, p.sortKey);
  const sortCost = Math.min(p.n * COST.sort, rankCost);
  const sorted = () => (rankCost < p.n * COST.sort ? ranked() : found('sort', sortMatches(statements, p, matches)));
  const probeCost = p.n * COST.probeMatch + expected * COST.probeEntry;
  // Testing the matches along the whole index, to the page's last match (half of it, say).
  const wholeProbeCost = p.n * COST.probeMatch + (p.total / 2) * COST.probeEntry;
  const sortOrProbe = () => (sortCost <= wholeProbeCost ? sorted() : found('probe', probe(statements, p, matches, -1) as number[]));
  // Very many: a walk of a few times the entries an even spread needs, costing a fraction of the
  // other ways, most likely fills the page.
  const budget = Math.max(want, WALK_SLACK * expected);
  if (2 * budget * walkCost <= Math.min(sortCost, p.n * COST.probeMatch)) {
    const page = walk(statements, p, p.q, budget);
    return page ? found('walk', page) : sortOrProbe();
  }
  // Few matches: putting them in order costs less than taking them to test them along the index.
  if (sortCost <= probeCost) return sorted();
  // Between: where the matches are in this order decides (spread through it, the walk by rowid stops
  // early; clustered far down it, sorting them costs less). The first entries of the order tell: a
  // walk of the entries that hold SPREAD_SEEN matches if spread evenly.
  const look = Math.ceil((SPREAD_SEEN * p.total) / p.n);
  const seen = statements
    .get(`SELECT count(*) FROM (SELECT instr(c.search_text, @q) AS hit FROM clients c INDEXED BY ${p.sortIndex} ORDER BY ${p.order} LIMIT @look) WHERE hit > 0`)
    .pluck()
    .get({ look, q: p.q }) as number;
  if (2 * seen >= SPREAD_SEEN) {
    // Spread: along an index that carries the text, a walk to where the page fills costs less than
    // taking the matches to test them.
    if (budget * walkCost <= probeCost) {
      const page = walk(statements, p, p.q, budget);
      if (page) return found('walk', page);
    }
    return found('probe', probe(statements, p, matches, -1) as number[]);
  }
  // Not at the start: test them along the index as far as costs what putting them in order does, then do that.
  if (sortCost < wholeProbeCost) {
    const page = probe(statements, p, matches, Math.floor((sortCost - p.n * COST.probeMatch) / COST.probeEntry));
    if (page) return found('probe', page);
  }
  return sortOrProbe();
}

/** The sort index, walked testing each entry's search text: the page's rowids, or null when `budget` entries (-1: all) did not fill it. */
function walk(statements: StatementCache, p: PlanInput, q: string, budget: number): number[] | null {
  const want = p.offset + p.limit;
  const hits = statements
    .get(
      // (instr inside the subquery: on a text the subquery hands out, it costs a third more)
      `SELECT rid FROM (SELECT c.rowid AS rid, instr(c.search_text, @q) AS hit FROM clients c INDEXED BY ${p.sortIndex} ORDER BY ${p.order} LIMIT @budget)
       WHERE hit > 0 LIMIT @want`,
    )
    .pluck()
    .all({ budget, q, want }) as number[];
  return hits.length === want || budget < 0 || budget >= p.total ? hits.slice(p.offset) : null;
}

/**
 * The sort index, walked testing each entry's rowid against the matches (from the index alone), and
 * the search text only of those (the set may hold a few others): the page's rowids, or null when
 * `budget` entries (-1: all) did not fill it.
 */
function probe(statements: StatementCache, p: PlanInput, matches: string, budget: number): number[] | null {
  const want = p.offset + p.limit;
  const hits = statements
    .get(
      `SELECT rid FROM (SELECT c.rowid AS rid FROM clients c INDEXED BY ${p.sortIndex} ORDER BY ${p.order} LIMIT @budget)
       WHERE rid IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH @matches) AND instr((SELECT search_text FROM clients WHERE rowid = rid), @q) > 0
       LIMIT @want`,
    )
    .pluck()
    .all({ budget, matches, q: p.q, want }) as number[];
  return hits.length === want || budget < 0 || budget >= p.total ? hits.slice(p.offset) : null;
}

/**
 * The matches put in order by their kept positions: those the count kept (exact), or the rows
 * `matches` finds (a superset), tested in that order until the page is full.
 */
function rankedMatches(statements: StatementCache, p: PlanInput, ranks: SortRanks, matches: string): number[] {
  const exact = keptTrigramMatches(statements, p.q);
  if (exact) return firstInOrder(ranks, exact, p.desc, p.offset + p.limit, (batch) => new Set(batch)).slice(p.offset);
  const ids = JSON.parse(statements.get('SELECT json_group_array(rowid) FROM clients_fts WHERE clients_fts MATCH ?').pluck().get(matches) as string) as number[];
  const test = statements.get('SELECT json_group_array(rowid) FROM clients WHERE rowid IN (SELECT value FROM json_each(?)) AND instr(search_text, ?) > 0').pluck();
  const page = firstInOrder(ranks, ids, p.desc, p.offset + p.limit, (batch) => new Set(JSON.parse(test.get(JSON.stringify(batch), p.q) as string) as number[]));
  return page.slice(p.offset);
}

/** A single character: the table read in storage order, its matches sorted. */
function scan(statements: StatementCache, p: PlanInput): number[] {
  return statements
    .get(`SELECT c.rowid FROM clients c NOT INDEXED WHERE instr(c.search_text, @q) > 0 ORDER BY ${p.order} LIMIT @limit OFFSET @offset`)
    .pluck()
    .all({ q: p.q, limit: p.limit, offset: p.offset }) as number[];
}

/** The matches read by rowid (each tested again: the set may hold a few others), then sorted. */
function sortMatches(statements: StatementCache, p: PlanInput, matches: string): number[] {
  return statements
    .get(
      `SELECT c.rowid FROM clients_fts f CROSS JOIN clients c ON c.rowid = f.rowid
       WHERE clients_fts MATCH @matches AND instr(c.search_text, @q) > 0
       ORDER BY ${p.order} LIMIT @limit OFFSET @offset`,
    )
    .pluck()
    .all({ matches, q: p.q, limit: p.limit, offset: p.offset }) as number[];
}

/** The trigram index's query for the rows that hold every trigram of q at 0, 3, 6, … and the last (q of three characters or more). */
function coveringTrigrams(q: string): string {
  const chars = [...q];
  const starts: number[] = [];
  for (let i = 0; i + 3 <= chars.length; i += 3) starts.push(i);
  if ((chars.length - 3) % 3 !== 0) starts.push(chars.length - 3);
  return starts.map((i) => quote(chars.slice(i, i + 3).join(''))).join(' AND ');
}

const quote = (t: string) => '"' + t.replaceAll('"', '""') + '"';

/** The page's rows by rowid, in the walk's order. */
function rowsOf<R>(statements: StatementCache, p: PlanInput, page: number[]): R[] {
  if (page.length === 0) return [];
  const rows = statements
    .get(`SELECT c.rowid AS rid, ${p.columns} FROM clients c WHERE c.rowid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(page)) as (R & { rid: number })[];
  const byRowid = new Map(rows.map((r) => [r.rid, r]));
  return page.flatMap((rid) => {
    const r = byRowid.get(rid);
    if (!r) return [];
    const { rid: _rid, ...row } = r;
    return [row as R];
  });
}

/**
 * The trigram index's query that finds every search text holding the two characters xy: the
 * trigrams "xy?" and "?xy" for every character that follows y or precedes x somewhere
 * (search_grams lists every pair that occurs). A search text of three characters or more holds xy
 * only inside one of them. The set may hold texts that do not hold xy (the index folds case), so
 * each is tested again.
 */
function pairTrigrams(statements: StatementCache, q: string): string | null {
  const [x, y] = [...q] as [string, string];
  const pairs = statements
    .get("SELECT gram FROM search_grams WHERE n > 0 AND length(gram) = 2 AND (substr(gram, 1, 1) = @y OR substr(gram, 2, 1) = @x)")
    .pluck()
    .all({ x, y }) as string[];
  const terms = new Set<string>();
  for (const g of pairs) {
    const [a, b] = [...g] as [string, string];
    if (a === y) terms.add(q + b);
    if (b === x) terms.add(a + q);
  }
  if (terms.size === 0) return null;
  return [...terms].map(quote).join(' OR ');
}
