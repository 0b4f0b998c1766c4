/**
 * Action menus on React Aria's Menu, styled with the app's classes (styles/controls.css):
 * - `MenuButton`: a "⋯" button that opens the menu (Enter, Space or ArrowDown open it; arrows move,
 *   typing a letter jumps, Escape closes and gives focus back to the button);
 * - `ContextMenu` + `useContextMenu()`: the same menu opened at a point, for a right-click or,
 *   from the keyboard, Shift+F10 / the context-menu key on the focused element.
 * - `LazyMenuButton`: the same "⋯" button as a plain button, its menu mounted only while open (a
 *   table renders one per row; the menu's machinery would cost every row on every scroll frame).
 * Items are plain data, so a row's "⋯" button and its right-click show the very same menu.
 */
import { useCallback, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';

export interface MenuAction {
  id: string;
  /** Already translated. */
  label: string;
  onAction(): void;
  danger?: boolean;
  disabled?: boolean;
  testId?: string;
  /** Draws a line above this item. */
  separatorBefore?: boolean;
}

function MenuItems({ items: given, label, onClose }: { items: MenuAction[] | (() => MenuAction[]); label: string; onClose?: () => void }) {
  const items = typeof given === 'function' ? given() : given;
  return (
    <Menu
      className="menu"
      aria-label={label}
      autoFocus="first"
      disabledKeys={items.filter((i) => i.disabled).map((i) => i.id)}
      onAction={(key) => {
        items.find((i) => i.id === key)?.onAction();
        onClose?.();
      }}
    >
      {items.flatMap((i) => {
        const item = (
          <MenuItem key={i.id} id={i.id} className={i.danger ? 'menu-item danger' : 'menu-item'} textValue={i.label} data-testid={i.testId}>
            {i.label}
          </MenuItem>
        );
        return i.separatorBefore ? [<Separator key={`${i.id}-sep`} className="menu-separator" />, item] : [item];
      })}
    </Menu>
  );
}

/**
 * A "⋯" button with its menu. `label` names both (for example "Actions for ООО Ромашка"). `items`
 * may be a function, asked only when the menu opens (a table row renders its button, rarely its menu).
 */
export function MenuButton({ label, items, testId }: { label: string; items: MenuAction[] | (() => MenuAction[]); testId?: string }) {
  return (
    <MenuTrigger>
      <Button className="btn btn-small menu-button" aria-label={label} data-testid={testId}>
        {'⋯'}
      </Button>
      <Popover className="popover" placement="bottom end" offset={4}>
        <MenuItems items={items} label={label} />
      </Popover>
    </MenuTrigger>
  );
}

/**
 * MenuButton's behaviour from a plain button: a click, Enter, Space or ArrowDown opens the menu
 * below it with the first item focused; Escape or an item closes it and focus returns to the button.
 */
export function LazyMenuButton({ label, items, testId }: { label: string; items: () => MenuAction[]; testId?: string }) {
  const ref = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button
        ref={ref}
        type="button"
        className="btn btn-small menu-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid={testId}
        onClick={() => setOpen(true)}
        onKeyDown={(e) => {
          // Opened on the key press itself (not the click the key would make), as MenuTrigger does.
          if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {'⋯'}
      </button>
      {open && (
        <Popover className="popover" triggerRef={ref} isOpen onOpenChange={(o) => (o ? undefined : close())} placement="bottom end" offset={4}>
          <MenuItems items={items} label={label} onClose={close} />
        </Popover>
      )}
    </>
  );
}

export interface MenuPoint {
  x: number;
  y: number;
}

/**
 * Where a context menu is open (or null) and the handlers that open it: right-click at the pointer,
 * Shift+F10 or the context-menu key under the focused element's top-left corner.
 */
export function useContextMenu<T = undefined>() {
  const [at, setAt] = useState<(MenuPoint & { target: T | undefined }) | null>(null);
  const close = useCallback(() => setAt(null), []);
  const onContextMenu = useCallback((e: MouseEvent, target?: T) => {
    e.preventDefault();
    setAt({ x: e.clientX, y: e.clientY, target });
  }, []);
  const onKeyDown = useCallback((e: KeyboardEvent<HTMLElement>, target?: T) => {
    if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
      e.preventDefault();
      const r = e.currentTarget.getBoundingClientRect();
      setAt({ x: r.left + 8, y: r.bottom, target });
    }
  }, []);
  return { at, close, onContextMenu, onKeyDown };
}

/** The menu opened at a point (see useContextMenu); focus returns to where it was when it closes. */
export function ContextMenu({ at, label, items, onClose, testId }: { at: MenuPoint | null; label: string; items: MenuAction[]; onClose(): void; testId?: string }) {
  const anchor = useRef<HTMLSpanElement>(null);
  return (
    <>
      <span ref={anchor} aria-hidden="true" style={{ position: 'fixed', left: at?.x ?? 0, top: at?.y ?? 0, width: 0, height: 0 }} />
      <Popover
        className="popover"
        triggerRef={anchor}
        isOpen={at !== null}
        onOpenChange={(open) => (open ? undefined : onClose())}
        placement="bottom start"
        data-testid={testId}
      >
        <MenuItems items={items} label={label} onClose={onClose} />
      </Popover>
    </>
  );
}
