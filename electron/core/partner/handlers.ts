/** Handlers of the partner RPC methods (shared/contract/rpc/partner.ts). */
import type { partnerMethods } from '../../../shared/contract/rpc/partner';
import type { Handlers } from '../context';
import { recordAudit } from '../actions/audit';
import { readPlatform } from '../settings/store';
import { apply } from './apply';
import { createDeal, giveFeedback, listDeals } from './deals';
import { reportMonths } from './report/query';
import { startReport } from './report/jobs';
import { alertsSummary, evaluateAlerts, listAlerts, listRules, markNotified, markSeen, saveRule } from './alerts';

export const partnerHandlers: Handlers<typeof partnerMethods> = {
  'partner.apply': (input, ctx) => apply(ctx, input),

  'deals.list': (input, ctx) => listDeals(ctx, input.status),
  'deals.create': (input, ctx) => createDeal(ctx, input),
  'deals.feedback': (input, ctx) => giveFeedback(ctx, input.dealId, input.note),

  'report.months': (_input, ctx) => reportMonths(ctx),
  'report.start': (input, ctx) => startReport(ctx, input.month, input.lang, input.clientIds),
  'report.get': (input, ctx) => ctx.reportJobs.get(input.jobId),

  'alerts.rules': (_input, ctx) => ({ rules: listRules(ctx.db) }),
  'alerts.saveRule': (input, ctx) => {
    const currency = readPlatform(ctx.db).platform?.currency ?? 'RUB';
    ctx.db.transaction(() => {
      saveRule(ctx.db, input);
      recordAudit(ctx.db, {
        at: ctx.now(),
        action: 'alert_rule',
        clientIds: input.clientId ? [input.clientId] : [],
        detail: JSON.stringify({ thresholdMinor: input.thresholdMinor, currency, negative: input.negative, freezeDays: input.freezeDays }),
      });
    })();
    ctx.changed(['audit']);
    // Alerts are evaluated when their inputs change, never on a read.
    evaluateAlerts(ctx, true);
    ctx.changed(['alerts']);
    return { rules: listRules(ctx.db) };
  },
  'alerts.list': (_input, ctx) => listAlerts(ctx),
  'alerts.summary': (_input, ctx) => alertsSummary(ctx),
  'alerts.notified': (input, ctx) => {
    markNotified(ctx.db, input.ids, input.allFresh === true);
    return { ok: true as const };
  },
  'alerts.markSeen': (_input, ctx) => {
    markSeen(ctx.db);
    ctx.changed(['alerts']);
    return { ok: true as const };
  },
};
