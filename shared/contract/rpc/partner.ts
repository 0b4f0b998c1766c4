/**
 * RPC methods of the partner program (issue 7): the partner application, deals, the monthly
 * consumption report and balance alerts. Money is integer minor units; instants are ISO UTC.
 */
import { z } from 'zod';
import { method, NoInput, type MethodMap } from './define';
import { AppErrorCode } from './errors';
import { Currency, DEAL_LIMITS, DealStatus, LIMITS, Pid } from '../platform';

// ---------- become a partner ----------
/** Checked again in the core (shared/domain/validation); the fields carry the reasons. */
export const ApplyInput = z.strictObject({
  name: z.string().max(LIMITS.name),
  email: z.string().max(LIMITS.email),
  phone: z.string().max(LIMITS.phone),
  company: z.string().max(LIMITS.company),
  message: z.string().max(LIMITS.message).default(''),
});
export type ApplyInput = z.input<typeof ApplyInput>;

// ---------- deals ----------
export const DealInput = z.strictObject({
  customerName: z.string().max(LIMITS.name),
  inn: z.string().max(12),
  decisionMaker: z.string().max(LIMITS.name),
  pids: z.array(Pid).max(DEAL_LIMITS.pids).default([]),
  amountMinor: z.number().int(),
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  description: z.string().max(DEAL_LIMITS.description).default(''),
  /** The renderer's id for this submission: the idempotency key, so a retried submit registers once. */
  requestId: z.string().min(8).max(100),
});
export type DealInput = z.input<typeof DealInput>;

export const DealRow = z.object({
  id: z.string(),
  customerName: z.string(),
  inn: z.string(),
  decisionMaker: z.string(),
  pids: z.array(z.string()),
  amountMinor: z.number().int(),
  currency: Currency,
  year: z.number().int(),
  quarter: z.number().int(),
  description: z.string(),
  status: DealStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Open deal whose feedback for the current region month is not given yet. */
  feedbackDue: z.boolean(),
  /** The region month (YYYY-MM) of the last feedback, or null. */
  lastFeedbackMonth: z.string().nullable(),
});
export type DealRow = z.infer<typeof DealRow>;

// ---------- monthly report ----------
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const ReportLang = z.enum(['ru', 'en']);
export const ReportFile = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() });
export type ReportFile = z.infer<typeof ReportFile>;
export const ReportJob = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  error: z.string().nullable(),
  /** Set once done. */
  file: ReportFile.nullable(),
});
export type ReportJob = z.infer<typeof ReportJob>;
export const ReportMonth = z.object({
  month: Month,
  /** The whole month lies inside the cached ledger window. */
  cached: z.boolean(),
});

// ---------- alerts ----------
/** A rule for one client, or for all clients (clientId null). Null limits are off. */
export const AlertRule = z.object({
  clientId: z.string().min(1).max(LIMITS.id).nullable(),
  /** Alert when payment + bonus falls below this (minor units). */
  thresholdMinor: z.number().int().nullable(),
  /** Alert when the balance turns negative. */
  negative: z.boolean(),
  /** Alert when a prepaid client's freeze forecast falls under this many days. */
  freezeDays: z.number().int().min(1).max(365).nullable(),
});
export type AlertRule = z.infer<typeof AlertRule>;
export const AlertKind = z.enum(['below_threshold', 'negative', 'freeze_soon']);
export type AlertKind = z.infer<typeof AlertKind>;
export const AlertRow = z.object({
  id: z.string(),
  clientId: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  kind: AlertKind,
  balanceMinor: z.number().int(),
  currency: Currency,
  thresholdMinor: z.number().int().nullable(),
  /** freeze_soon: the forecast days and the rule's limit. */
  days: z.number().int().nullable(),
  limitDays: z.number().int().nullable(),
  /** When the condition was first seen (ISO UTC). */
  since: z.string(),
  /** A desktop notification was shown for it already. */
  notified: z.boolean(),
  seen: z.boolean(),
});
export type AlertRow = z.infer<typeof AlertRow>;

const ClientId = z.string().min(1).max(LIMITS.id);

export const partnerMethods = {
  /** Public: works without a token or a configured connection. */
  'partner.apply': method(ApplyInput, z.object({ id: z.string(), receivedAt: z.string() })),

  /** The deals: fetched when online (and cached), else the cached copy. */
  'deals.list': method(
    z.strictObject({ status: DealStatus.optional() }),
    z.object({
      items: z.array(DealRow),
      asOf: z.string().nullable(),
      offline: z.boolean(),
      /** Why the cached copy is shown (offline only): no connection, a rate limit, a platform failure, none set up. */
      unavailable: AppErrorCode.nullable(),
      feedbackDue: z.number().int(),
    }),
  ),
  'deals.create': method(DealInput, DealRow),
  /** Records the partner's feedback for the current region month (ends the reminder until next month). */
  'deals.feedback': method(
    z.strictObject({ dealId: z.string().min(1).max(LIMITS.id), note: z.string().max(DEAL_LIMITS.description).default('') }),
    DealRow,
  ),

  /** Months with ledger rows in the cache, newest first, and whether each is wholly cached. */
  'report.months': method(NoInput, z.object({ months: z.array(ReportMonth), current: Month })),
  /** Starts building the XLSX in the background; progress comes as `report.progress` events. */
  'report.start': method(
    z.strictObject({ month: Month, clientIds: z.array(ClientId).max(100_000).optional(), lang: ReportLang }),
    z.object({ jobId: z.string() }),
  ),
  'report.get': method(z.strictObject({ jobId: z.string().min(1).max(64) }), ReportJob),

  'alerts.rules': method(NoInput, z.object({ rules: z.array(AlertRule) })),
  /** Saves the rule for its scope (replacing it); a rule with nothing on deletes the scope's rule. */
  'alerts.saveRule': method(AlertRule.strict(), z.object({ rules: z.array(AlertRule) })),
  /** Current alerts as last evaluated (after each sync and each rule change). */
  'alerts.list': method(NoInput, z.object({ items: z.array(AlertRow), unseen: z.number().int(), feedbackDue: z.number().int() })),
  /** The badge's figures and the alerts not notified yet: their count and the first three. */
  'alerts.summary': method(
    NoInput,
    z.object({ unseen: z.number().int(), feedbackDue: z.number().int(), freshCount: z.number().int(), fresh: z.array(AlertRow) }),
  ),
  /** Notifications were shown for these (with allFresh: for every alert not notified yet, announced by its count). */
  'alerts.notified': method(
    z.strictObject({ ids: z.array(z.string().max(200)).max(10_000), allFresh: z.literal(true).optional() }),
    z.object({ ok: z.literal(true) }),
  ),
  /** The user looked at the alerts screen: the badge resets. */
  'alerts.markSeen': method(NoInput, z.object({ ok: z.literal(true) })),
} satisfies MethodMap;
