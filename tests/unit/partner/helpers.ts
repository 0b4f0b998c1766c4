/** A temp cache with the real migrations and a bare CoreContext for the partner feature's unit tests. */
import type Database from 'better-sqlite3';
import { tempDb } from '../../support/temp-db';
import type { CoreContext } from '../../../electron/core/context';
import { ReportJobs } from '../../../electron/core/partner/report/jobs';
import { StatementCache } from '../../../electron/core/db/statements';
import { AppError } from '../../../shared/contract/rpc/errors';
import type { PartnerApi } from '../../../electron/core/partner-api/client';
import type { Table } from '../../../shared/contract/events';

export interface TestCtx extends CoreContext {
  changes: Table[][];
  events: { event: string; payload: unknown }[];
  setNow(ms: number): void;
  cleanup(): void;
}

export function makeCtx(opts: { now?: number; zone?: string; api?: PartnerApi } = {}): TestCtx {
  const temp = tempDb({ prefix: 'partner' });
  const { db, dir } = temp;
  let now = opts.now ?? Date.parse('2026-03-15T12:00:00Z');
  const changes: Table[][] = [];
  const events: { event: string; payload: unknown }[] = [];
  return {
    db,
    statements: new StatementCache(db),
    dataDir: dir,
    reportJobs: new ReportJobs(),
    changes,
    events,
    api() {
      if (!opts.api) throw new AppError('not_configured', 'No platform connection is configured');
      return opts.api;
    },
    emit(event, payload) {
      events.push({ event, payload });
    },
    changed(tables) {
      changes.push(tables);
    },
    now: () => now,
    setNow(ms) {
      now = ms;
    },
    timeZone: () => opts.zone ?? 'Europe/Moscow',
    requestSync() {},
    cleanup: temp.close,
  };
}

export interface ClientSeed {
  id: string;
  name?: string | null;
  email?: string;
  payment: number;
  bonus?: number;
  model?: 'prepaid' | 'postpaid';
  currency?: 'RUB' | 'KZT';
}

let updates = 0;
export function putClient(db: Database.Database, c: ClientSeed): void {
  db.prepare(
    `INSERT INTO clients (id, email, name, phone, external_id, status, payment_model, invited_at, registered_at, updated_at,
       payment_minor, bonus_minor, currency, balance_as_of, projects_count, search_text)
     VALUES (@id, @email, @name, NULL, NULL, 'active', @model, '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z', @updated,
       @payment, @bonus, @currency, @updated, 1, @id)
     ON CONFLICT(id) DO UPDATE SET payment_minor = excluded.payment_minor, bonus_minor = excluded.bonus_minor,
       updated_at = excluded.updated_at, balance_as_of = excluded.balance_as_of, payment_model = excluded.payment_model`,
  ).run({
    id: c.id,
    email: c.email ?? `${c.id}@example.ru`,
    name: c.name === undefined ? `Client ${c.id}` : c.name,
    model: c.model ?? 'postpaid',
    payment: c.payment,
    bonus: c.bonus ?? 0,
    currency: c.currency ?? 'RUB',
    updated: new Date(Date.parse('2026-01-01T00:00:00Z') + ++updates * 1000).toISOString(),
  });
}

let txSeq = 0;
export function putTx(
  db: Database.Database,
  t: { clientId: string; at: string | number; kind?: 'debit' | 'credit'; amount: number; service?: string | null; pid?: string | null },
): void {
  db.prepare(
    `INSERT INTO transactions (id, client_id, project_pid, at_ms, kind, amount_minor, currency, service, description)
     VALUES (?, ?, ?, ?, ?, ?, 'RUB', ?, '')`,
  ).run(
    `t${++txSeq}`,
    t.clientId,
    t.pid ?? null,
    typeof t.at === 'number' ? t.at : Date.parse(t.at),
    t.kind ?? 'debit',
    t.amount,
    t.kind === 'credit' ? null : (t.service ?? 'compute'),
  );
}
