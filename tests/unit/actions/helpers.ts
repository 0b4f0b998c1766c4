/** Cached clients to act on (in a database from tests/support/temp-db), and a core context over it. */
import type Database from 'better-sqlite3';
import type { ClientStatus } from '../../../shared/contract/platform';
import type { CoreContext } from '../../../electron/core/context';
import { ReportJobs } from '../../../electron/core/partner/report/jobs';
import { StatementCache } from '../../../electron/core/db/statements';
import { ApiError } from '../../../electron/core/partner-api/errors';

/** A core context over the database for the RPC handlers: the platform offline unless `api` is given, a fixed clock. */
export function ctxOf(db: Database.Database, extra: Partial<CoreContext> = {}): CoreContext {
  return {
    db,
    statements: new StatementCache(db),
    api: () => {
      throw new ApiError('network', 'offline');
    },
    emit: () => {},
    changed: () => {},
    now: () => Date.parse('2026-11-22T10:00:00Z'),
    timeZone: () => 'Europe/Moscow',
    requestSync: () => {},
    dataDir: '/nonexistent',
    reportJobs: new ReportJobs(),
    ...extra,
  };
}

export function seedClients(db: Database.Database, n: number, status: (i: number) => ClientStatus = () => 'active'): string[] {
  const ins = db.prepare(
    `INSERT INTO clients (id, email, name, phone, external_id, status, payment_model, invited_at, registered_at, updated_at,
       payment_minor, bonus_minor, currency, balance_as_of, projects_count, search_text)
     VALUES (?, ?, ?, NULL, NULL, ?, 'prepaid', '2026-01-01T00:00:00Z', NULL, '2026-01-01T00:00:00Z', 0, 0, 'RUB', '2026-01-01T00:00:00Z', 1, ?)`,
  );
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = `c${String(i).padStart(6, '0')}`;
      ins.run(id, `${id}@example.com`, `Client ${i}`, status(i), `${id} client ${i}`);
      ids.push(id);
    }
  })();
  return ids;
}
