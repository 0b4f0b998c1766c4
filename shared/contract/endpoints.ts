/** Every endpoint of the platform, as data: the demo platform's router and the OpenAPI document read it. */
import { z } from 'zod';
import * as P from './platform';

export interface Endpoint {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  summary: string;
  auth: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: Record<number, z.ZodType>;
}

const err = P.ErrorEnvelope;
const common = { 401: err, 429: err, 500: err };

export const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: '/platform', summary: 'Region, time zone, currency and lifecycle policies', auth: true, responses: { 200: P.PlatformInfo, ...common } },
  { method: 'GET', path: '/partner', summary: 'The partner', auth: true, responses: { 200: P.Partner, ...common } },
  { method: 'GET', path: '/clients', summary: 'List clients', auth: true, query: P.ClientsQuery, responses: { 200: P.ClientsPage, 422: err, ...common } },
  { method: 'GET', path: '/clients/changes', summary: 'Sync feed of clients, oldest change first, with tombstones', auth: true, query: P.ChangesQuery, responses: { 200: P.ClientChangesPage, 422: err, ...common } },
  { method: 'GET', path: '/clients/{id}', summary: 'One client', auth: true, responses: { 200: P.Client, 404: err, ...common } },
  { method: 'POST', path: '/clients', summary: 'Invite a client', auth: true, body: P.InviteBody, responses: { 201: P.Client, 409: err, 422: err, ...common } },
  { method: 'POST', path: '/clients/{id}/block', summary: 'Block a client (idempotent)', auth: true, responses: { 200: P.Client, 404: err, 409: err, ...common } },
  { method: 'POST', path: '/clients/{id}/unblock', summary: 'Unblock a client (idempotent)', auth: true, responses: { 200: P.Client, 404: err, 409: err, ...common } },
  { method: 'DELETE', path: '/clients/{id}', summary: 'Detach a client from the partner', auth: true, responses: { 200: P.Deleted, 404: err, ...common } },
  { method: 'POST', path: '/clients/bulk', summary: 'Block, unblock or delete up to 500 clients', auth: true, body: P.BulkBody, responses: { 200: P.BulkResult, 422: err, ...common } },
  { method: 'GET', path: '/clients/{id}/projects', summary: "A client's projects", auth: true, responses: { 200: P.ProjectsList, 404: err, ...common } },
  { method: 'GET', path: '/projects/changes', summary: 'Projects feed for sync: each changed client with its whole project list, in client change order (extension)', auth: true, query: P.ChangesQuery.pick({ limit: true, cursor: true }), responses: { 200: P.ProjectChangesPage, 422: err, ...common } },
  { method: 'GET', path: '/transactions/changes', summary: 'Ledger feed for sync, all clients, oldest first', auth: true, query: P.ChangesQuery, responses: { 200: P.TransactionsPage, 422: err, ...common } },
  { method: 'GET', path: '/clients/{id}/transactions', summary: "A client's transactions", auth: true, query: P.TransactionsQuery, responses: { 200: P.TransactionsPage, 404: err, 422: err, ...common } },
  { method: 'GET', path: '/clients/{id}/expenses', summary: 'Expenses by service or project, bucketed in region time', auth: true, query: P.ExpensesQuery, responses: { 200: P.Expenses, 404: err, 422: err, ...common } },
  { method: 'GET', path: '/invitations', summary: 'Pending and expired invitations', auth: true, query: P.ChangesQuery.pick({ limit: true, cursor: true }), responses: { 200: P.InvitationsPage, ...common } },
  { method: 'POST', path: '/invitations/{id}/resend', summary: 'Resend an invitation', auth: true, responses: { 200: P.Invitation, 404: err, ...common } },
  { method: 'DELETE', path: '/invitations/{id}', summary: 'Revoke an invitation', auth: true, responses: { 200: z.strictObject({ id: P.Id, revoked: z.literal(true) }), 404: err, ...common } },
  { method: 'GET', path: '/reports/consumption', summary: 'Per-client totals for a month', auth: true, query: z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }), responses: { 200: P.ConsumptionReport, 422: err, ...common } },
  { method: 'POST', path: '/partner-applications', summary: 'Apply to become a partner (public)', auth: false, body: P.PartnerApplicationBody, responses: { 201: P.PartnerApplicationReceipt, 422: err, 429: err } },
];

// Deals (issue 7): the partner registers a deal with VK Cloud and follows its status.
ENDPOINTS.push(
  { method: 'GET', path: '/deals', summary: "The partner's registered deals, newest first", auth: true, query: P.DealsQuery, responses: { 200: P.DealsPage, 422: err, ...common } },
  { method: 'POST', path: '/deals', summary: 'Register a deal (Idempotency-Key honoured)', auth: true, body: P.DealBody, responses: { 201: P.Deal, 409: err, 422: err, ...common } },
  { method: 'GET', path: '/deals/{id}', summary: 'One deal', auth: true, responses: { 200: P.Deal, 404: err, ...common } },
);
