/** RPC: the client list and one client, read from the local cache. */
import { z } from 'zod';
import { method } from './define';
import { ClientStatus, Currency, PaymentModel, Project, LIMITS, BulkAction } from '../platform';

export const ClientRow = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  externalId: z.string().nullable(),
  status: ClientStatus,
  paymentModel: PaymentModel,
  invitedAt: z.string(),
  registeredAt: z.string().nullable(),
  updatedAt: z.string(),
  /** Minor units. */
  payment: z.number().int(),
  bonus: z.number().int(),
  currency: Currency,
  balanceAsOf: z.string(),
  projectsCount: z.number().int(),
  /** An action waiting in the outbox for this client, if any. */
  pendingAction: BulkAction.nullable(),
});
export type ClientRow = z.infer<typeof ClientRow>;

export const SortColumn = z.enum([
  'name',
  'email',
  'phone',
  'externalId',
  'status',
  'paymentModel',
  'payment',
  'bonus',
  'projectsCount',
  'invitedAt',
  'registeredAt',
]);
export type SortColumn = z.infer<typeof SortColumn>;

export const ClientFilter = z.strictObject({
  search: z.string().max(LIMITS.search).default(''),
  statuses: z.array(ClientStatus).max(3).default([]),
  paymentModels: z.array(PaymentModel).max(2).default([]),
  /** Only clients whose payment balance is below zero. */
  negativeOnly: z.boolean().default(false),
  /** Prepaid clients whose funds (payment + bonus, above zero) run out within this many days at the last 30 days' spend. */
  runsOutWithinDays: z.number().int().min(1).max(365).optional(),
  /** Clients still invited whose invitation is older than this many days. */
  invitedOverDays: z.number().int().min(1).max(3650).optional(),
  /** Exactly these clients (a Home figure's set); empty: no restriction. */
  ids: z.array(z.string().min(1).max(LIMITS.id)).max(100).optional(),
});
export type ClientFilter = z.infer<typeof ClientFilter>;

export const ClientsListInput = ClientFilter.extend({
  sort: z.strictObject({ column: SortColumn, dir: z.enum(['asc', 'desc']) }).default({ column: 'name', dir: 'asc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ClientsListInput = z.input<typeof ClientsListInput>;

export const ProjectRow = Project.extend({});

export const clientsMethods = {
  'clients.list': method(ClientsListInput, z.object({ rows: z.array(ClientRow), total: z.number().int() })),
  /** A page of the list without the count: what the screen paints first. */
  'clients.rows': method(ClientsListInput, z.object({ rows: z.array(ClientRow) })),
  /** How many clients the filter matches (asked beside clients.rows, answered after it). */
  'clients.count': method(ClientFilter, z.object({ total: z.number().int() })),
  /** Every id matching the filter, for "select all N" (rows never rendered included). */
  'clients.ids': method(ClientFilter, z.object({ ids: z.array(z.string()) })),
  'clients.get': method(
    z.strictObject({ id: z.string().min(1).max(LIMITS.id) }),
    z.object({ client: ClientRow, projects: z.array(ProjectRow) }),
  ),
};
