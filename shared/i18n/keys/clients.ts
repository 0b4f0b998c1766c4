/** Client enum values and list columns -> literal catalogue keys, for the screens and the exports alike. */
import type { ClientStatus, PaymentModel } from '../../contract/platform';
import type { SortColumn } from '../../contract/rpc/clients';

export const STATUS_KEY: Record<ClientStatus, string> = {
  invited: 'clients:status.invited',
  active: 'clients:status.active',
  blocked: 'clients:status.blocked',
};

export const PAYMENT_MODEL_KEY: Record<PaymentModel, string> = {
  prepaid: 'clients:paymentModel.prepaid',
  postpaid: 'clients:paymentModel.postpaid',
};

/** The client list's columns (headers on screen and in the export). */
export const COLUMN_KEY: Record<SortColumn, string> = {
  name: 'clients:column.name',
  email: 'clients:column.email',
  phone: 'clients:column.phone',
  externalId: 'clients:column.externalId',
  status: 'clients:column.status',
  paymentModel: 'clients:column.paymentModel',
  payment: 'clients:column.payment',
  bonus: 'clients:column.bonus',
  projectsCount: 'clients:column.projectsCount',
  invitedAt: 'clients:column.invitedAt',
  registeredAt: 'clients:column.registeredAt',
};
