/** The list's column state: order repair, hide (one always stays), move, place, widths, the grid template. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS, type ColumnsState } from '../../../shared/contract/rpc/views';
import { gridTemplate, moveColumn, orderedColumns, placeColumn, setHidden, setWidth, visibleColumns } from '../../../renderer/features/clients/columns';

const ids = (s: ColumnsState) => visibleColumns(s).map((c) => c.id);

describe('columns', () => {
  it('an order missing columns gets them back at the end in the default order; duplicates go', () => {
    expect(orderedColumns({ order: ['email', 'email', 'name'], hidden: [], widths: {} })).toEqual([
      'email', 'name', 'phone', 'externalId', 'status', 'paymentModel', 'payment', 'bonus', 'projectsCount', 'invitedAt', 'registeredAt',
    ]);
  });

  it('hides and shows; the last shown column stays', () => {
    let s = setHidden(DEFAULT_COLUMNS, 'phone', true);
    expect(ids(s)).not.toContain('phone');
    s = setHidden(s, 'externalId', false);
    expect(ids(s)).toContain('externalId');
    const one: ColumnsState = { ...DEFAULT_COLUMNS, hidden: DEFAULT_COLUMNS.order.filter((c) => c !== 'email') };
    expect(setHidden(one, 'email', true)).toBe(one);
  });

  it('moves by steps (clamped) and places before or after another', () => {
    expect(orderedColumns(moveColumn(DEFAULT_COLUMNS, 'status', -2)).slice(0, 5)).toEqual(['name', 'email', 'status', 'phone', 'externalId']);
    expect(orderedColumns(moveColumn(DEFAULT_COLUMNS, 'name', -1))).toEqual(DEFAULT_COLUMNS.order);
    expect(orderedColumns(moveColumn(DEFAULT_COLUMNS, 'name', 99)).at(-1)).toBe('name');
    expect(orderedColumns(placeColumn(DEFAULT_COLUMNS, 'registeredAt', 'name', false))[0]).toBe('registeredAt');
    expect(orderedColumns(placeColumn(DEFAULT_COLUMNS, 'name', 'email', true)).slice(0, 2)).toEqual(['email', 'name']);
  });

  it('widths are clamped; the template follows order, visibility and widths', () => {
    expect(setWidth(DEFAULT_COLUMNS, 'phone', 5).widths.phone).toBe(48);
    expect(setWidth(DEFAULT_COLUMNS, 'phone', 5000).widths.phone).toBe(800);
    expect(setWidth(setWidth(DEFAULT_COLUMNS, 'phone', 200), 'phone', null).widths).toEqual({});
    expect(gridTemplate(DEFAULT_COLUMNS)).toBe('36px minmax(130px, 1.3fr) minmax(130px, 1fr) 142px 128px 104px 124px 100px 76px 100px 108px 44px');
    const s: ColumnsState = { order: ['status', 'name'], hidden: ['email', 'phone', 'paymentModel', 'payment', 'bonus', 'projectsCount', 'invitedAt', 'registeredAt', 'externalId'], widths: { name: 300 } };
    // Every width set: the last column takes the room left.
    expect(gridTemplate(s)).toBe('36px 128px minmax(300px, 1fr) 44px');
  });
});
