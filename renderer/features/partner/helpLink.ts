/**
 * Deep links into the FAQ: `helpLink('debt')` is '#/help/debt'; an `<a href={helpLink('debt')}>`
 * anywhere opens the Help screen at that answer (the balance screen's negative balance does).
 */
export const HELP_IDS = ['who', 'settlements', 'pricing', 'topup', 'debt', 'certification', 'deals', 'pilot'] as const;
export type HelpId = (typeof HELP_IDS)[number];

export function helpLink(id: HelpId): string {
  return `#/help/${id}`;
}

/** The question id in an address like '#/help/debt', or null. */
export function helpIdOf(hash: string): HelpId | null {
  const m = /^#\/help\/([a-z_]+)/.exec(hash);
  const id = m?.[1];
  return id && (HELP_IDS as readonly string[]).includes(id) ? (id as HelpId) : null;
}

/** Opens the Help screen at an answer (for buttons; links can use helpLink directly). */
export function openHelp(id: HelpId): void {
  location.hash = helpLink(id);
}
