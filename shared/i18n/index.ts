/**
 * The message catalogue: one folder per language, one JSON file per feature (namespace).
 * Russian plurals use i18next's suffixes _one, _few, _many, _other; English _one, _other.
 */
import enCommon from './en/common.json' with { type: 'json' };
import ruCommon from './ru/common.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import ruErrors from './ru/errors.json' with { type: 'json' };
import enClients from './en/clients.json' with { type: 'json' };
import ruClients from './ru/clients.json' with { type: 'json' };
import enSettings from './en/settings.json' with { type: 'json' };
import ruSettings from './ru/settings.json' with { type: 'json' };
import enActions from './en/actions.json' with { type: 'json' };
import ruActions from './ru/actions.json' with { type: 'json' };
import enBalance from './en/balance.json' with { type: 'json' };
import ruBalance from './ru/balance.json' with { type: 'json' };
import enPartner from './en/partner.json' with { type: 'json' };
import ruPartner from './ru/partner.json' with { type: 'json' };
import enInvite from './en/invite.json' with { type: 'json' };
import ruInvite from './ru/invite.json' with { type: 'json' };
import enMenu from './en/menu.json' with { type: 'json' };
import ruMenu from './ru/menu.json' with { type: 'json' };
import enReliability from './en/reliability.json' with { type: 'json' };
import ruReliability from './ru/reliability.json' with { type: 'json' };

import enHome from './en/home.json' with { type: 'json' };
import ruHome from './ru/home.json' with { type: 'json' };
import enPalette from './en/palette.json' with { type: 'json' };
import ruPalette from './ru/palette.json' with { type: 'json' };

export const LANGUAGES = ['ru', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const NAMESPACES = ['common', 'errors', 'clients', 'settings', 'actions', 'balance', 'partner', 'invite', 'menu', 'reliability', 'home', 'palette'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const resources = {
  en: {
    common: enCommon,
    errors: enErrors,
    clients: enClients,
    settings: enSettings,
    actions: enActions,
    balance: enBalance,
    partner: enPartner,
    invite: enInvite,
    menu: enMenu,
    reliability: enReliability,
    home: enHome,
    palette: enPalette,
  },
  ru: {
    common: ruCommon,
    errors: ruErrors,
    clients: ruClients,
    settings: ruSettings,
    actions: ruActions,
    balance: ruBalance,
    partner: ruPartner,
    invite: ruInvite,
    menu: ruMenu,
    reliability: ruReliability,
    home: ruHome,
    palette: ruPalette,
  },
} as const;

/** The language to start in: the saved choice, else the OS/browser language, else Russian. */
export function pickLanguage(saved: string | null | undefined, systemLocales: readonly string[]): Lang {
  if (saved === 'ru' || saved === 'en') return saved;
  for (const l of systemLocales) {
    const base = l.toLowerCase().split(/[-_]/)[0];
    if (base === 'ru' || base === 'en') return base;
    // Languages of the region that usually read Russian.
    if (base && ['be', 'kk', 'uk', 'ky', 'uz', 'hy', 'tg'].includes(base)) return 'ru';
  }
  return systemLocales.length ? 'en' : 'ru';
}
