import type { SortColumn } from '../../../shared/contract/rpc/clients';

/** The list's columns in display order, with their grid widths. */
export const COLUMNS: { id: SortColumn; width: string; align?: 'end' }[] = [
  { id: 'name', width: 'minmax(150px, 1.5fr)' },
  { id: 'email', width: 'minmax(170px, 1.6fr)' },
  { id: 'phone', width: '128px' },
  { id: 'status', width: '116px' },
  { id: 'paymentModel', width: '120px' },
  { id: 'payment', width: '118px', align: 'end' },
  { id: 'bonus', width: '104px', align: 'end' },
  { id: 'projectsCount', width: '76px', align: 'end' },
  { id: 'invitedAt', width: '96px' },
  { id: 'registeredAt', width: '124px' },
];

export const GRID_TEMPLATE = ['36px', ...COLUMNS.map((c) => c.width)].join(' ');
export const ROW_HEIGHT = 34;
