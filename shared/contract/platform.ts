/**
 * The partner platform's wire contract (../shared/PLATFORM-API.md), as zod schemas.
 * The demo platform validates what it receives and what it sends with these; the app's
 * API client parses every response with them. `npm run openapi` turns them into openapi.json.
 *
 * Field names are snake_case, as on the wire. Money is integer minor units; time is ISO 8601 UTC.
 */
import { z } from 'zod';
import { isValidInn } from '../domain/validation';

export const API_BASE = '/partner/api/v1';

/** Limits, stated once; the platform refuses longer input with 422. */
export const LIMITS = {
  email: 254,
  name: 200,
  phone: 32,
  externalId: 64,
  search: 200,
  company: 200,
  message: 4000,
  id: 64,
  cursor: 200,
  pageMax: 1000,
  pageDefault: 200,
  bulkMax: 500,
  idempotencyKey: 128,
  /** Projects of one client in one answer. */
  projectsMax: 1000,
  /** Rows of one expenses answer (bucket x key), and its distinct keys. */
  expenseBucketsMax: 100_000,
  expenseKeysMax: 10_000,
  /** Clients in one monthly consumption report. */
  reportMax: 200_000,
} as const;

export const IsoUtc = z.iso.datetime({ offset: false }).describe('ISO 8601 time in UTC with Z');
export const LocalDate = z.iso.date().describe('A calendar date (YYYY-MM-DD) in the platform region time');
export const Id = z.string().min(1).max(LIMITS.id).regex(/^[A-Za-z0-9_-]+$/);
export const Currency = z.enum(['RUB', 'KZT']);
export type Currency = z.infer<typeof Currency>;

export const Money = z.strictObject({ amount_minor: z.number().int(), currency: Currency });
export type Money = z.infer<typeof Money>;

export const ClientStatus = z.enum(['invited', 'active', 'blocked']);
export type ClientStatus = z.infer<typeof ClientStatus>;
export const PaymentModel = z.enum(['prepaid', 'postpaid']);
export type PaymentModel = z.infer<typeof PaymentModel>;
export const ServiceCode = z.enum([
  'compute',
  'block_storage',
  'object_storage',
  'kubernetes',
  'dbaas',
  'network',
  'licenses',
]);
export type ServiceCode = z.infer<typeof ServiceCode>;
export const SERVICE_CODES = ServiceCode.options;
export const TxKind = z.enum(['debit', 'credit']);
export type TxKind = z.infer<typeof TxKind>;

// ---------- platform and partner ----------
export const Region = z.enum(['moscow', 'kazakhstan']);
export type Region = z.infer<typeof Region>;
/** An IANA zone name (Europe/Moscow) or a fixed offset (+06:00). */
export const TimeZone = z.string().regex(/^([A-Za-z_]+\/[A-Za-z_]+|[+-]\d{2}:\d{2})$/);
export const ResourcePolicy = z.strictObject({
  resources: z.enum(['keep_running', 'kept', 'deleted_after_days']),
  /** Set when resources is deleted_after_days. */
  days: z.number().int().positive().nullable(),
  /** Whether the client can still sign in to the console. */
  can_log_in: z.boolean(),
});
export type ResourcePolicy = z.infer<typeof ResourcePolicy>;
export const PlatformInfo = z.strictObject({
  region: Region,
  time_zone: TimeZone,
  currency: Currency,
  policies: z.strictObject({ block: ResourcePolicy, delete: ResourcePolicy }),
});
export type PlatformInfo = z.infer<typeof PlatformInfo>;

export const Partner = z.strictObject({
  id: Id,
  name: z.string().max(LIMITS.name),
  model: z.enum(['partner', 'agent']),
});
export type Partner = z.infer<typeof Partner>;

// ---------- clients ----------
export const Balance = z.strictObject({ payment: Money, bonus: Money, as_of: IsoUtc });
export const Client = z.strictObject({
  id: Id,
  email: z.string().max(LIMITS.email),
  name: z.string().max(LIMITS.name).nullable(),
  phone: z.string().max(LIMITS.phone).nullable(),
  external_id: z.string().max(LIMITS.externalId).nullable(),
  status: ClientStatus,
  payment_model: PaymentModel,
  invited_at: IsoUtc,
  registered_at: IsoUtc.nullable(),
  updated_at: IsoUtc,
  balance: Balance,
  projects_count: z.number().int().nonnegative(),
});
export type Client = z.infer<typeof Client>;
export const ClientTombstone = z.strictObject({ id: Id, deleted: z.literal(true) });
export type ClientTombstone = z.infer<typeof ClientTombstone>;
export const ClientChange = z.union([Client, ClientTombstone]);
export type ClientChange = z.infer<typeof ClientChange>;

