/**
 * The cached ledger window (this month and the N before it, setting `ledgerWindowMonths`, default
 * 3) and what a balance answer says about it: where it starts, when the ledger was synced, and
 * whether a period reaches before it without having been fetched on demand.
 */
import type { StatementCache } from '../db/statements';
import { addDays, addMonths, localDateOf, localMidnightUtc } from '../../../shared/domain/time';

export const DEFAULT_WINDOW_MONTHS = 3;

function metaValue(statements: StatementCache, key: string): string | null {
  try {
    const r = statements.get('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return r?.value ?? null;
  } catch {
    return null;
  }
}

/** The window length in months, read from the settings the core keeps in meta. */
export function windowMonths(statements: StatementCache): number {
  for (const key of ['ledgerWindowMonths', 'ledger_window_months', 'settings.ledgerWindowMonths']) {
    const v = metaValue(statements, key);
    if (v !== null && /^\d+$/.test(v.trim())) return Number(v);
  }
  const json = metaValue(statements, 'settings');
  if (json) {
    try {
      const n = (JSON.parse(json) as { ledgerWindowMonths?: unknown }).ledgerWindowMonths;
      if (typeof n === 'number' && Number.isInteger(n) && n >= 0) return n;
    } catch {
      /* not JSON: fall through */
    }
  }
  return DEFAULT_WINDOW_MONTHS;
}

/** Region-local date where the cached window starts: the 1st of the month N months back. */
export function cachedFrom(statements: StatementCache, zone: string, now: number): string {
  const explicit = metaValue(statements, 'ledger_window_start');
  if (explicit && /^\d{4}-\d{2}-\d{2}/.test(explicit)) {
    return explicit.length === 10 ? explicit : localDateOf(explicit, zone);
  }
  return addMonths(localDateOf(now, zone), -windowMonths(statements));
}

/** When the ledger feed was last synced, or null. */
export function ledgerAsOf(statements: StatementCache): string | null {
  try {
    const r = statements.get("SELECT synced_at FROM sync_state WHERE feed = 'transactions'").get() as { synced_at: string | null } | undefined;
    const v = r?.synced_at ?? metaValue(statements, 'sync.lastSyncedAt');
    if (v && /^\d+$/.test(v)) return new Date(Number(v)).toISOString();
    return v ?? null;
  } catch {
    return null;
  }
}

/** True when [from, window start) is not covered by one period fetched on demand. */
export function isOutsideWindow(
  statements: StatementCache,
  clientId: string,
  from: string,
  to: string,
  windowStart: string,
  zone: string,
): boolean {
  if (from >= windowStart) return false;
  const fromMs = localMidnightUtc(from, zone);
  const startMs = Math.min(localMidnightUtc(windowStart, zone), localMidnightUtc(addDays(to, 1), zone));
  const r = statements.get('SELECT 1 AS one FROM ledger_fetched WHERE client_id = ? AND from_ms <= ? AND to_ms >= ? LIMIT 1').get(
    clientId,
    fromMs,
    startMs,
  );
  return !r;
}

export function cacheInfo(
  statements: StatementCache,
  q: { clientId: string; from: string; to: string },
  zone: string,
  now: number,
  currency: 'RUB' | 'KZT',
) {
  const start = cachedFrom(statements, zone, now);
  return {
    currency,
    timeZone: zone,
    cachedFrom: start,
    outsideWindow: isOutsideWindow(statements, q.clientId, q.from, q.to, start, zone),
    asOf: ledgerAsOf(statements),
  };
}
