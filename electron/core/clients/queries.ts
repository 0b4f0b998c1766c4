/**
 * The client list from the cache: prepared, parameterised SQL. Column names in ORDER BY come
 * from a fixed map (never from input). Search is a substring match over `search_text`
 * (lower-cased name, email, phone digits, external id and id; see searchTextOf).
 */
import type Database from 'better-sqlite3';
import type { ClientRow, SortColumn, ClientFilter } from '../../../shared/contract/rpc/clients';
import type { Client, Project } from '../../../shared/contract/platform';
import type { StatementCache } from '../db/statements';
import { homeFilterSql } from '../home/filters';
import { cachedCount, shortSearchCount } from './short-search';
import { plannedSearchPage, type PlanInput } from './search-plan';
import { countTrigramMatches } from './trigram-matches';

/** What the search matches: built once per client at sync, lower-cased (JS lower-cases Cyrillic; SQLite does not). */
export function searchTextOf(c: Pick<Client, 'id' | 'name' | 'email' | 'phone' | 'external_id'>): string {
  const phone = c.phone ? c.phone.replace(/\D+/g, '') : '';
  return [c.name ?? '', c.email, phone, c.external_id ?? '', c.id].join('\u0001').toLowerCase();
}

/** The search input as it is matched: lower-cased; a phone-like query keeps only its digits. */
export function normaliseSearch(q: string): string {
  const t = q.trim().toLowerCase();
  if (/^[+\d\s()-]+$/.test(t) && /\d/.test(t)) return t.replace(/\D+/g, '');
  return t;
}

/**
 * The pending outbox action of a client, as an SQL expression over `c` (the clients row).
 * Engineer 6 (actions, migration 002) replaces this with a subquery on the outbox.
 */
export function pendingActionSql(): string {
  // The newest open outbox row of the client (migration 002; index outbox_client_open).
  return `(SELECT o.action FROM outbox o WHERE o.client_id = c.id AND o.state IN ('pending','sending') ORDER BY o.seq DESC LIMIT 1)`;
}

const SORT_SQL: Record<SortColumn, string> = {
  name: 'c.name COLLATE NOCASE',
  email: 'c.email',
  phone: 'c.phone',
  externalId: 'c.external_id',
  status: 'c.status',
  paymentModel: 'c.payment_model',
  payment: 'c.payment_minor',
  bonus: 'c.bonus_minor',
  projectsCount: 'c.projects_count',
  invitedAt: 'c.invited_at',
  registeredAt: 'c.registered_at',
};

export interface DbClientRow {
  id: string;
  email: string;
  name: string | null;
  phone: string | null;
  external_id: string | null;
  status: ClientRow['status'];
  payment_model: ClientRow['paymentModel'];
  invited_at: string;
  registered_at: string | null;
  updated_at: string;
  payment_minor: number;
  bonus_minor: number;
  currency: ClientRow['currency'];
  balance_as_of: string;
  projects_count: number;
  pending_action: ClientRow['pendingAction'];
}

export function toClientRow(r: DbClientRow): ClientRow {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    phone: r.phone,
    externalId: r.external_id,
    status: r.status,
    paymentModel: r.payment_model,
    invitedAt: r.invited_at,
    registeredAt: r.registered_at,
    updatedAt: r.updated_at,
    payment: r.payment_minor,
    bonus: r.bonus_minor,
    currency: r.currency,
    balanceAsOf: r.balance_as_of,
    projectsCount: r.projects_count,
    pendingAction: r.pending_action,
  };
}

export const COLUMNS = `c.id, c.email, c.name, c.phone, c.external_id, c.status, c.payment_model, c.invited_at,
  c.registered_at, c.updated_at, c.payment_minor, c.bonus_minor, c.currency, c.balance_as_of, c.projects_count`;

interface Where {
  sql: string;
  params: Record<string, string | number>;
}

/** Databases whose search index is being rebuilt (the first sync's bulk fill): search scans instead. */
const searchIndexOff = new WeakSet<Database.Database>();
/** Whether the trigram index holds every client (false during the first sync's fill: scan instead). */
export function searchIndexReady(db: Database.Database): boolean {
  return !searchIndexOff.has(db);
}
export function setSearchIndexReady(db: Database.Database, ready: boolean): void {
  if (ready) searchIndexOff.delete(db);
  else searchIndexOff.add(db);
}