export function page<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item).max(LIMITS.pageMax), next_cursor: z.string().max(LIMITS.cursor).nullable() });
}
export const ClientsPage = page(Client);
export const ClientChangesPage = page(ClientChange);

export const Limit = z.coerce.number().int().min(1).max(LIMITS.pageMax).default(LIMITS.pageDefault);
export const Cursor = z.string().min(1).max(LIMITS.cursor);

export const ClientsQuery = z.strictObject({
  search: z.string().max(LIMITS.search).optional(),
  status: ClientStatus.optional(),
  limit: Limit,
  cursor: Cursor.optional(),
});
export const ChangesQuery = z.strictObject({
  limit: Limit,
  cursor: Cursor.optional(),
  /** Extension for the ledger feed: with no cursor, start at this time instead of the beginning. */
  since: IsoUtc.optional(),
});

/** Email: one @, a dot in the domain, no spaces. Kept simple on purpose; the platform decides. */
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Phone: + and 10 to 15 digits, spaces, dashes and brackets allowed between. */
export const PHONE_RE = /^\+[0-9][0-9 ()-]{8,20}[0-9]$/;

export const InviteBody = z.strictObject({
  email: z.string().trim().max(LIMITS.email).regex(EMAIL_RE),
  name: z.string().trim().min(1).max(LIMITS.name).optional(),
  phone: z.string().trim().max(LIMITS.phone).regex(PHONE_RE).optional(),
  external_id: z.string().trim().min(1).max(LIMITS.externalId).optional(),
});
export type InviteBody = z.infer<typeof InviteBody>;

export const BulkAction = z.enum(['block', 'unblock', 'delete']);
export type BulkAction = z.infer<typeof BulkAction>;
export const BulkBody = z.strictObject({
  action: BulkAction,
  ids: z.array(Id).min(1).max(LIMITS.bulkMax),
});
export const BulkResult = z.strictObject({
  results: z.array(
    z.strictObject({ id: Id, ok: z.boolean(), error: z.string().max(100).optional() }),
  ).max(LIMITS.bulkMax),
});
export type BulkResult = z.infer<typeof BulkResult>;
export const Deleted = z.strictObject({ id: Id, deleted_at: IsoUtc });

// ---------- projects and ledger ----------
export const Pid = z.string().min(1).max(LIMITS.id);
export const Project = z.strictObject({
  pid: Pid,
  name: z.string().max(LIMITS.name),
  status: z.enum(['active', 'frozen']),
  created_at: IsoUtc,
});
export type Project = z.infer<typeof Project>;
export const ProjectsList = z.array(Project).max(LIMITS.projectsMax);
/** One changed client's whole project list (the projects feed, an extension of PLATFORM-API.md). */
export const ClientProjects = z.strictObject({ client_id: Id, projects: ProjectsList });
export type ClientProjects = z.infer<typeof ClientProjects>;
export const ProjectChangesPage = page(ClientProjects);

export const Transaction = z.strictObject({
  id: Id,
  client_id: Id,
  project_pid: Pid.nullable(),
  at: IsoUtc,
  kind: TxKind,
  /** Always positive; kind says the direction. */
  amount_minor: z.number().int().positive(),
  currency: Currency,
  /** The service charged (debits); null for credits (top-ups, bonuses). */
  service: ServiceCode.nullable(),
  description: z.string().max(500),
});
export type Transaction = z.infer<typeof Transaction>;
export const TransactionsPage = page(Transaction);
export const TransactionsQuery = z.strictObject({
  from: IsoUtc.optional(),
  to: IsoUtc.optional(),
  kind: TxKind.optional(),
  project: Pid.optional(),
  limit: Limit,
  cursor: Cursor.optional(),
});

export const Granularity = z.enum(['day', 'week', 'month', 'year']);
export type Granularity = z.infer<typeof Granularity>;
export const ExpensesQuery = z.strictObject({
  /** Region-local dates, both inclusive. */
  from: LocalDate,
  to: LocalDate,
  granularity: Granularity.default('day'),
  group_by: z.enum(['service', 'project']).default('service'),
});
export const Expenses = z.strictObject({
  from: LocalDate,
  to: LocalDate,
  granularity: Granularity,
  group_by: z.enum(['service', 'project']),
  time_zone: TimeZone,
  currency: Currency,
  /** One row per (bucket, key) with a non-zero sum; bucket = region-local start date of the bucket (weeks start on Monday). */
  buckets: z
    .array(z.strictObject({ bucket: LocalDate, key: z.string().max(LIMITS.id), amount_minor: z.number().int() }))
    .max(LIMITS.expenseBucketsMax),
  totals: z.array(z.strictObject({ key: z.string().max(LIMITS.id), amount_minor: z.number().int() })).max(LIMITS.expenseKeysMax),
  total_minor: z.number().int(),
});
export type Expenses = z.infer<typeof Expenses>;

