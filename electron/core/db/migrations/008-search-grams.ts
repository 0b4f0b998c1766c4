/**
 * 008: how many clients' search text holds each string of one or two characters. The trigram
 * index cannot answer searches that short, so without this table counting them read every row;
 * now a count of a short search alone is one lookup. Kept in step by triggers on inserts, deletes
 * and search-text changes (a change of balance or status costs nothing here). The first sync's
 * bulk fill drops the triggers and rebuilds the table afterwards (sync/indexes.ts); while
 * meta `search.grams` is set the table is not to be trusted and counts read the rows instead.
 * Characters are SQLite's (code points), as instr() matches them.
 */
export const SEQ_MAX = 1024;

const grams = (row: 'new' | 'old') => `
    SELECT substr(${row}.search_text, i, 1) AS g FROM search_seq WHERE i <= length(${row}.search_text)
    UNION SELECT substr(${row}.search_text, i, 2) FROM search_seq WHERE i < length(${row}.search_text)`;
const add = (row: 'new' | 'old') =>
  `INSERT INTO search_grams (gram, n) SELECT g, 1 FROM (${grams(row)}) WHERE true ON CONFLICT (gram) DO UPDATE SET n = n + 1;`;
const remove = (row: 'new' | 'old') => `UPDATE search_grams SET n = n - 1 WHERE gram IN (${grams(row)});`;
const long = (row: 'new' | 'old') =>
  `INSERT INTO meta (key, value) SELECT 'search.grams', 'owed' WHERE length(${row}.search_text) > ${SEQ_MAX} ON CONFLICT (key) DO UPDATE SET value = 'owed';`;

/** The triggers, apart: the bulk fill drops them and puts them back (sync/indexes.ts). */
export const SEARCH_GRAM_TRIGGERS = [
  { name: 'search_grams_ai', sql: `CREATE TRIGGER IF NOT EXISTS search_grams_ai AFTER INSERT ON clients BEGIN\n  ${add('new')}\n  ${long('new')}\nEND;` },
  { name: 'search_grams_ad', sql: `CREATE TRIGGER IF NOT EXISTS search_grams_ad AFTER DELETE ON clients BEGIN\n  ${remove('old')}\nEND;` },
  {
    name: 'search_grams_au',
    sql: `CREATE TRIGGER IF NOT EXISTS search_grams_au AFTER UPDATE OF search_text ON clients WHEN old.search_text IS NOT new.search_text BEGIN\n  ${remove('old')}\n  ${add('new')}\n  ${long('new')}\nEND;`,
  },
];

/** Fills search_seq with 1..SEQ_MAX (the positions the triggers read); run again, it adds nothing. */
export const FILL_SEQ = `INSERT OR IGNORE INTO search_seq (i) WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${SEQ_MAX}) SELECT i FROM s;`;

export const up = `
CREATE TABLE search_seq (i INTEGER PRIMARY KEY) STRICT;
${FILL_SEQ}
CREATE TABLE search_grams (gram TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT, WITHOUT ROWID;
${SEARCH_GRAM_TRIGGERS.map((t) => t.sql).join('\n')}
-- A cache that already holds clients gets its counts built when it is next opened (sync/indexes.ts).
INSERT INTO meta (key, value) SELECT 'search.grams', 'owed' WHERE EXISTS (SELECT 1 FROM clients);
`;
