/** The partner screens' enum -> catalogue key maps (full literal 'partner:…' keys, so the i18n checks can see every use). */
import type { DealStatus } from '../../../shared/contract/platform';
import type { AlertKind } from '../../../shared/contract/rpc/partner';
import type { HelpId } from './helpLink';

export const DEAL_STATUS_KEY: Record<DealStatus, string> = {
  registered: 'partner:deals.status.registered',
  in_review: 'partner:deals.status.in_review',
  approved: 'partner:deals.status.approved',
  rejected: 'partner:deals.status.rejected',
  won: 'partner:deals.status.won',
  lost: 'partner:deals.status.lost',
};

export const ALERT_KIND_KEY: Record<AlertKind, string> = {
  negative: 'partner:alerts.kind.negative',
  below_threshold: 'partner:alerts.kind.below_threshold',
  freeze_soon: 'partner:alerts.kind.freeze_soon',
};

export const HELP_KEY: Record<HelpId, { q: string; a: string }> = {
  who: { q: 'partner:help.q.who.q', a: 'partner:help.q.who.a' },
  become: { q: 'partner:help.q.become.q', a: 'partner:help.q.become.a' },
  white_label: { q: 'partner:help.q.white_label.q', a: 'partner:help.q.white_label.a' },
  settlements: { q: 'partner:help.q.settlements.q', a: 'partner:help.q.settlements.a' },
  pricing: { q: 'partner:help.q.pricing.q', a: 'partner:help.q.pricing.a' },
  certificate: { q: 'partner:help.q.certificate.q', a: 'partner:help.q.certificate.a' },
  competencies: { q: 'partner:help.q.competencies.q', a: 'partner:help.q.competencies.a' },
  training: { q: 'partner:help.q.training.q', a: 'partner:help.q.training.a' },
  materials: { q: 'partner:help.q.materials.q', a: 'partner:help.q.materials.a' },
  pilot: { q: 'partner:help.q.pilot.q', a: 'partner:help.q.pilot.a' },
  tools: { q: 'partner:help.q.tools.q', a: 'partner:help.q.tools.a' },
  support: { q: 'partner:help.q.support.q', a: 'partner:help.q.support.a' },
  debt: { q: 'partner:help.q.debt.q', a: 'partner:help.q.debt.a' },
  charges: { q: 'partner:help.q.charges.q', a: 'partner:help.q.charges.a' },
  no_answer: { q: 'partner:help.q.no_answer.q', a: 'partner:help.q.no_answer.a' },
};

export const APPLY_LABEL_KEY = {
  name: 'partner:apply.name',
  email: 'partner:apply.email',
  phone: 'partner:apply.phone',
  company: 'partner:apply.company',
  message: 'partner:apply.message',
} as const;
