/**
 * The cached ledger window (this month and the N before it, setting `ledgerWindowMonths`, default
 * 3) and what a balance answer says about it: where it starts, when the ledger was synced, and
 * whether a period reaches before it without having been fetched on demand.
 */
import type Database from 'better-sqlite3';
import { addDays, addMonths, localDateOf, localMidnightUtc } from '../../../shared/domain/time';
import { prepared } from './aggregate';

export const DEFAULT_WINDOW_MONTHS = 3;

function metaValue(db: Database.Database, key: string): string | null {
  try {
    const r = prepared(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return r?.value ?? null;
  } catch {
    return null;
  }
}

/** The window length in months, read from the settings the core keeps in meta. */
export function windowMonths(db: Database.Database): number {
  for (const key of ['ledgerWindowMonths', 'ledger_window_months', 'settings.ledgerWindowMonths']) {
    const v = metaValue(db, key);
    if (v !== null && /^\d+$/.test(v.trim())) return Number(v);
  }
  const json = metaValue(db, 'settings');
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
export function cachedFrom(db: Database.Database, zone: string, now: number): string {
  const explicit = metaValue(db, 'ledger_window_start');
  if (explicit && /^\d{4}-\d{2}-\d{2}/.test(explicit)) {
    return explicit.length === 10 ? explicit : localDateOf(explicit, zone);
  }
  return addMonths(localDateOf(now, zone), -windowMonths(db));
}

/** When the ledger feed was last synced, or null. */
export function ledgerAsOf(db: Database.Database): string | null {
  try {
    const r = prepared(db, "SELECT synced_at FROM sync_state WHERE feed = 'transactions'").get() as { synced_at: string | null } | undefined;
    const v = r?.synced_at ?? metaValue(db, 'sync.lastSyncedAt');
    if (v && /^\d+$/.test(v)) return new Date(Number(v)).toISOString();
    return v ?? null;
  } catch {
    return null;
  }
}

/** True when [from, window start) is not covered by one period fetched on demand. */
export function isOutsideWindow(
  db: Database.Database,
  clientId: string,
  from: string,
  to: string,
  windowStart: string,
  zone: string,
): boolean {
  if (from >= windowStart) return false;
  const fromMs = localMidnightUtc(from, zone);
  const startMs = Math.min(localMidnightUtc(windowStart, zone), localMidnightUtc(addDays(to, 1), zone));
  const r = prepared(db, 'SELECT 1 AS one FROM ledger_fetched WHERE client_id = ? AND from_ms <= ? AND to_ms >= ? LIMIT 1').get(
    clientId,
    fromMs,
    startMs,
  );
  return !r;
}

export function cacheInfo(
  db: Database.Database,
  q: { clientId: string; from: string; to: string },
  zone: string,
  now: number,
  currency: 'RUB' | 'KZT',
) {
  const start = cachedFrom(db, zone, now);
  return {
    currency,
    timeZone: zone,
    cachedFrom: start,
    outsideWindow: isOutsideWindow(db, q.clientId, q.from, q.to, start, zone),
    asOf: ledgerAsOf(db),
  };
}
