/**
 * The partner application as a letter to the partner mailbox, in the manager's language: used
 * when no platform is connected, so there is nowhere to post the form.
 */
import type { TFunction } from 'i18next';
import { PARTNER_MAILBOX, mailtoUrl } from '../../../shared/domain/links';
import { APPLY_LABEL_KEY } from './labels';

export interface Application {
  name: string;
  email: string;
  phone: string;
  company: string;
  message: string;
}

export function applicationLetter(t: TFunction, a: Application): { to: string; subject: string; body: string; mailto: string } {
  const subject = t('partner:apply.letter.subject', { company: a.company.trim() });
  const lines = (['name', 'email', 'phone', 'company'] as const).map((f) => `${t(APPLY_LABEL_KEY[f])}: ${a[f].trim()}`);
  const message = a.message.trim();
  const body = [t('partner:apply.letter.greeting'), '', ...lines, ...(message ? ['', `${t(APPLY_LABEL_KEY.message)}:`, message] : [])].join('\n');
  return { to: PARTNER_MAILBOX, subject, body, mailto: mailtoUrl(PARTNER_MAILBOX, subject, body) };
}
