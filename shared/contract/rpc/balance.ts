/**
 * RPC methods of the balance feature (issue 5): the client card, the Detail ledger, Expenses on
 * services, exports and fetching a period outside the cached ledger window.
 *
 * Periods are region-local dates (YYYY-MM-DD, both inclusive) in the platform's time zone; money is
 * integer minor units; instants are ISO 8601 UTC.
 */
import { z } from 'zod';
import { method, type MethodMap } from './define';
import { ClientStatus, Currency, LIMITS, PaymentModel, Pid, ServiceCode, TxKind } from '../platform';

const ClientId = z.string().min(1).max(LIMITS.id);
const LocalDate = z.iso.date();
/** The longest period one query accepts (about 10 years), so a typo cannot scan forever. */
export const MAX_PERIOD_DAYS = 3700;

export const DetailGranularity = z.enum(['operation', 'day', 'week', 'month', 'year']);
export type DetailGranularity = z.infer<typeof DetailGranularity>;
export const ExpensesGranularity = z.enum(['day', 'week', 'month']);
export type ExpensesGranularity = z.infer<typeof ExpensesGranularity>;
export const GroupBy = z.enum(['service', 'project']);
export type GroupBy = z.infer<typeof GroupBy>;

const period = {
  clientId: ClientId,
  from: LocalDate,
  to: LocalDate,
};
function checkPeriod(v: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to_before_from' });
  const days = (Date.parse(v.to) - Date.parse(v.from)) / 86400000 + 1;
  if (days > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'period_too_long' });
}

