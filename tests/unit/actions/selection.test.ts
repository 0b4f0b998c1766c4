import { beforeEach, describe, expect, it } from 'vitest';
import { useSelection } from '../../../renderer/state/selection';
import { clickRow, listKey } from '../../../renderer/features/actions/rowSelection';
import { consequences, typedMatches } from '../../../renderer/features/actions/policy';

const ids = ['a', 'b', 'c', 'd', 'e'];
const none = { shiftKey: false, ctrlKey: false, metaKey: false };
const sel = () => [...useSelection.getState().ids].sort();

beforeEach(() => useSelection.getState().clear());

describe('list selection gestures', () => {
  it('click, Ctrl-click, Shift-click ranges', () => {
    clickRow(none, 'b', ids);
    expect(sel()).toEqual(['b']);
    clickRow({ ...none, ctrlKey: true }, 'd', ids);
    expect(sel()).toEqual(['b', 'd']);
    clickRow({ ...none, metaKey: true }, 'b', ids);
    expect(sel()).toEqual(['d']);
    // The anchor is the last clicked row (b): the range is a..b, added to d.
    clickRow({ ...none, shiftKey: true }, 'a', ids);
    expect(sel()).toEqual(['a', 'b', 'd']);
    clickRow({ ...none, shiftKey: true }, 'e', ids);
    expect(sel()).toEqual(['a', 'b', 'c', 'd', 'e']);
    clickRow(none, 'e', ids);
    expect(sel()).toEqual(['e']);
    clickRow(none, 'c', ids, true);
    expect(sel()).toEqual(['c', 'e']);
  });

  it('keyboard: Space toggles, Shift+Arrow extends, Ctrl+A selects all matching, Escape clears', () => {
    expect(listKey({ ...none, key: ' ' }, 'b', ids)).toEqual({ handled: true, focus: 'b' });
    expect(sel()).toEqual(['b']);
    const r = listKey({ ...none, shiftKey: true, key: 'ArrowDown' }, 'b', ids);
    expect(r.focus).toBe('c');
    listKey({ ...none, shiftKey: true, key: 'ArrowDown' }, r.focus, ids);
    expect(sel()).toEqual(['b', 'c', 'd']);
    expect(listKey({ ...none, key: 'ArrowUp' }, 'a', ids).focus).toBe('a');
    listKey({ ...none, ctrlKey: true, key: 'a' }, null, ids);
    expect(useSelection.getState().allMatching).toBe(true);
    listKey({ ...none, key: 'Escape' }, null, ids);
    expect(useSelection.getState().allMatching).toBe(false);
    expect(sel()).toEqual([]);
  });
});

describe('confirmation text from the platform policies', () => {
  const seed = {
    block: { resources: 'keep_running' as const, days: null, can_log_in: false },
    delete: { resources: 'kept' as const, days: null, can_log_in: false },
  };
  const vk2025 = {
    block: { resources: 'deleted_after_days' as const, days: 3, can_log_in: false },
    delete: { resources: 'deleted_after_days' as const, days: 3, can_log_in: false },
  };
  it('states the seed rules and the vk-2025 rules', () => {
    expect(consequences('block', seed).map((l) => l.key)).toEqual([
      'actions:confirm.consequence.cannotLogIn',
      'actions:confirm.consequence.blockKeepRunning',
    ]);
    expect(consequences('delete', seed).map((l) => l.key)).toEqual([
      'actions:confirm.consequence.deleteDetach',
      'actions:confirm.consequence.deleteKept',
    ]);
    expect(consequences('delete', vk2025)[1]).toEqual({ key: 'actions:confirm.consequence.deleteDeletedAfter', params: { count: 3 } });
    expect(consequences('block', undefined)[0]!.key).toBe('actions:confirm.consequence.unknown');
  });
  it('accepts the typed number with or without group separators', () => {
    expect(typedMatches('1000', 1000)).toBe(true);
    expect(typedMatches('1 000', 1000)).toBe(true);
    expect(typedMatches('1,000', 1000)).toBe(true);
    expect(typedMatches('999', 1000)).toBe(false);
    expect(typedMatches('', 51)).toBe(false);
  });
});