/**
 * The FTS5 query for a search: the whole string as one phrase of trigrams, which the trigram
 * index answers as an exact substring match; null under 3 characters or with a NUL (those scan).
 */
export function trigramQuery(q: string): string | null {
  // FTS5 reads its query as a C string: a NUL would end it mid-phrase ("unterminated string").
  if ([...q].length < 3 || q.includes('\u0000')) return null;
  return '"' + q.replaceAll('"', '""') + '"';
}

/**
 * The WHERE clause of a filter, with named parameters only. `viaIndex`: find the search's
 * candidates with the trigram index; otherwise test each row (used while walking a sort index).
 */
export function whereOf(f: ClientFilter, viaIndex = true, db?: Database.Database): Where {
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  const q = normaliseSearch(f.search);
  const fts = trigramQuery(q);
  if (fts !== null && viaIndex && !(db && searchIndexOff.has(db))) {
    parts.push('c.rowid IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH @fts)');
    params.fts = fts;
  } else if (q !== '') {
    parts.push('instr(c.search_text, @q) > 0');
    params.q = q;
  }
  if (f.statuses.length > 0 && f.statuses.length < 3) {
    parts.push(`c.status IN (${f.statuses.map((_, i) => `@s${i}`).join(', ')})`);
    f.statuses.forEach((s, i) => (params[`s${i}`] = s));
  }
  if (f.paymentModels.length === 1) {
    parts.push('c.payment_model = @pm');
    params.pm = f.paymentModels[0] as string;
  }
  if (f.negativeOnly) parts.push('c.payment_minor < 0');
  homeFilterSql(f, parts, params);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * A search with more matches than this walks the sort column's index in order, testing each
 * entry's rowid against the matches (the index holds the rowid: no table read until an entry
 * matches), and stops after the page. Fewer matches are read and sorted.
 */
const MANY = 500;
/** The index (migration 001) that holds each sort column in list order, with the id tie-break. */
const SORT_INDEX: Record<SortColumn, string> = {
  name: 'clients_name',
  email: 'clients_email',
  phone: 'clients_phone',
  externalId: 'clients_external_id',
  status: 'clients_status',
  paymentModel: 'clients_payment_model',
  payment: 'clients_payment',
  bonus: 'clients_bonus',
  projectsCount: 'clients_projects_count',
  invitedAt: 'clients_invited_at',
  registeredAt: 'clients_registered_at',
};
/** The sort indexes that also carry search_text (migration 009): a walk along them reads no table row. */
const TEXT_SORT_INDEXES = new Set(['clients_name', 'clients_email']);

