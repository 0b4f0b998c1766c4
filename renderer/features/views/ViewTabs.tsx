/**
 * Saved views as tabs above the client list: "All clients", then each view with its count. Arrow
 * keys move between tabs, Enter or Space opens one, Alt+←/→ moves the focused view, F2 renames
 * it, Shift+F10 or a right-click opens its menu; a mouse drags a tab to a new place. Beside the
 * tabs: "Save as view" (the list as it is now) and the views menu (rename, save changes, move,
 * delete, restore the defaults).
 */
import { useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/i18n/format';
import { usePrefs } from '../../state/prefs';
import { useLang } from '../../ui/format';
import { ContextMenu, MenuButton, useContextMenu, type MenuAction } from '../../ui/Menu';
import { isModified, openView, useSavedViews, type ListedView } from './savedViews';
import { moved, useViewActions } from './viewActions';
import { DeleteViewDialog, ViewNameDialog } from './ViewDialogs';

const ALL = '';
type Editing = { kind: 'create' } | { kind: 'rename'; view: ListedView } | { kind: 'delete'; view: ListedView } | null;

export function ViewTabs({ panelId, end }: { panelId: string; /** More controls at the bar's end (the list's Columns menu). */ end?: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { views, allCount, activeId } = useSavedViews();
  // Re-render when the list changes, to tell whether the open view was changed.
  usePrefs((s) => s.clientsView);
  usePrefs((s) => s.columns);
  const resetFilter = usePrefs((s) => s.resetClientsFilter);
  const act = useViewActions();
  const [editing, setEditing] = useState<Editing>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const ctx = useContextMenu<ListedView>();

  const active = views.find((v) => v.id === activeId) ?? null;
  const ids = views.map((v) => v.id);
  const tabIds = [ALL, ...ids];
  const current = activeId !== null && active ? activeId : ALL;
  const focusable = focusId !== null && tabIds.includes(focusId) ? focusId : current;

  const focusTab = (id: string) => {
    setFocusId(id);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-view-id="${CSS.escape(id)}"]`)?.focus());
  };
  const open = (id: string) => (id === ALL ? resetFilter() : void openView(id));
  const move = (id: string, by: number) => {
    const next = moved(ids, id, by);
    if (next.join() !== ids.join()) act.reorder(next);
    focusTab(id);
  };

  const itemsFor = (v: ListedView): MenuAction[] => {
    const i = ids.indexOf(v.id);
    const changed = v.id === activeId && isModified(v.spec);
    return [
      { id: 'rename', label: t('clients:views.rename'), testId: 'view-rename', onAction: () => setEditing({ kind: 'rename', view: v }) },
      ...(changed ? [{ id: 'saveChanges', label: t('clients:views.saveChanges'), testId: 'view-save-changes', onAction: () => void act.saveChanges(v.id) }] : []),
      { id: 'left', label: t('clients:views.moveLeft'), testId: 'view-move-left', disabled: i <= 0, onAction: () => move(v.id, -1) },
      { id: 'right', label: t('clients:views.moveRight'), testId: 'view-move-right', disabled: i >= ids.length - 1, onAction: () => move(v.id, 1) },
      { id: 'delete', label: t('clients:views.delete'), testId: 'view-delete', danger: true, separatorBefore: true, onAction: () => setEditing({ kind: 'delete', view: v }) },
    ];
  };
  const restoreItem: MenuAction = { id: 'restore', label: t('clients:views.restore'), testId: 'views-restore', separatorBefore: true, onAction: act.restore };
  const menuItems = active ? [...itemsFor(active), restoreItem] : [{ ...restoreItem, separatorBefore: false }];

  const onKey = (e: KeyboardEvent<HTMLElement>, id: string) => {
    const i = tabIds.indexOf(id);
    const view = views.find((v) => v.id === id);
    if (view && ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu')) return ctx.onKeyDown(e, view);
    if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      if (view) move(id, e.key === 'ArrowLeft' ? -1 : 1);
      return;
    }
    const to = (j: number) => {
      e.preventDefault();
      focusTab(tabIds[(j + tabIds.length) % tabIds.length] ?? ALL);
    };
    if (e.key === 'ArrowLeft') return to(i - 1);
    if (e.key === 'ArrowRight') return to(i + 1);
    if (e.key === 'Home') return to(0);
    if (e.key === 'End') return to(tabIds.length - 1);
    if (e.key === 'F2' && view) {
      e.preventDefault();
      setEditing({ kind: 'rename', view });
    }
  };

  const onDrop = (e: DragEvent, targetId: string) => {
    e.preventDefault();
    const from = dragId ?? e.dataTransfer.getData('text/plain');
    setDragId(null);
    if (!from || from === targetId || !ids.includes(from)) return;
    const next = ids.filter((x) => x !== from);
    const at = next.indexOf(targetId);
    const fromIdx = ids.indexOf(from);
    const toIdx = ids.indexOf(targetId);
    next.splice(fromIdx < toIdx ? at + 1 : at, 0, from);
    act.reorder(next);
  };

  const count = (n: number | null) => (n === null ? '' : formatNumber(n, lang));
  const tab = (id: string, label: string, n: number | null, view?: ListedView) => {
    const selected = id === current;
    const changed = selected && view !== undefined && isModified(view.spec);
    return (
      <div
        key={id || 'all'}
        role="tab"
        id={`view-tab-${id || 'all'}`}
        aria-selected={selected}
        aria-controls={panelId}
        tabIndex={id === focusable ? 0 : -1}
        className={['view-tab', selected ? 'selected' : '', dragId === id ? 'dragging' : ''].join(' ').trim()}
        data-testid="view-tab"
        data-view-id={id}
        title={view ? `${label} — ${t('clients:views.keysHint')}` : label}
        draggable={view !== undefined}
        onClick={() => open(id)}
        onFocus={() => setFocusId(id)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            open(id);
            return;
          }
          onKey(e, id);
        }}
        onContextMenu={view ? (e) => ctx.onContextMenu(e, view) : undefined}
        onDragStart={(e) => {
          setDragId(id);
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', id);
        }}
        onDragEnd={() => setDragId(null)}
        onDragOver={view ? (e) => e.preventDefault() : undefined}
        onDrop={view ? (e) => onDrop(e, id) : undefined}
      >
        <span className="view-tab-label">{label}</span>
        {changed ? (
          <span className="view-tab-changed" title={t('clients:views.changed')}>
            <span aria-hidden="true">{'•'}</span>
            <span className="sr-only">{t('clients:views.changed')}</span>
          </span>
        ) : null}
        <span className="view-tab-count" data-testid="view-tab-count">
          {count(n)}
        </span>
      </div>
    );
  };

  const target = ctx.at?.target;
  return (
    <div className="view-bar">
      <div className="view-tabs" role="tablist" aria-label={t('clients:views.label')} ref={listRef} data-testid="view-tabs">
        {tab(ALL, t('clients:views.all'), allCount)}
        {views.map((v) => tab(v.id, v.label, v.count, v))}
      </div>
      <div className="view-bar-end">
        {end}
        <button type="button" className="btn btn-small" data-testid="view-create" onClick={() => setEditing({ kind: 'create' })}>
          {t('clients:views.create')}
        </button>
        <MenuButton label={active ? t('clients:views.menuFor', { name: active.label }) : t('clients:views.menu')} items={menuItems} testId="views-menu" />
      </div>
      <ContextMenu at={ctx.at} label={target ? t('clients:views.menuFor', { name: target.label }) : ''} items={target ? itemsFor(target) : []} onClose={ctx.close} testId="view-context-menu" />
      {editing?.kind === 'create' ? (
        <ViewNameDialog title={t('clients:views.createTitle')} initial="" onSave={act.create} onClose={() => setEditing(null)} />
      ) : null}
      {editing?.kind === 'rename' ? (
        <ViewNameDialog
          title={t('clients:views.renameTitle')}
          initial={editing.view.label}
          onSave={(name) => act.rename(editing.view.id, name)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'delete' ? (
        <DeleteViewDialog label={editing.view.label} onConfirm={() => act.remove(editing.view.id)} onClose={() => setEditing(null)} />
      ) : null}
    </div>
  );
}
