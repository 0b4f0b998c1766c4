/**
 * Row selection of the client list, shared with the bulk actions (engineer 6).
 * `allMatching` means "every client matching the current filter", including rows never loaded;
 * the bulk bar resolves it with `clients.ids`. `ids` then holds nothing meaningful.
 */
import { create } from 'zustand';

export interface SelectionState {
  ids: Set<string>;
  /** The row a Shift-click range starts from. */
  anchor: string | null;
  allMatching: boolean;
  /** Adds or removes one id and makes it the anchor. */
  toggle(id: string): void;
  /** Selects the ids between the anchor and `to` (both included) in the given display order. */
  range(orderedIds: readonly string[], to: string): void;
  /** Selects every client matching the current filter. */
  selectAll(): void;
  /** Replaces the selection with exactly these ids. */
  set(ids: Iterable<string>): void;
  clear(): void;
}

export const useSelection = create<SelectionState>((set, get) => ({
  ids: new Set<string>(),
  anchor: null,
  allMatching: false,
  toggle(id) {
    const ids = new Set(get().ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    set({ ids, anchor: id, allMatching: false });
  },
  range(orderedIds, to) {
    const { anchor } = get();
    const b = orderedIds.indexOf(to);
    if (b < 0) return;
    const a = anchor === null ? -1 : orderedIds.indexOf(anchor);
    const ids = new Set(get().ids);
    if (a < 0) {
      ids.add(to);
      set({ ids, anchor: to, allMatching: false });
      return;
    }
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    for (let i = lo; i <= hi; i++) {
      const id = orderedIds[i];
      if (id !== undefined) ids.add(id);
    }
    set({ ids, allMatching: false });
  },
  selectAll() {
    set({ ids: new Set(), anchor: null, allMatching: true });
  },
  set(ids) {
    set({ ids: new Set(ids), allMatching: false });
  },
  clear() {
    set({ ids: new Set(), anchor: null, allMatching: false });
  },
}));

/** How many clients are selected, given the filter's total (for "select all N"). */
export function selectedCount(s: Pick<SelectionState, 'ids' | 'allMatching'>, total: number): number {
  return s.allMatching ? total : s.ids.size;
}
