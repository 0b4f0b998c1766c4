/** Handlers of shared/contract/rpc/local.ts: the data folder's health, export and import of local data. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/rpc/errors';
import { Table as TABLES } from '../../../shared/contract/events';
import type { localMethods } from '../../../shared/contract/rpc/local';
import type { CoreContext, Handlers } from '../context';
import { DAMAGED_MARKER } from '../db/health';
import { RECOVERY_NOTICE_KEY, RecoveryNotice } from '../db/recover';
import { getMeta, setMeta } from '../settings/store';
import { listBackups } from './backups';
import { exportLocalData, importLocalData, parseLocalData } from './transfer';
import { forgetPartner } from './forget';

export const BACKUP_ERROR_KEY = 'backups.lastError';

function rebuiltNotice(ctx: CoreContext): RecoveryNotice | null {
  const raw = getMeta(ctx.db, RECOVERY_NOTICE_KEY);
  if (raw === null) return null;
  try {
    const r = RecoveryNotice.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export const localHandlers: Handlers<typeof localMethods> = {
  'app.health': (_i, ctx) => {
    const backups = listBackups(ctx.dataDir);
    return {
      cacheRebuilt: rebuiltNotice(ctx),
      cacheDamaged: existsSync(join(ctx.dataDir, DAMAGED_MARKER)),
      diskFullSince: ctx.faults?.diskFullSince ?? null,
      clock: ctx.clock?.status() ?? { offsetMs: null, measuredAt: null, disagrees: false },
      backups: { latest: backups.at(-1) ?? null, count: backups.length, error: getMeta(ctx.db, BACKUP_ERROR_KEY) },
    };
  },
  'app.dismissNotice': (_i, ctx) => {
    setMeta(ctx.db, RECOVERY_NOTICE_KEY, null);
    ctx.changed(['settings']);
    return { ok: true as const };
  },
  'localData.export': (_i, ctx) => {
    const file = exportLocalData(ctx.db, ctx.runtime?.version ?? '0.0.0', ctx.now());
    const day = file.exportedAt.slice(0, 10);
    return {
      fileName: `partner-desk-local-data-${day}.json`,
      mime: 'application/json',
      base64: Buffer.from(JSON.stringify(file, null, 1), 'utf8').toString('base64'),
    };
  },
  'localData.import': ({ text }, ctx) => {
    const file = parseLocalData(text);
    const added = importLocalData(ctx.db, file);
    ctx.changed(['settings', 'actions', 'audit', 'alerts', 'invitations']);
    ctx.runtime?.settingsChanged();
    if (added.pendingActions > 0 || added.pendingInvitations > 0) ctx.actionRunner?.wake();
    return { added };
  },
  'localData.forget': async (_i, ctx) => {
    if (ctx.runtime?.hasToken()) throw new AppError('forbidden', 'The platform connection must be removed first');
    const wipe = () => forgetPartner(ctx.db, ctx.dataDir);
    if (ctx.runtime) await ctx.runtime.whileQuiet(wipe);
    else wipe();
    ctx.reportJobs.clear();
    ctx.statements.clear();
    ctx.changed(TABLES.options);
    ctx.runtime?.settingsChanged();
    return { ok: true as const };
  },
};
