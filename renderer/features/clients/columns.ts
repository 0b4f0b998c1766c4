import type { SortColumn } from '../../../shared/contract/rpc/clients';

/** The list's columns in display order, with their grid widths. */
export const COLUMNS: { id: SortColumn; width: string; align?: 'end' }[] = [
  { id: 'name', width: 'minmax(140px, 1.4fr)' },
  { id: 'email', width: 'minmax(160px, 1.5fr)' },
  { id: 'phone', width: '134px' },
  { id: 'status', width: '136px' },
  { id: 'paymentModel', width: '104px' },
  { id: 'payment', width: '120px', align: 'end' },
  { id: 'bonus', width: '92px', align: 'end' },
  { id: 'projectsCount', width: '90px', align: 'end' },
  { id: 'invitedAt', width: '104px' },
  { id: 'registeredAt', width: '112px' },
];

export const GRID_TEMPLATE = ['36px', ...COLUMNS.map((c) => c.width)].join(' ');
export const ROW_HEIGHT = 34;