// ---------- invitations, reports, applications ----------
export const Invitation = z.strictObject({
  id: Id,
  client_id: Id,
  email: z.string().max(LIMITS.email),
  status: z.enum(['pending', 'expired']),
  sent_at: IsoUtc,
  expires_at: IsoUtc,
  resent_count: z.number().int().nonnegative(),
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationsPage = page(Invitation);

export const ConsumptionReport = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  currency: Currency,
  items: z
    .array(
      z.strictObject({
        client_id: Id,
        name: z.string().max(LIMITS.name).nullable(),
        email: z.string().max(LIMITS.email),
        total_minor: z.number().int(),
        by_service: z.array(z.strictObject({ service: ServiceCode, amount_minor: z.number().int() })).max(SERVICE_CODES.length),
      }),
    )
    .max(LIMITS.reportMax),
});
export type ConsumptionReport = z.infer<typeof ConsumptionReport>;

export const PartnerApplicationBody = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.name),
  email: z.string().trim().max(LIMITS.email).regex(EMAIL_RE),
  phone: z.string().trim().max(LIMITS.phone).regex(PHONE_RE),
  company: z.string().trim().min(1).max(LIMITS.company),
  message: z.string().max(LIMITS.message).default(''),
});
export type PartnerApplicationBody = z.infer<typeof PartnerApplicationBody>;
export const PartnerApplicationReceipt = z.strictObject({ id: Id, received_at: IsoUtc });

// ---------- errors ----------
export const ErrorCode = z.enum([
  'unauthorized',
  'not_found',
  'validation_failed',
  'client_exists',
  'rate_limited',
  'invalid_cursor',
  'idempotency_conflict',
  'invalid_state',
  'payload_too_large',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;
export const ErrorEnvelope = z.strictObject({
  error: z.strictObject({
    code: z.string().max(64),
    message: z.string().max(1000),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

// ---------- demo controls (demo platform only, with --allow-demo-controls) ----------
export const DemoFaults = z.strictObject({
  latency_ms: z.number().int().min(0).max(60_000).default(0),
  error_rate: z.number().min(0).max(1).default(0),
  rate_limit_rate: z.number().min(0).max(1).default(0),
  retry_after_s: z.number().int().min(0).max(3600).default(1),
  reset_rate: z.number().min(0).max(1).default(0),
  malformed_rate: z.number().min(0).max(1).default(0),
});
export type DemoFaults = z.infer<typeof DemoFaults>;
export const DemoTick = z.strictObject({
  /** How many simulated days pass. */
  days: z.number().int().min(1).max(366).default(1),
  /** Accept this share of pending invitations. */
  accept_rate: z.number().min(0).max(1).default(0.3),
});

// ---------- deals (issue 7) ----------
/** Where a registered deal stands on the platform's side. */
export const DealStatus = z.enum(['registered', 'in_review', 'approved', 'rejected', 'won', 'lost']);
export type DealStatus = z.infer<typeof DealStatus>;
/** Statuses that still need the partner's monthly feedback. */
export const OPEN_DEAL_STATUSES: readonly DealStatus[] = ['registered', 'in_review', 'approved'];
export const DEAL_LIMITS = { pids: 50, description: 4000 } as const;
/** The Russian taxpayer number: 10 digits (organisation) or 12 (individual), with check digits. */
export const Inn = z
  .string()
  .trim()
  .regex(/^(\d{10}|\d{12})$/)
  .refine((v) => isValidInn(v), { message: 'invalid_inn' });
export const DealBody = z.strictObject({
  customer_name: z.string().trim().min(1).max(LIMITS.name),
  inn: Inn,
  decision_maker: z.string().trim().min(1).max(LIMITS.name),
  pids: z.array(Pid).max(DEAL_LIMITS.pids).default([]),
  /** The expected amount without VAT. */
  amount: z.strictObject({ amount_minor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), currency: Currency }),
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  description: z.string().max(DEAL_LIMITS.description).default(''),
});
export type DealBody = z.infer<typeof DealBody>;
export const Deal = z.strictObject({
  id: Id,
  customer_name: z.string().max(LIMITS.name),
  inn: z.string().max(12),
  decision_maker: z.string().max(LIMITS.name),
  pids: z.array(Pid).max(DEAL_LIMITS.pids),
  amount: Money,
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4),
  description: z.string().max(DEAL_LIMITS.description),
  status: DealStatus,
  created_at: IsoUtc,
  updated_at: IsoUtc,
});
export type Deal = z.infer<typeof Deal>;
export const DealsPage = page(Deal);
export const DealsQuery = z.strictObject({ status: DealStatus.optional(), limit: Limit, cursor: Cursor.optional() });
