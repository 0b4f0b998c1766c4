/**
 * Selection gestures of the client list, on the shared store (renderer/state/selection.ts):
 * click selects one row, Ctrl/Cmd-click toggles, Shift-click selects a range from the anchor;
 * keyboard: Space toggles the focused row, Shift+Arrow extends, Ctrl/Cmd+A selects every client
 * matching the filter (rows never rendered included), Escape clears.
 * The list calls these from its row and container handlers.
 */
import { useSelection } from '../../state/selection';

interface Mods {
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** A click on a row (or on its checkbox, with `checkbox` true: always a toggle). */
export function clickRow(e: Mods, id: string, orderedIds: readonly string[], checkbox = false): void {
  const s = useSelection.getState();
  if (e.shiftKey) s.range(orderedIds, id);
  else if (checkbox || e.ctrlKey || e.metaKey) s.toggle(id);
  else useSelection.setState({ ids: new Set([id]), anchor: id, allMatching: false });
}

/**
 * A key on the list with `focusedId` the row that has focus. Returns the id to move the focus to
 * (arrows), or null; `handled` says the list should preventDefault.
 */
export function listKey(
  e: Mods & { key: string },
  focusedId: string | null,
  orderedIds: readonly string[],
): { handled: boolean; focus: string | null } {
  const s = useSelection.getState();
  if ((e.ctrlKey || e.metaKey) && (e.key === 'a' || e.key === 'A' || e.key === 'ф' || e.key === 'Ф')) {
    s.selectAll();
    return { handled: true, focus: focusedId };
  }
  if (e.key === 'Escape') {
    s.clear();
    return { handled: true, focus: focusedId };
  }
  if (focusedId === null) return { handled: false, focus: null };
  if (e.key === ' ' || e.key === 'Spacebar') {
    s.toggle(focusedId);
    return { handled: true, focus: focusedId };
  }
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    const i = orderedIds.indexOf(focusedId);
    const next = orderedIds[Math.max(0, Math.min(orderedIds.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))] ?? focusedId;
    if (e.shiftKey) {
      if (useSelection.getState().anchor === null) useSelection.setState({ anchor: focusedId });
      useSelection.getState().range(orderedIds, next);
    }
    return { handled: true, focus: next };
  }
  return { handled: false, focus: null };
}

/** Whether a row is selected (all matching the filter counts every row). */
export function useIsSelected(id: string): boolean {
  return useSelection((s) => s.allMatching || s.ids.has(id));
}
