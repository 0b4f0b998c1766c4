/**
 * The sync feeds' pages (clients, projects, ledger) checked at the speed of parsing: plain
 * predicates that accept exactly what the zod schemas in shared/contract/platform accept, so a
 * page of a thousand rows costs a few type tests per field instead of zod's machinery. A page the
 * predicate refuses goes through zod itself, which gives the precise message (and, should the two
 * ever disagree, zod's verdict stands). tests/unit/core/feed-pages.test.ts holds them equal.
 */
import type { z } from 'zod';
import * as P from '../../../shared/contract/platform';

const { LIMITS } = P;
/** The contract's own patterns (zod keeps a string format's pattern on the schema). */
const ISO_UTC: RegExp = P.IsoUtc._zod.pattern;
const ID_RE = /^[A-Za-z0-9_-]+$/;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
/** Exactly these keys (a strict object): JSON gives own keys only, so a count and a presence test suffice. */
function keysAre(o: Obj, keys: readonly string[]): boolean {
  let n = 0;
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) return false;
    n++;
  }
  if (n !== keys.length) return false;
  for (const k of keys) if (!Object.prototype.hasOwnProperty.call(o, k)) return false;
  return true;
}
const str = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;
const strOrNull = (x: unknown, max: number) => x === null || str(x, max);
const id = (x: unknown) => typeof x === 'string' && x.length >= 1 && x.length <= LIMITS.id && ID_RE.test(x);
const pid = (x: unknown) => typeof x === 'string' && x.length >= 1 && x.length <= LIMITS.id;
const iso = (x: unknown) => typeof x === 'string' && ISO_UTC.test(x);
const int = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);
const currency = (x: unknown) => x === 'RUB' || x === 'KZT';
const SERVICES: ReadonlySet<unknown> = new Set(P.SERVICE_CODES);

const MONEY_KEYS = ['amount_minor', 'currency'] as const;
const money = (x: unknown) => isObj(x) && keysAre(x, MONEY_KEYS) && int(x.amount_minor) && currency(x.currency);
const BALANCE_KEYS = ['payment', 'bonus', 'as_of'] as const;
const CLIENT_KEYS = [
  'id', 'email', 'name', 'phone', 'external_id', 'status', 'payment_model', 'invited_at', 'registered_at', 'updated_at', 'balance', 'projects_count',
] as const;
const TOMBSTONE_KEYS = ['id', 'deleted'] as const;

function client(c: Obj): boolean {
  const b = c.balance;
  return (
    keysAre(c, CLIENT_KEYS) &&
    id(c.id) &&
    str(c.email, LIMITS.email) &&
    strOrNull(c.name, LIMITS.name) &&
    strOrNull(c.phone, LIMITS.phone) &&
    strOrNull(c.external_id, LIMITS.externalId) &&
    (c.status === 'invited' || c.status === 'active' || c.status === 'blocked') &&
    (c.payment_model === 'prepaid' || c.payment_model === 'postpaid') &&
    iso(c.invited_at) &&
    (c.registered_at === null || iso(c.registered_at)) &&
    iso(c.updated_at) &&
    isObj(b) &&
    keysAre(b, BALANCE_KEYS) &&
    money(b.payment) &&
    money(b.bonus) &&
    iso(b.as_of) &&
    int(c.projects_count) &&
    c.projects_count >= 0
  );
}
function clientChange(x: unknown): boolean {
  if (!isObj(x)) return false;
  if ('deleted' in x) return (keysAre(x, TOMBSTONE_KEYS) && id(x.id) && x.deleted === true) || client(x);
  return client(x);
}

const PROJECT_KEYS = ['pid', 'name', 'status', 'created_at'] as const;
const project = (p: unknown) =>
  isObj(p) && keysAre(p, PROJECT_KEYS) && pid(p.pid) && str(p.name, LIMITS.name) && (p.status === 'active' || p.status === 'frozen') && iso(p.created_at);
const CLIENT_PROJECTS_KEYS = ['client_id', 'projects'] as const;
function clientProjects(x: unknown): boolean {
  if (!isObj(x) || !keysAre(x, CLIENT_PROJECTS_KEYS) || !id(x.client_id) || !Array.isArray(x.projects)) return false;
  if (x.projects.length > LIMITS.projectsMax) return false;
  for (const p of x.projects) if (!project(p)) return false;
  return true;
}

const TX_KEYS = ['id', 'client_id', 'project_pid', 'at', 'kind', 'amount_minor', 'currency', 'service', 'description'] as const;
const transaction = (t: unknown) =>
  isObj(t) &&
  keysAre(t, TX_KEYS) &&
  id(t.id) &&
  id(t.client_id) &&
  (t.project_pid === null || pid(t.project_pid)) &&
  iso(t.at) &&
  (t.kind === 'debit' || t.kind === 'credit') &&
  int(t.amount_minor) &&
  t.amount_minor > 0 &&
  currency(t.currency) &&
  (t.service === null || SERVICES.has(t.service)) &&
  str(t.description, 500);

const PAGE_KEYS = ['items', 'next_cursor'] as const;
function pageOf(item: (x: unknown) => boolean) {
  return (x: unknown): boolean => {
    if (!isObj(x) || !keysAre(x, PAGE_KEYS) || !Array.isArray(x.items) || !strOrNull(x.next_cursor, LIMITS.cursor)) return false;
    if (x.items.length > LIMITS.pageMax) return false;
    for (const it of x.items) if (!item(it)) return false;
    return true;
  };
}

/** What PartnerApi.request needs of a schema: zod's safeParse. */
export interface Parser<T> {
  safeParse(x: unknown): z.ZodSafeParseResult<T>;
}

/** The predicate first; zod only for what it refuses (the message, and the last word). */
function fast<S extends z.ZodType>(schema: S, ok: (x: unknown) => boolean): Parser<z.output<S>> {
  return {
    safeParse: (x) => (ok(x) ? { success: true, data: x as z.output<S> } : schema.safeParse(x)),
  };
}

export const isClientChangesPage = pageOf(clientChange);
export const isProjectChangesPage = pageOf(clientProjects);
export const isTransactionsPage = pageOf(transaction);

export const ClientChangesPage = fast(P.ClientChangesPage, isClientChangesPage);
export const ProjectChangesPage = fast(P.ProjectChangesPage, isProjectChangesPage);
export const TransactionsPage = fast(P.TransactionsPage, isTransactionsPage);
