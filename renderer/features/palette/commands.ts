/**
 * What the palette offers without a client: every screen of the route table (the client page
 * aside: reaching it needs a client, which the search gives) and the app's commands.
 */
import type { RouteName } from '../../state/nav';

/** Each screen's name (the header's label where it has one), as literal catalogue keys. */
export const SCREEN_KEY: Record<Exclude<RouteName, 'client'>, string> = {
  home: 'home:nav',
  clients: 'common:nav.clients',
  invitations: 'common:nav.invitations',
  audit: 'common:nav.audit',
  deals: 'partner:nav.deals',
  report: 'partner:nav.report',
  alerts: 'partner:nav.alerts',
  help: 'partner:nav.help',
  apply: 'palette:route.apply',
  settings: 'common:nav.settings',
};

export const SECTION_KEY = {
  clients: 'palette:section.clients',
  go: 'palette:section.go',
  commands: 'palette:section.commands',
  views: 'palette:section.views',
  actions: 'palette:section.actions',
} as const;
export type SectionId = keyof typeof SECTION_KEY;

/** Whether a label matches what was typed: every word of it somewhere in the label, any case. */
export function labelMatches(label: string, query: string): boolean {
  const l = label.toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => l.includes(w));
}
