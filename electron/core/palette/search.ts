/**
 * The command palette's client search over the cache: the best ~20 clients for what was typed, by
 * - an exact id, a project's PID (exact or its beginning), an email (exact or its beginning) and a
 *   name's beginning, each read from a b-tree index (a handful of rows);
 * - every word of the query as a substring of the name, email, phone digits, external id or id,
 *   from the trigram index (a bounded number of candidates, ranked here by where each word falls);
 * - when those find too little: the clients sharing most of the query's trigrams (a typo).
 * Everything is bound as a parameter; the FTS5 query is built from quoted phrases only, so the
 * user's quotes, stars, NEAR( or AND are text to look for, never FTS syntax.
 */
import type { PaletteHit, PaletteMatch } from '../../../shared/contract/rpc/palette';
import type { StatementCache } from '../db/statements';
import { COLUMNS, normaliseSearch, pendingActionSql, searchIndexReady, toClientRow, type DbClientRow } from '../clients/queries';

/** Candidates read from the trigram index per search (ranked here; the rest are weaker by construction). */
const SUBSTRING_CANDIDATES = 300;
/** Trigram-overlap (typo) candidates, and the share of the query's trigrams a hit must have. */
const FUZZY_CANDIDATES = 60;
const FUZZY_MIN_SHARE = 0.5;
/** A trigram in this many clients or more is too common to find a typo by. */
const FUZZY_COMMON = 2000;
/** The most trigrams of a query the typo search asks for (a long query's first ones). */
const FUZZY_TRIGRAMS_MAX = 16;
/** Above every character a prefix can continue with: the upper bound of a prefix range. */
const TOP = '\u{10FFFF}';

interface Candidate {
  id: string;
  score: number;
  match: PaletteMatch;
  pid: string | null;
  /** Lower-cased name (or email), for ties: shorter first, then alphabetical. */
  sortKey: string;
}

/** The fields of search_text (queries.ts searchTextOf): name, email, phone digits, external id, id. */
const FIELDS: PaletteMatch[] = ['name', 'email', 'phone', 'externalId', 'id'];
/** Score of a word found at the start of a field / inside it, per field. */
const STARTS: Record<string, number> = { name: 560, email: 540, phone: 530, externalId: 520, id: 520 };
const INSIDE: Record<string, number> = { name: 480, email: 450, phone: 470, externalId: 440, id: 430 };

/** A word's best place in one client's search text, or null when it is not there. */
function placeOf(fields: string[], word: string): { score: number; match: PaletteMatch } | null {
  let best: { score: number; match: PaletteMatch } | null = null;
  fields.forEach((f, i) => {
    const at = f.indexOf(word);
    if (at < 0) return;
    const match = FIELDS[i] ?? 'text';
    // The start of the field, or of a word in it ("ромашка" in "ооо «ромашка»").
    const wordStart = at === 0 || /[\s«"'(.@_-]/.test(f[at - 1] ?? '');
    const score = at === 0 ? (STARTS[match] ?? 400) + 20 : wordStart ? (STARTS[match] ?? 400) : (INSIDE[match] ?? 400);
    if (!best || score > best.score) best = { score, match };
  });
  return best;
}

/** The FTS5 query for a phrase: quoted, inner quotes doubled (the only syntax it can carry). */
const phrase = (s: string) => '"' + s.replaceAll('"', '""') + '"';

/** The distinct trigrams of a string (code points, as the trigram tokenizer counts). */
export function trigramsOf(s: string): string[] {
  const cp = [...s];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= cp.length; i++) out.add(cp.slice(i, i + 3).join(''));
  return [...out];
}

