/** Writing a platform client into the cache: one statement for the sync and for a fresh invite. */
import type { Client } from '../../../shared/contract/platform';
import { searchTextOf } from './queries';

export const UPSERT_CLIENT_SQL = `INSERT INTO clients (id, email, name, phone, external_id, status, payment_model, invited_at, registered_at,
    updated_at, payment_minor, bonus_minor, currency, balance_as_of, projects_count, search_text)
  VALUES (@id, @email, @name, @phone, @external_id, @status, @payment_model, @invited_at, @registered_at,
    @updated_at, @payment_minor, @bonus_minor, @currency, @balance_as_of, @projects_count, @search_text)
  ON CONFLICT(id) DO UPDATE SET email = excluded.email, name = excluded.name, phone = excluded.phone,
    external_id = excluded.external_id, status = excluded.status, payment_model = excluded.payment_model,
    invited_at = excluded.invited_at, registered_at = excluded.registered_at, updated_at = excluded.updated_at,
    payment_minor = excluded.payment_minor, bonus_minor = excluded.bonus_minor, currency = excluded.currency,
    balance_as_of = excluded.balance_as_of, projects_count = excluded.projects_count,
    search_text = excluded.search_text`;

/** The named parameters of UPSERT_CLIENT_SQL for a wire client. */
export function clientParams(c: Client) {
  return {
    id: c.id,
    email: c.email,
    name: c.name,
    phone: c.phone,
    external_id: c.external_id,
    status: c.status,
    payment_model: c.payment_model,
    invited_at: c.invited_at,
    registered_at: c.registered_at,
    updated_at: c.updated_at,
    payment_minor: c.balance.payment.amount_minor,
    bonus_minor: c.balance.bonus.amount_minor,
    currency: c.balance.payment.currency,
    balance_as_of: c.balance.as_of,
    projects_count: c.projects_count,
    search_text: searchTextOf(c),
  };
}
