/**
 * The partner FAQ's questions (shared/i18n partner:help.q.*) and, for each, where its answer
 * points: the addresses the documentation gives (shared/domain/links.ts) and the app's own
 * screens. The pricing answer depends on the partner's model from GET /partner.
 */
import type { TFunction } from 'i18next';
import type { RouteName } from '../../state/nav';
import {
  PARTNER_ACCOUNT_URL,
  PARTNER_MAILBOX,
  PARTNER_PROGRAM_URL,
  PRICE_LIST_URL,
  SUPPORT_CONTACTS_URL,
  SUPPORT_PORTAL_URL,
} from '../../../shared/domain/links';
import type { HelpId } from './helpLink';
import { HELP_KEY } from './labels';

export type PartnerModel = 'partner' | 'agent';

export interface FaqLink {
  label: string;
  href: string;
}
export interface FaqScreen {
  label: string;
  route: RouteName;
}

const program = (t: TFunction): FaqLink => ({ label: t('partner:help.link.program'), href: PARTNER_PROGRAM_URL });
const mailbox = (t: TFunction): FaqLink => ({ label: t('partner:help.link.mailbox'), href: `mailto:${PARTNER_MAILBOX}` });
const contacts = (t: TFunction): FaqLink => ({ label: t('partner:help.link.contacts'), href: SUPPORT_CONTACTS_URL });

export function faqLinks(t: TFunction, id: HelpId): FaqLink[] {
  switch (id) {
    case 'become':
    case 'white_label':
      return [program(t), mailbox(t)];
    case 'pricing':
      return [{ label: t('partner:help.link.priceList'), href: PRICE_LIST_URL }];
    case 'pilot':
      return [{ label: t('partner:help.link.portal'), href: SUPPORT_PORTAL_URL }, mailbox(t)];
    case 'tools':
      return [{ label: t('partner:help.link.account'), href: PARTNER_ACCOUNT_URL }];
    case 'debt':
    case 'charges':
      return [contacts(t)];
    case 'no_answer':
      return [mailbox(t)];
    default:
      return [];
  }
}

export function faqScreens(t: TFunction, id: HelpId, connected: boolean): FaqScreen[] {
  switch (id) {
    case 'who':
    case 'become':
      return connected ? [] : [{ label: t('partner:help.link.apply'), route: 'apply' }];
    case 'settlements':
      return [{ label: t('partner:help.link.report'), route: 'report' }];
    case 'tools':
      return [{ label: t('partner:help.link.deals'), route: 'deals' }];
    default:
      return [];
  }
}

/** The answer's paragraphs; pricing puts the partner's own model first and names it. */
export function faqAnswer(t: TFunction, id: HelpId, model: PartnerModel | null): string[] {
  if (id !== 'pricing') return [t(HELP_KEY[id].a)];
  const partner = t('partner:help.q.pricing.partner');
  const agent = t('partner:help.q.pricing.agent');
  if (!model) return [t('partner:help.q.pricing.a'), partner, agent];
  const name = model === 'partner' ? t('partner:help.model.partner') : t('partner:help.model.agent');
  const yours = t('partner:help.q.pricing.yours', { model: name });
  return model === 'partner' ? [yours, partner, agent] : [yours, agent, partner];
}
