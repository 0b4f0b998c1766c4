import type { SortColumn } from '../../../shared/contract/rpc/clients';

/** The list's columns in display order, with their grid widths. */
export const COLUMNS: { id: SortColumn; width: string; align?: 'end' }[] = [
  { id: 'name', width: 'minmax(140px, 1.4fr)' },
  { id: 'email', width: 'minmax(150px, 1.5fr)' },
  { id: 'phone', width: '142px' },
  { id: 'status', width: '132px' },
  { id: 'paymentModel', width: '104px' },
  { id: 'payment', width: '124px', align: 'end' },
  { id: 'bonus', width: '112px', align: 'end' },
  { id: 'projectsCount', width: '84px', align: 'end' },
  { id: 'invitedAt', width: '104px' },
  { id: 'registeredAt', width: '112px' },
];

/** The checkbox, the columns, then the row's actions menu. */
export const GRID_TEMPLATE = ['36px', ...COLUMNS.map((c) => c.width), '44px'].join(' ');
export const ROW_HEIGHT = 34;
