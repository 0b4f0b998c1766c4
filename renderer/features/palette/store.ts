/**
 * Whether the command palette is open. Opened by Ctrl+K / ⌘K anywhere in the page, by the native
 * menu's item (desktop) and by the header's button; opening is idempotent (the menu's accelerator
 * and the page's own shortcut may both fire for one key press), and not over another open dialog.
 */
import { create } from 'zustand';

export const usePalette = create<{ open: boolean; setOpen(open: boolean): void }>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

/** Another dialog on screen (a confirmation, a form): the palette does not stack over it. */
function anotherDialogOpen(): boolean {
  if (typeof document === 'undefined') return false;
  return document.querySelector('[role="dialog"]:not([data-testid="palette"]), [role="alertdialog"]') !== null;
}

export const openPalette = () => {
  if (anotherDialogOpen()) return;
  usePalette.getState().setOpen(true);
};

/** Ctrl+K (⌘K on macOS) by the key's place, so a Russian layout (Ctrl+Л) opens it too. */
export function isPaletteShortcut(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return false;
  return e.code === 'KeyK' || e.key.toLowerCase() === 'k';
}

/** macOS shows ⌘K; everything else Ctrl K. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
