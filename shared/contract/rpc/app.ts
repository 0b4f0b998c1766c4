/** RPC: the app, settings, connection, sync status and the platform's declared info. */
import { z } from 'zod';
import { method, NoInput } from './define';
import { Connectivity, SyncPhase } from '../events';
import { PlatformInfo, Partner } from '../platform';
import { platformAddressProblem } from '../../domain/address';

/**
 * A platform address: http(s) with a host; plain http:// only to this computer (the token would
 * cross the network in clear text otherwise). The reason `insecure_url` reaches the form's field.
 */
export const PlatformAddress = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine((u) => platformAddressProblem(u) === null, { message: 'insecure_url' });

export const Language = z.enum(['ru', 'en']);
export type Language = z.infer<typeof Language>;
export const ConnectionKind = z.enum(['demo', 'vk', 'vk_mcs', 'custom']);
export type ConnectionKind = z.infer<typeof ConnectionKind>;
/** Preset addresses of the platform for each connection kind (custom takes the user's URL). */
export const CONNECTION_PRESETS: Record<Exclude<ConnectionKind, 'custom' | 'demo'>, string> = {
  vk: 'https://cloud.vk.com',
  vk_mcs: 'https://mcs.mail.ru',
};

/** The screen the app opens on: the Home overview, or the client list for those who prefer it. */
export const StartScreen = z.enum(['home', 'clients']);
export type StartScreen = z.infer<typeof StartScreen>;

export const Settings = z.object({
  language: Language.nullable(),
  startScreen: StartScreen,
  /** Minutes between scheduled syncs. */
  syncIntervalMin: z.number().int().min(1).max(1440),
  /** How many months before the current one the offline ledger keeps (0 = this month only). */
  ledgerWindowMonths: z.number().int().min(0).max(120),
  connection: z.object({
    kind: ConnectionKind,
    url: z.string().nullable(),
    hasToken: z.boolean(),
  }),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = z.strictObject({
  language: Language.optional(),
  startScreen: StartScreen.optional(),
  syncIntervalMin: z.number().int().min(1).max(1440).optional(),
  ledgerWindowMonths: z.number().int().min(0).max(120).optional(),
});

export const ConnectionInput = z.strictObject({
  kind: ConnectionKind,
  /** Required for custom; ignored for the presets and the demo. */
  url: PlatformAddress.optional(),
  token: z.string().trim().min(1).max(500).optional(),
});

export const SyncStatus = z.object({
  running: z.boolean(),
  phase: SyncPhase.nullable(),
  done: z.number().int(),
  total: z.number().int().nullable(),
  lastSyncedAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  connectivity: Connectivity,
  nextSyncAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const appMethods = {
  'app.info': method(
    NoInput,
    z.object({
      version: z.string(),
      mode: z.enum(['desktop', 'browser']),
      platform: z.string(),
    }),
  ),
  'settings.get': method(NoInput, Settings),
  'settings.update': method(SettingsPatch, Settings),
  'connection.set': method(ConnectionInput, Settings),
  'sync.status': method(NoInput, SyncStatus),
  'sync.now': method(NoInput, z.object({ started: z.boolean() })),
  'platform.get': method(
    NoInput,
    z.object({ platform: PlatformInfo.nullable(), partner: Partner.nullable() }),
  ),
};
