/** Handlers of the app-level methods (shared/contract/rpc/app.ts): app info, settings, connection, sync status, platform. */
import type { appMethods } from '../../../shared/contract/rpc/app';
import { AppError } from '../../../shared/contract/rpc/errors';
import type { CoreContext, Handlers } from '../context';
import { connectionUrl, readPlatform, readSettings, writeConnection, writeSettings, lastSyncedAt } from './store';
import { recordAudit } from '../actions/audit';

const hasToken = (ctx: CoreContext) => ctx.runtime?.hasToken() ?? false;

/**
 * The settings whose change the audit log records: how often and how far back the partner's data
 * is fetched. The interface language and the start screen are the person's own view, not an action
 * on the partner's data, and are not recorded (the platform address is: connection.set).
 */
const AUDITED_SETTINGS = ['syncIntervalMin', 'ledgerWindowMonths'] as const;

export const settingsHandlers: Handlers<typeof appMethods> = {
  'app.info': (_i, ctx) => ({
    version: ctx.runtime?.version ?? '0.0.0',
    mode: ctx.runtime?.mode ?? 'browser',
    platform: process.platform,
  }),
  'settings.get': (_i, ctx) => readSettings(ctx.db, hasToken(ctx)),
  'settings.update': (patch, ctx) => {
    const before = readSettings(ctx.db, hasToken(ctx));
    // The audit log records what actually changed (a save with the same values records nothing).
    const changed: Record<string, unknown> = {};
    for (const k of AUDITED_SETTINGS) {
      if (patch[k] !== undefined && patch[k] !== before[k]) changed[k] = patch[k];
    }
    ctx.db.transaction(() => {
      writeSettings(ctx.db, patch);
      if (Object.keys(changed).length) recordAudit(ctx.db, { at: ctx.now(), action: 'settings', clientIds: [], detail: JSON.stringify(changed) });
    })();
    if (Object.keys(changed).length) ctx.changed(['audit']);
    ctx.runtime?.settingsChanged();
    ctx.changed(['settings']);
    return readSettings(ctx.db, hasToken(ctx));
  },
  // The core records kind and address; the host keeps the token and calls setConnection.
  'connection.set': (input, ctx) => {
    if (input.kind === 'custom' && !input.url) {
      throw new AppError('invalid_input', 'A custom connection needs an address', { fields: { url: 'required' } });
    }
    const url = connectionUrl(input.kind, input.url);
    ctx.db.transaction(() => {
      writeConnection(ctx.db, input.kind, url);
      // The kind and the address; the token never reaches the core.
      recordAudit(ctx.db, { at: ctx.now(), action: 'connection', clientIds: [], detail: JSON.stringify({ kind: input.kind, url: url ?? null }) });
    })();
    ctx.changed(['settings', 'audit']);
    return readSettings(ctx.db, hasToken(ctx));
  },
  'sync.status': (_i, ctx) =>
    ctx.runtime?.syncStatus() ?? {
      running: false,
      phase: null,
      done: 0,
      total: null,
      lastSyncedAt: lastSyncedAt(ctx.db),
      lastError: null,
      connectivity: 'unknown',
      nextSyncAt: null,
    },
  'sync.now': (_i, ctx) => ({ started: ctx.runtime?.syncNow() ?? false }),
  'platform.get': (_i, ctx) => readPlatform(ctx.db),
};
