/**
 * Settings and the platform's declared info, kept in the cache's `meta` table. The token is
 * never stored here (the host keeps it; on the desktop encrypted with safeStorage).
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  ConnectionKind,
  Language,
  CONNECTION_PRESETS,
  type Settings,
} from '../../../shared/contract/rpc/app';
import { PlatformInfo, Partner } from '../../../shared/contract/platform';

export const DEFAULT_SYNC_INTERVAL_MIN = 5;
export const DEFAULT_LEDGER_WINDOW_MONTHS = 3;
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/** The meta table keys of the settings, the connection and the platform. */
const META_KEY = {
  language: 'settings.language',
  startScreen: 'settings.startScreen',
  interval: 'settings.syncIntervalMin',
  window: 'settings.ledgerWindowMonths',
  kind: 'connection.kind',
  url: 'connection.url',
  platform: 'platform.info',
  partner: 'platform.partner',
  lastSyncedAt: 'sync.lastSyncedAt',
} as const;

export function getMeta(db: Database.Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? row.value : null;
}
export function setMeta(db: Database.Database, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM meta WHERE key = ?').run(key);
  else db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

function intSetting(db: Database.Database, key: string, dflt: number, min: number, max: number): number {
  const v = Number(getMeta(db, key));
  return getMeta(db, key) !== null && Number.isInteger(v) && v >= min && v <= max ? v : dflt;
}

export function syncIntervalMin(db: Database.Database): number {
  return intSetting(db, META_KEY.interval, DEFAULT_SYNC_INTERVAL_MIN, 1, 1440);
}
export function ledgerWindowMonths(db: Database.Database): number {
  return intSetting(db, META_KEY.window, DEFAULT_LEDGER_WINDOW_MONTHS, 0, 120);
}

export function readSettings(db: Database.Database, hasToken: boolean): Settings {
  const lang = Language.safeParse(getMeta(db, META_KEY.language));
  const kind = ConnectionKind.safeParse(getMeta(db, META_KEY.kind));
  return {
    language: lang.success ? lang.data : null,
    startScreen: getMeta(db, META_KEY.startScreen) === 'clients' ? 'clients' : 'home',
    syncIntervalMin: syncIntervalMin(db),
    ledgerWindowMonths: ledgerWindowMonths(db),
    connection: { kind: kind.success ? kind.data : 'demo', url: getMeta(db, META_KEY.url), hasToken },
  };
}

export interface SettingsPatch {
  language?: z.infer<typeof Language> | undefined;
  startScreen?: 'home' | 'clients' | undefined;
  syncIntervalMin?: number | undefined;
  ledgerWindowMonths?: number | undefined;
}
export function writeSettings(db: Database.Database, patch: SettingsPatch): void {
  db.transaction(() => {
    if (patch.language !== undefined) setMeta(db, META_KEY.language, patch.language);
    if (patch.syncIntervalMin !== undefined) setMeta(db, META_KEY.interval, String(patch.syncIntervalMin));
    if (patch.ledgerWindowMonths !== undefined) setMeta(db, META_KEY.window, String(patch.ledgerWindowMonths));
    if (patch.startScreen !== undefined) setMeta(db, META_KEY.startScreen, patch.startScreen);
  })();
}

/** The address a connection kind points at: the preset, or the given URL (custom, demo). */
export function connectionUrl(kind: z.infer<typeof ConnectionKind>, url: string | null | undefined): string | null {
  if (kind === 'vk' || kind === 'vk_mcs') return CONNECTION_PRESETS[kind];
  return url ?? null;
}
export function writeConnection(db: Database.Database, kind: z.infer<typeof ConnectionKind>, url: string | null): void {
  db.transaction(() => {
    setMeta(db, META_KEY.kind, kind);
    setMeta(db, META_KEY.url, url);
  })();
}

// ---------- platform info (written by sync) ----------
export function readPlatform(db: Database.Database): { platform: PlatformInfo | null; partner: Partner | null } {
  const parse = <T>(schema: z.ZodType<T>, raw: string | null): T | null => {
    if (raw === null) return null;
    try {
      const r = schema.safeParse(JSON.parse(raw));
      return r.success ? r.data : null;
    } catch {
      return null;
    }
  };
  return { platform: parse(PlatformInfo, getMeta(db, META_KEY.platform)), partner: parse(Partner, getMeta(db, META_KEY.partner)) };
}
export function writePlatform(db: Database.Database, platform: PlatformInfo, partner: Partner): void {
  db.transaction(() => {
    setMeta(db, META_KEY.platform, JSON.stringify(platform));
    setMeta(db, META_KEY.partner, JSON.stringify(partner));
  })();
}
export function platformTimeZone(db: Database.Database): string {
  return readPlatform(db).platform?.time_zone ?? DEFAULT_TIME_ZONE;
}

export function lastSyncedAt(db: Database.Database): string | null {
  return getMeta(db, META_KEY.lastSyncedAt);
}
export function setLastSyncedAt(db: Database.Database, iso: string): void {
  setMeta(db, META_KEY.lastSyncedAt, iso);
}
