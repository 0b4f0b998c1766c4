/** Handlers of the app-level methods (shared/contract/rpc/app.ts): app info, settings, connection, sync status, platform. */
import type { appMethods } from '../../../shared/contract/rpc/app';
import { AppError } from '../../../shared/contract/rpc/errors';
import type { CoreContext, Handlers } from '../context';
import { connectionUrl, readPlatform, readSettings, writeConnection, writeSettings, lastSyncedAt } from './store';

const hasToken = (ctx: CoreContext) => ctx.runtime?.hasToken() ?? false;

export const settingsHandlers: Handlers<typeof appMethods> = {
  'app.info': (_i, ctx) => ({
    version: ctx.runtime?.version ?? '0.0.0',
    mode: ctx.runtime?.mode ?? 'browser',
    platform: process.platform,
  }),
  'settings.get': (_i, ctx) => readSettings(ctx.db, hasToken(ctx)),
  'settings.update': (patch, ctx) => {
    writeSettings(ctx.db, patch);
    ctx.runtime?.settingsChanged();
    ctx.changed(['settings']);
    return readSettings(ctx.db, hasToken(ctx));
  },
  // The core records kind and address; the host keeps the token and calls setConnection.
  'connection.set': (input, ctx) => {
    if (input.kind === 'custom' && !input.url) {
      throw new AppError('invalid_input', 'A custom connection needs an address', { fields: { url: 'required' } });
    }
    writeConnection(ctx.db, input.kind, connectionUrl(input.kind, input.url));
    ctx.changed(['settings']);
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
