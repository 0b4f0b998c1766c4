/**
 * The client list's filters behind Home's figures (shared/contract/rpc/clients.ts ClientFilter):
 * funds running out, stale invitations, an exact set of ids. Times are relative to the moment
 * Home's figures were built (home_state.now_ms, after each sync), so a figure and the list it
 * opens count the very same clients; before the first build, to the current time.
 */
import type { ClientFilter } from '../../../shared/contract/rpc/clients';
import { SPEND_BASIS_DAYS } from './precompute';

const HOME_NOW_S = `coalesce((SELECT now_ms / 1000 FROM home_state WHERE id = 1), CAST(strftime('%s', 'now') AS INTEGER))`;

/** Adds the WHERE parts (over `c`, the clients row) and their named parameters. */
export function homeFilterSql(f: ClientFilter, parts: string[], params: Record<string, string | number>): void {
  if (f.runsOutWithinDays !== undefined) {
    // Whole days to zero = floor(funds * 30 / spent30) < N  ⇔  funds * 30 < N * spent30 (the alert rule's freeze_soon).
    parts.push(
      `c.payment_model = 'prepaid' AND c.payment_minor + c.bonus_minor > 0 AND EXISTS (SELECT 1 FROM home_client h
         WHERE h.client_id = c.id AND h.spent30_minor > 0 AND (c.payment_minor + c.bonus_minor) * ${SPEND_BASIS_DAYS} < @runsOut * h.spent30_minor)`,
    );
    params.runsOut = f.runsOutWithinDays;
  }
  if (f.invitedOverDays !== undefined) {
    parts.push(`c.status = 'invited' AND c.invited_at < strftime('%Y-%m-%dT%H:%M:%SZ', ${HOME_NOW_S} - @invitedDays * 86400, 'unixepoch')`);
    params.invitedDays = f.invitedOverDays;
  }
  if (f.ids !== undefined && f.ids.length > 0) {
    parts.push('c.id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(f.ids);
  }
}
