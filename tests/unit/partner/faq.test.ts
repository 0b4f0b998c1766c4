/**
 * The partner FAQ against the partner documentation (../shared/partner-docs/003_…): every one of
 * its fifteen questions is in both languages, no answer claims what the documentation does not
 * (partner levels, free exams, grants), the addresses are the documented ones, pricing follows
 * the partner's model, and old deep links still land. Also the application letter composed for
 * the partner mailbox when no platform is connected.
 */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { NAMESPACES, resources } from '../../../shared/i18n';
import { HELP_IDS, helpIdOf } from '../../../renderer/features/partner/helpLink';
import { HELP_KEY } from '../../../renderer/features/partner/labels';
import { faqAnswer, faqLinks, faqScreens } from '../../../renderer/features/partner/faq';
import { applicationLetter } from '../../../renderer/features/partner/applicationText';

const i18n = i18next.createInstance();
await i18n.init({ resources, lng: 'ru', ns: [...NAMESPACES], defaultNS: 'common', fallbackLng: false, interpolation: { escapeValue: false } });
const T = { ru: i18n.getFixedT('ru'), en: i18n.getFixedT('en') };

/** The documentation's questions, in its order, by a word each must contain. */
const DOC_QUESTIONS: [string, RegExp, RegExp][] = [
  ['who', /участник/i, /join/i],
  ['become', /стать партн/i, /become a partner/i],
  ['white_label', /White Label/, /White Label/],
  ['settlements', /взаиморасч/i, /settlements/i],
  ['pricing', /цен/i, /price/i],
  ['certificate', /сертификат/i, /certificate/i],
  ['competencies', /компетенц/i, /competenc/i],
  ['training', /обучени/i, /training/i],
  ['materials', /маркетинг/i, /marketing/i],
  ['pilot', /пилот/i, /pilot/i],
  ['tools', /инструмент/i, /tools/i],
  ['support', /поддерж/i, /support/i],
  ['debt', /задолженност/i, /debt/i],
  ['charges', /начислени/i, /charges/i],
  ['no_answer', /не нашли/i, /didn't find/i],
];

const allText = (lang: 'ru' | 'en', model: 'partner' | 'agent' | null) =>
  HELP_IDS.map((id) => [T[lang](HELP_KEY[id].q), ...faqAnswer(T[lang], id, model)].join('\n')).join('\n');

describe('the partner FAQ', () => {
  it('has the fifteen documented questions, in order, in both languages', () => {
    expect(HELP_IDS).toHaveLength(15);
    expect(DOC_QUESTIONS.map(([id]) => id)).toEqual([...HELP_IDS]);
    for (const [id, ru, en] of DOC_QUESTIONS) {
      const key = HELP_KEY[id as (typeof HELP_IDS)[number]];
      expect(T.ru(key.q), id).toMatch(ru);
      expect(T.en(key.q), id).toMatch(en);
      expect(T.ru(key.a)).not.toBe(key.a);
      expect(T.en(key.a)).not.toBe(key.a);
    }
  });

  it('says what the documentation says on the points people ask about', () => {
    const ru = allText('ru', null);
    const en = allText('en', null);
    expect(en).toMatch(/legal entities and sole proprietors .*reseller contract/i);
    expect(ru).toMatch(/юридические лица и индивидуальные предприниматели.*реселлерский договор/i);
    expect(en).toContain('Sale and Pre-sale');
    expect(ru).toContain('Sale и Pre-sale');
    expect(en).toMatch(/24\/7/);
    expect(ru).toMatch(/24\/7/);
    for (const text of [ru, en]) expect(text).toContain('partner@mcs.mail.ru');
    expect(en).toMatch(/amount and the project's PID/);
    expect(ru).toMatch(/сумму пополнения и PID проекта/);
    expect(en).toMatch(/regularly or once/);
    expect(ru).toMatch(/регулярно или разово/);
  });

  it('claims nothing the documentation does not: no partner levels, free exams or grants', () => {
    for (const model of [null, 'partner', 'agent'] as const) {
      expect(allText('en', model)).not.toMatch(/\blevels?\b|free|exam|grant|special terms|agent's fee|partner price/i);
      expect(allText('ru', model)).not.toMatch(/уров|бесплатн|экзамен|грант|особые условия|вознагражден|партнёрской цене/i);
    }
  });

  it('answers about prices by the partner model', () => {
    for (const lang of ['ru', 'en'] as const) {
      const t = T[lang];
      const none = faqAnswer(t, 'pricing', null);
      expect(none).toHaveLength(3);
      const partner = faqAnswer(t, 'pricing', 'partner');
      const agent = faqAnswer(t, 'pricing', 'agent');
      expect(partner[0]).toContain(t('partner:help.model.partner'));
      expect(agent[0]).toContain(t('partner:help.model.agent'));
      expect(partner[1]).toBe(t('partner:help.q.pricing.partner'));
      expect(agent[1]).toBe(t('partner:help.q.pricing.agent'));
    }
    expect(faqAnswer(T.en, 'pricing', 'agent')[1]).toMatch(/price list/);
    expect(faqAnswer(T.en, 'pricing', 'partner')[1]).toMatch(/any price/);
  });

  it('points to the documented addresses', () => {
    const hrefs = (id: (typeof HELP_IDS)[number]) => faqLinks(T.en, id).map((l) => l.href);
    expect(hrefs('become')).toEqual(['https://cloud.vk.com/partner/', 'mailto:partner@mcs.mail.ru']);
    expect(hrefs('tools')).toEqual(['https://cloud.vk.com/partner/app/']);
    expect(hrefs('pilot')).toEqual(['https://support.mcs.mail.ru', 'mailto:partner@mcs.mail.ru']);
    expect(hrefs('pricing')).toEqual(['https://cloud.vk.com/pricelist']);
    expect(hrefs('debt')[0]).toMatch(/^https:\/\/cloud\.vk\.com\/docs\/.*support/);
    expect(hrefs('no_answer')).toEqual(['mailto:partner@mcs.mail.ru']);
    expect(faqScreens(T.en, 'become', false).map((s) => s.route)).toEqual(['apply']);
    expect(faqScreens(T.en, 'become', true)).toEqual([]);
  });

  it('resolves deep links, including the older names', () => {
    expect(helpIdOf('#/help/debt')).toBe('debt');
    expect(helpIdOf('#/help/topup')).toBe('debt');
    expect(helpIdOf('#/help/deals')).toBe('tools');
    expect(helpIdOf('#/help/certification')).toBe('certificate');
    expect(helpIdOf('#/help/nonsense')).toBeNull();
  });
});

describe('the application letter for the partner mailbox', () => {
  const form = { name: 'Анна Смирнова', email: 'anna@integrator.ru', phone: '+7 900 123-45-67', company: 'ООО «Интегратор»', message: 'Хотим продавать VK Cloud' };
  it('carries every field, in the manager language, addressed to the mailbox', () => {
    for (const lang of ['ru', 'en'] as const) {
      const l = applicationLetter(T[lang], form);
      expect(l.to).toBe('partner@mcs.mail.ru');
      expect(l.subject).toContain('ООО «Интегратор»');
      for (const v of Object.values(form)) expect(l.body).toContain(v);
      expect(l.mailto.startsWith('mailto:partner@mcs.mail.ru?subject=')).toBe(true);
      expect(decodeURIComponent(l.mailto.split('&body=')[1] ?? '')).toBe(l.body);
    }
    expect(applicationLetter(T.en, form).body).toContain('Phone: +7 900 123-45-67');
    expect(applicationLetter(T.ru, form).body).toContain('Телефон: +7 900 123-45-67');
  });
});
