/**
 * Deep links into the FAQ: `helpLink('debt')` is '#/help/debt'; an `<a href={helpLink('debt')}>`
 * anywhere opens the Help screen at that answer (the balance screen's negative balance does).
 * The ids are the partner FAQ's questions, in its order; a few older names still resolve.
 */
export const HELP_IDS = [
  'who',
  'become',
  'white_label',
  'settlements',
  'pricing',
  'certificate',
  'competencies',
  'training',
  'materials',
  'pilot',
  'tools',
  'support',
  'debt',
  'charges',
  'no_answer',
] as const;
export type HelpId = (typeof HELP_IDS)[number];

/** Earlier link names and the question that now answers them. */
const ALIASES: Record<string, HelpId> = { topup: 'debt', deals: 'tools', certification: 'certificate' };

export function helpLink(id: HelpId): string {
  return `#/help/${id}`;
}

/** The question id in an address like '#/help/debt', or null. */
export function helpIdOf(hash: string): HelpId | null {
  const m = /^#\/help\/([a-z_]+)/.exec(hash);
  const id = m?.[1];
  if (!id) return null;
  if ((HELP_IDS as readonly string[]).includes(id)) return id as HelpId;
  return ALIASES[id] ?? null;
}

/** Opens the Help screen at an answer (for buttons; links can use helpLink directly). */
export function openHelp(id: HelpId): void {
  location.hash = helpLink(id);
}