export function paletteSearch(st: StatementCache, query: string, limit: number): PaletteHit[] {
  // FTS5 reads its query as a C string and SQLite text stops at a NUL: search without them.
  const raw = query.replaceAll('\u0000', '').trim();
  if (raw === '') return [];
  const q = normaliseSearch(raw);
  const words = [...new Set(q.split(/\s+/).filter(Boolean))];
  const found = new Map<string, Candidate>();
  const add = (c: Candidate) => {
    const had = found.get(c.id);
    if (!had || c.score > had.score) found.set(c.id, had && !c.pid && had.pid ? { ...c, pid: had.pid } : c);
  };
  const oneWord = words.length === 1;

  // An exact id.
  const byId = st.get('SELECT id, lower(coalesce(name, email)) AS k FROM clients WHERE id = ?').get(raw) as { id: string; k: string } | undefined;
  if (byId) add({ id: byId.id, score: 1000, match: 'id', pid: null, sortKey: byId.k });

  if (oneWord) {
    // A project's PID: exact, or its beginning (a PID is one word).
    for (const p of new Set([raw, q])) {
      const rows = st
        .get(
          `SELECT p.pid, p.client_id AS id, lower(coalesce(c.name, c.email)) AS k FROM projects p JOIN clients c ON c.id = p.client_id
           WHERE p.pid >= @lo AND p.pid < @hi ORDER BY p.pid LIMIT @limit`,
        )
        .all({ lo: p, hi: p + TOP, limit }) as { pid: string; id: string; k: string }[];
      for (const r of rows) add({ id: r.id, score: r.pid === p ? 950 : 600 + Math.min(p.length, 30), match: 'pid', pid: r.pid, sortKey: r.k });
    }
    // An email: exact, or its beginning.
    const emails = st
      .get('SELECT id, email, lower(coalesce(name, email)) AS k FROM clients WHERE email >= @lo AND email < @hi ORDER BY email LIMIT @limit')
      .all({ lo: q, hi: q + TOP, limit }) as { id: string; email: string; k: string }[];
    for (const r of emails) add({ id: r.id, score: r.email === q ? 950 : 700, match: 'email', pid: null, sortKey: r.k });
  }

  // An exact id, PID or email is the client meant: nothing weaker is looked for.
  if ([...found.values()].some((c) => c.score >= 950)) return rowsOf(st, found, limit);

  // A name's beginning: the name index folds ASCII case only, so Cyrillic is asked as typed, capitalised and in capitals.
  const lower = raw.toLowerCase();
  const variants = new Set([raw, lower, lower.charAt(0).toUpperCase() + lower.slice(1), raw.toUpperCase()]);
  for (const v of variants) {
    const rows = st
      .get('SELECT id, lower(name) AS k FROM clients WHERE name >= @lo COLLATE NOCASE AND name < @hi COLLATE NOCASE ORDER BY name COLLATE NOCASE LIMIT @limit')
      .all({ lo: v, hi: v + TOP, limit }) as { id: string; k: string }[];
    for (const r of rows) if (r.k.startsWith(lower)) add({ id: r.id, score: 800, match: 'name', pid: null, sortKey: r.k });
  }

  // Every word as a substring, from the trigram index (words under three characters are tested on each candidate).
  const long = words.filter((w) => [...w].length >= 3);
  let substring: { id: string; text: string }[] = [];
  if (long.length > 0 && searchIndexReady(st.db)) {
    substring = st
      .get(
        `SELECT c.id, c.search_text AS text FROM clients c WHERE c.rowid IN
           (SELECT rowid FROM clients_fts WHERE clients_fts MATCH @fts LIMIT @n)`,
      )
      .all({ fts: long.map(phrase).join(' AND '), n: SUBSTRING_CANDIDATES }) as { id: string; text: string }[];
  } else if (long.length > 0) {
    // The index is being built (first sync): a bounded scan. (Words under three characters alone
    // are matched by the beginnings above: inside a name they would match nearly everyone.)
    substring = st
      .get('SELECT id, search_text AS text FROM clients WHERE instr(search_text, @w) > 0 LIMIT @n')
      .all({ w: long[0], n: SUBSTRING_CANDIDATES }) as { id: string; text: string }[];
  }
  for (const r of substring) {
    const fields = r.text.split('\u0001');
    const places = words.map((w) => placeOf(fields, w));
    if (places.some((p) => p === null)) continue;
    const score = Math.min(...places.map((p) => p!.score));
    add({ id: r.id, score, match: places[0]!.match, pid: null, sortKey: fields[0] || (fields[1] ?? '') });
  }

  // Nothing found: a typo? The clients holding most of the query's distinctive trigrams.
  const grams = trigramsOf(q).slice(0, FUZZY_TRIGRAMS_MAX);
  if (found.size === 0 && grams.length >= 2 && searchIndexReady(st.db)) {
    // Trigrams in very many clients ("ооо", ".ru") say little and cost a ranking of them all: left out.
    const count = st.get('SELECT count(*) FROM (SELECT 1 FROM clients_fts WHERE clients_fts MATCH @g LIMIT @cap)').pluck();
    const rare = grams.filter((g) => (count.get({ g: phrase(g), cap: FUZZY_COMMON }) as number) < FUZZY_COMMON);
    const rows =
      rare.length === 0
        ? []
        : (st
            .get('SELECT c.id, c.search_text AS text FROM clients c WHERE c.rowid IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH @fts ORDER BY rank LIMIT @n)')
            .all({ fts: rare.map(phrase).join(' OR '), n: FUZZY_CANDIDATES }) as { id: string; text: string }[]);
    for (const r of rows) {
      const share = grams.filter((g) => r.text.includes(g)).length / grams.length;
      if (share < FUZZY_MIN_SHARE) continue;
      const fields = r.text.split('\u0001');
      add({ id: r.id, score: 100 + Math.round(share * 100), match: 'fuzzy', pid: null, sortKey: fields[0] || (fields[1] ?? '') });
    }
  }

  return rowsOf(st, found, limit);
}

/** The best `limit` candidates as hits, best first. */
function rowsOf(st: StatementCache, found: Map<string, Candidate>, limit: number): PaletteHit[] {
  const top = [...found.values()]
    .sort((a, b) => b.score - a.score || a.sortKey.length - b.sortKey.length || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
  if (top.length === 0) return [];
  const rows = st
    .get(`SELECT ${COLUMNS}, ${pendingActionSql()} AS pending_action FROM clients c WHERE c.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(top.map((c) => c.id))) as DbClientRow[];
  const byKey = new Map(rows.map((r) => [r.id, r]));
  return top.flatMap((c) => {
    const r = byKey.get(c.id);
    return r ? [{ client: toClientRow(r), match: c.match, pid: c.pid }] : [];
  });
}
