/**
 * The audit log's detail column in words, the same on screen (AuditPage) and in the export
 * (electron/core/actions/export.ts): the detail is stored as the core wrote it (see the writers in
 * electron/core/*), plain text for client actions ("email" or "email\tcode", "retry:<batch>") and
 * JSON for the app's own changes (alert rules, connection, settings). `tr` looks up a key of the
 * actions namespace with its parameters (i18next's t, or the core's actionsText).
 */
import { z } from 'zod';
import type { AuditAction } from '../contract/rpc/actions';
import { REASON_KEY } from './keys/actions';
import { formatMoney } from '../domain/money';

export type Tr = (key: string, params?: Record<string, string | number>) => string;

/** What the core stores as the detail of each kind of the app's own changes. */
export const AlertRuleDetail = z.object({
  thresholdMinor: z.number().int().nullable(),
  currency: z.enum(['RUB', 'KZT']),
  negative: z.boolean(),
  freezeDays: z.number().int().nullable(),
});
export const ConnectionDetail = z.object({ kind: z.enum(['demo', 'vk', 'vk_mcs', 'custom']), url: z.string().nullable() });
export const SettingsDetail = z.object({
  language: z.enum(['ru', 'en']).optional(),
  startScreen: z.enum(['home', 'clients']).optional(),
  syncIntervalMin: z.number().int().optional(),
  ledgerWindowMonths: z.number().int().optional(),
});

const KIND_KEY = {
  demo: 'actions:auditDetail.kind.demo',
  vk: 'actions:auditDetail.kind.vk',
  vk_mcs: 'actions:auditDetail.kind.vk_mcs',
  custom: 'actions:auditDetail.kind.custom',
} as const;

function reason(tr: Tr, code: string): string {
  const key = REASON_KEY[code];
  return key ? tr(key) : tr('actions:reason.other', { code });
}

function parsed<T>(schema: z.ZodType<T>, detail: string): T | null {
  try {
    const r = schema.safeParse(JSON.parse(detail));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function auditDetailText(tr: Tr, lang: string, action: AuditAction, detail: string | null): string {
  if (!detail) return '';
  if (action === 'alert_rule') {
    const r = parsed(AlertRuleDetail, detail);
    if (!r) return '';
    const parts: string[] = [];
    if (r.thresholdMinor !== null) {
      const amount = formatMoney(r.thresholdMinor, r.currency, lang);
      parts.push(tr('actions:auditDetail.ruleBelow', { amount }));
    }
    if (r.negative) parts.push(tr('actions:auditDetail.ruleNegative'));
    if (r.freezeDays !== null) parts.push(tr('actions:auditDetail.ruleFreeze', { count: r.freezeDays }));
    return parts.length ? parts.join('; ') : tr('actions:auditDetail.ruleOff');
  }
  if (action === 'connection') {
    const c = parsed(ConnectionDetail, detail);
    if (!c) return '';
    const kind = tr(KIND_KEY[c.kind]);
    return c.url ? `${kind}: ${c.url}` : kind;
  }
  if (action === 'settings') {
    const s = parsed(SettingsDetail, detail);
    if (!s) return '';
    const parts: string[] = [];
    if (s.language) parts.push(tr('actions:auditDetail.language', { value: s.language === 'ru' ? tr('actions:auditDetail.lang.ru') : tr('actions:auditDetail.lang.en') }));
    if (s.startScreen) parts.push(tr('actions:auditDetail.startScreen', { value: s.startScreen === 'home' ? tr('actions:auditDetail.screen.home') : tr('actions:auditDetail.screen.clients') }));
    if (s.syncIntervalMin !== undefined) parts.push(tr('actions:auditDetail.syncInterval', { count: s.syncIntervalMin }));
    if (s.ledgerWindowMonths !== undefined) parts.push(tr('actions:auditDetail.ledgerWindow', { count: s.ledgerWindowMonths }));
    return parts.join('; ');
  }
  if (detail.startsWith('retry:')) return tr('actions:results.retryOf');
  const [what, code] = detail.split('\t');
  return code ? `${what} — ${reason(tr, code)}` : (what ?? '');
}