export interface ListInput extends ClientFilter {
  sort: { column: SortColumn; dir: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/** A page of the list and the number of clients the filter matches. */
export function listClients(statements: StatementCache, input: ListInput): { rows: ClientRow[]; total: number } {
  return { rows: listRows(statements, input), total: countClients(statements, input) };
}

/**
 * How many clients the filter matches: a search alone of three characters or more counts the
 * trigram index's matches (and keeps them when few: trigram-matches.ts), one of one or two
 * characters reads search_grams; kept until the data changes (cachedCount).
 */
export function countClients(statements: StatementCache, f: ClientFilter): number {
  return cachedCount(statements, f, () => {
    const w = whereOf(f, true, statements.db);
    if (Object.keys(w.params).length === 1 && 'fts' in w.params) return countTrigramMatches(statements, normaliseSearch(f.search), String(w.params.fts));
    if (Object.keys(w.params).length === 1 && 'q' in w.params) {
      const n = shortSearchCount(statements, String(w.params.q));
      if (n !== null) return n;
    }
    return statements.get(`SELECT count(*) FROM clients c ${w.sql}`).pluck().get(w.params) as number;
  });
}

/**
 * A page of the list, without counting: what the screen paints first. A search alone is planned by
 * its number of matches (search-plan.ts). With other filters, a search with few matches takes them
 * from the trigram index and sorts them; one with many walks the sort index testing each entry
 * against the matches; a search under three characters scans the table and sorts.
 */
export function listRows(statements: StatementCache, input: ListInput): ClientRow[] {
  const plan = searchPlanInput(statements, input);
  const planned = plan && plannedSearchPage<DbClientRow>(statements, plan);
  if (planned) return planned.rows.map(toClientRow);
  const db = statements.db;
  const w = whereOf(input, true, db);
  const dir = input.sort.dir === 'desc' ? 'DESC' : 'ASC';
  const order = `${SORT_SQL[input.sort.column]} ${dir}, c.id ${dir}`;
  const sortIndex = SORT_INDEX[input.sort.column];
  const many =
    'fts' in w.params &&
    (statements.get('SELECT count(*) FROM (SELECT 1 FROM clients_fts WHERE clients_fts MATCH @fts LIMIT @many)').pluck().get({ fts: w.params.fts, many: MANY }) as number) >= MANY;
  const walk = many && !searchIndexOff.has(db) && indexExists(statements, sortIndex);
  // A search under three characters reads the table in storage order and sorts its matches: a walk
  // in sort order reads a row per entry and, when the matches cluster far down the order (Cyrillic
  // letters under a name sort, say), reads most of the table at random before the page fills.
  const from = walk ? `clients c INDEXED BY ${sortIndex}` : 'q' in w.params ? 'clients c NOT INDEXED' : 'clients c';
  const rows = statements.get(
    `SELECT ${COLUMNS}, ${pendingActionSql()} AS pending_action FROM ${from} ${w.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
  ).all({ ...w.params, limit: input.limit, offset: input.offset }) as DbClientRow[];
  return rows.map(toClientRow);
}

/** What the planner needs for a page of a search alone (no other filter), or null for any other list. */
export function searchPlanInput(statements: StatementCache, input: ListInput): PlanInput | null {
  const db = statements.db;
  const w = whereOf(input, true, db);
  const keys = Object.keys(w.params);
  const sortIndex = SORT_INDEX[input.sort.column];
  if (keys.length !== 1 || (keys[0] !== 'q' && keys[0] !== 'fts') || searchIndexOff.has(db) || !indexExists(statements, sortIndex)) return null;
  const dir = input.sort.dir === 'desc' ? 'DESC' : 'ASC';
  const none = { search: '', statuses: [], paymentModels: [], negativeOnly: false };
  return {
    q: normaliseSearch(input.search),
    fts: 'fts' in w.params ? String(w.params.fts) : null,
    // Both counts are kept until the data changes (the list asks the search's count next anyway).
    n: countClients(statements, { ...none, search: input.search }),
    total: countClients(statements, none),
    offset: input.offset,
    limit: input.limit,
    order: `${SORT_SQL[input.sort.column]} ${dir}, c.id ${dir}`,
    sortKey: SORT_SQL[input.sort.column],
    desc: dir === 'DESC',
    sortIndex,
    textInIndex: TEXT_SORT_INDEXES.has(sortIndex),
    ranks: true,
    columns: `${COLUMNS}, ${pendingActionSql()} AS pending_action`,
  };
}

/** Every row the filter matches, in the list's sort order, read one at a time (the list's export). */
export function* iterateRows(statements: StatementCache, input: ClientFilter & { sort: ListInput['sort'] }): Generator<ClientRow> {
  const w = whereOf(input, true, statements.db);
  const dir = input.sort.dir === 'desc' ? 'DESC' : 'ASC';
  const sql = `SELECT ${COLUMNS}, NULL AS pending_action FROM clients c ${w.sql} ORDER BY ${SORT_SQL[input.sort.column]} ${dir}, c.id ${dir}`;
  // A statement of its own (not the cache's): another read may use the cached one while this one iterates.
  for (const r of statements.db.prepare(sql).iterate(w.params) as IterableIterator<DbClientRow>) yield toClientRow(r);
}

/** The list indexes are dropped during the first sync's bulk fill (INDEXED BY would then fail). */
function indexExists(statements: StatementCache, name: string): boolean {
  return statements.get("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) !== undefined;
}

export function clientIds(statements: StatementCache, f: ClientFilter): string[] {
  const w = whereOf(f, true, statements.db);
  return (statements.get(`SELECT c.id FROM clients c ${w.sql} ORDER BY c.id`).pluck().all(w.params) as string[]);
}

export function getClient(statements: StatementCache, id: string): { client: ClientRow; projects: Project[] } | null {
  const r = statements.get(`SELECT ${COLUMNS}, ${pendingActionSql()} AS pending_action FROM clients c WHERE c.id = ?`).get(id) as
    | DbClientRow
    | undefined;
  if (!r) return null;
  const projects = statements.get(
    'SELECT pid, name, status, created_at FROM projects WHERE client_id = ? ORDER BY created_at, pid',
  ).all(id) as Project[];
  return { client: toClientRow(r), projects };
}