const detailFilterShape = {
  ...period,
  kinds: z.array(TxKind).max(2).default([]),
  projects: z.array(Pid).max(200).default([]),
  services: z.array(ServiceCode).max(ServiceCode.options.length).default([]),
  granularity: DetailGranularity.default('operation'),
};
export const DetailFilter = z.strictObject(detailFilterShape).superRefine(checkPeriod);
export type DetailFilter = z.output<typeof DetailFilter>;
export const DetailInput = z
  .strictObject({
    ...detailFilterShape,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .superRefine(checkPeriod);
export type DetailInput = z.input<typeof DetailInput>;

export const OperationRow = z.object({
  type: z.literal('operation'),
  id: z.string(),
  /** UTC instant. */
  at: z.string(),
  kind: TxKind,
  amountMinor: z.number().int(),
  currency: Currency,
  service: ServiceCode.nullable(),
  projectPid: z.string().nullable(),
  description: z.string(),
});
export type OperationRow = z.infer<typeof OperationRow>;
export const BucketRow = z.object({
  type: z.literal('bucket'),
  /** Region-local start date of the bucket (weeks start on Monday). */
  bucket: LocalDate,
  debitsMinor: z.number().int(),
  creditsMinor: z.number().int(),
  netMinor: z.number().int(),
  count: z.number().int(),
});
export type BucketRow = z.infer<typeof BucketRow>;

export const PeriodTotals = z.object({
  debitsMinor: z.number().int(),
  creditsMinor: z.number().int(),
  /** credits - debits */
  netMinor: z.number().int(),
  count: z.number().int(),
});
export type PeriodTotals = z.infer<typeof PeriodTotals>;

/** What every balance answer says about the cache it was read from. */
const cacheInfo = {
  currency: Currency,
  timeZone: z.string(),
  /** Region-local date where the cached ledger window starts. */
  cachedFrom: LocalDate,
  /** Part of the period lies before the cached window and was not fetched. */
  outsideWindow: z.boolean(),
  /** When the ledger was last synced (UTC), null before the first sync. */
  asOf: z.string().nullable(),
};

export const DetailOutput = z.object({
  rows: z.array(z.discriminatedUnion('type', [OperationRow, BucketRow])),
  /** Rows of the whole result (operations, or buckets), for paging. */
  total: z.number().int(),
  totals: PeriodTotals,
  ...cacheInfo,
});
export type DetailOutput = z.infer<typeof DetailOutput>;

const expensesShape = {
  ...period,
  granularity: ExpensesGranularity.default('day'),
  groupBy: GroupBy.default('service'),
};
export const ExpensesInput = z.strictObject(expensesShape).superRefine(checkPeriod);
export type ExpensesInput = z.input<typeof ExpensesInput>;

export const ExpenseTotal = z.object({
  /** A service code, a project PID, or '' for debits with neither. */
  key: z.string(),
  amountMinor: z.number().int(),
  /** Share of the period's total in basis points (integers summing to 10000). */
  shareBp: z.number().int(),
  previousMinor: z.number().int(),
});
export type ExpenseTotal = z.infer<typeof ExpenseTotal>;
export const ExpensesOutput = z.object({
  from: LocalDate,
  to: LocalDate,
  granularity: ExpensesGranularity,
  groupBy: GroupBy,
  /** Sorted by amount, largest first. */
  totals: z.array(ExpenseTotal),
  totalMinor: z.number().int(),
  /** Every bucket start of the period, oldest first (empty buckets included). */
  buckets: z.array(LocalDate),
  /** Non-zero (bucket, key) sums, stackable per bucket. */
  series: z.array(z.object({ bucket: LocalDate, key: z.string(), amountMinor: z.number().int() })),
  previous: z.object({ from: LocalDate, to: LocalDate, totalMinor: z.number().int() }),
  change: z.object({
    amountMinor: z.number().int(),
    /** Relative change in basis points; null when the previous period spent nothing. */
    bp: z.number().int().nullable(),
  }),
  ...cacheInfo,
});
export type ExpensesOutput = z.infer<typeof ExpensesOutput>;

export const ForecastOut = z.object({
  /** Whole days until payment + bonus reach zero at the average daily spend (0 = already there). */
  days: z.number().int(),
  avgDailySpendMinor: z.number().int(),
  basisDays: z.number().int(),
});
export type ForecastOut = z.infer<typeof ForecastOut>;

export const CardOutput = z.object({
  client: z.object({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string(),
    phone: z.string().nullable(),
    externalId: z.string().nullable(),
    status: ClientStatus,
    paymentModel: PaymentModel,
    invitedAt: z.string(),
    registeredAt: z.string().nullable(),
  }),
  projects: z.array(
    z.object({ pid: z.string(), name: z.string(), status: z.enum(['active', 'frozen']), createdAt: z.string() }),
  ),
  balance: z.object({ paymentMinor: z.number().int(), bonusMinor: z.number().int(), currency: Currency, asOf: z.string() }),
  /** Prepaid clients only; null when nothing was spent in the basis period or the client is postpaid. */
  forecast: ForecastOut.nullable(),
  timeZone: z.string(),
  cachedFrom: LocalDate,
  asOf: z.string().nullable(),
});
export type CardOutput = z.infer<typeof CardOutput>;

export const ExportFormat = z.enum(['xlsx', 'csv']);
export const ExportLang = z.enum(['ru', 'en']);
export const ExportInput = z.discriminatedUnion('view', [
  z.strictObject({ view: z.literal('detail'), ...detailFilterShape, format: ExportFormat, lang: ExportLang }),
  z.strictObject({ view: z.literal('expenses'), ...expensesShape, format: ExportFormat, lang: ExportLang }),
]);
export type ExportInput = z.input<typeof ExportInput>;
export const ExportOutput = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() });
export type ExportOutput = z.infer<typeof ExportOutput>;

export const FetchRangeInput = z.strictObject(period).superRefine(checkPeriod);
export const FetchRangeOutput = z.object({ fetched: z.number().int() });

export const balanceMethods = {
  'balance.card': method(z.strictObject({ clientId: ClientId }), CardOutput),
  'balance.detail': method(DetailInput, DetailOutput),
  'balance.expenses': method(ExpensesInput, ExpensesOutput),
  'balance.export': method(ExportInput, ExportOutput),
  /** Online: fetches a period outside the cached window from the platform into the cache. */
  'balance.fetchRange': method(FetchRangeInput, FetchRangeOutput),
} satisfies MethodMap;
