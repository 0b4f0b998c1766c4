/**
 * The command palette (Ctrl+K / ⌘K): a modal dialog with one search field over a listbox
 * (React Aria's Autocomplete: the field keeps focus, arrows move through the list, Enter chooses,
 * Esc closes). Without a client it lists the clients the cache finds for what is typed
 * (palette.search; the newest query's answer is the one shown), the saved views of the client
 * list, every screen and the commands;
 * choosing a client lists what applies to it — the same actions, confirmations and outbox as the
 * row menu (useClientActions), and its projects' PIDs to copy. Backspace in the empty field goes
 * back to the search. Mounted once by the app shell.
 */
import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Autocomplete,
  Dialog,
  Header,
  Input,
  ListBox,
  ListBoxItem,
  ListBoxSection,
  Modal,
  ModalOverlay,
  TextField,
} from 'react-aria-components';
import { call, onCommand } from '../../bridge';
import { LANGUAGES } from '../../../shared/i18n';
import { formatNumber } from '../../../shared/i18n/format';
import type { PaletteHit } from '../../../shared/contract/rpc/palette';
import { useNav } from '../../state/nav';
import { usePrefs } from '../../state/prefs';
import { applyLanguage } from '../../app/LanguageSwitch';
import { syncStatusKey } from '../../app/data';
import { STATUS_KEY } from '../../ui/labels';
import { copyText } from '../../ui/files';
import { errorText } from '../../ui/errors';
import { useToast } from '../../ui/Toast';
import { clientLabel, pendingText, useClientActions, type ClientActions } from '../actions/clientActions';
import { openView, useSavedViews } from '../views/savedViews';
import { SCREEN_KEY, SECTION_KEY, labelMatches, type SectionId } from './commands';
import { isPaletteShortcut, openPalette, usePalette } from './store';
import './palette.css';

interface Item {
  id: string;
  label: string;
  detail?: ReactNode;
  danger?: boolean;
  testId: string;
  run(): void;
}
interface Section {
  id: SectionId;
  items: Item[];
}

/** The most projects offered for copying their PID. */
const PIDS_SHOWN = 8;

/** Ctrl+K / ⌘K anywhere, and the native menu's item, open the palette. */
function usePaletteShortcut(): void {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!isPaletteShortcut(e)) return;
      e.preventDefault();
      openPalette();
    };
    window.addEventListener('keydown', onKey, true);
    const off = onCommand((c) => {
      if (c === 'openPalette') openPalette();
    });
    return () => {
      window.removeEventListener('keydown', onKey, true);
      off();
    };
  }, []);
}

export function CommandPalette() {
  usePaletteShortcut();
  const open = usePalette((s) => s.open);
  const setOpen = usePalette((s) => s.setOpen);
  // Beside the palette, not inside it: the confirmation and top-up dialogs outlive the palette.
  const actions = useClientActions();
  return (
    <>
      {open ? <PaletteDialog actions={actions} onClose={() => setOpen(false)} /> : null}
      {actions.dialogs}
    </>
  );
}

function PaletteDialog({ actions, onClose }: { actions: ClientActions; onClose(): void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<PaletteHit | null>(null);
  const [filter, setFilter] = useState('');
  const q = query.trim();

  // The newest query's answer is shown: each query has its own key, older answers land in their own.
  const search = useQuery({
    queryKey: ['clients', 'palette.search', q],
    queryFn: () => call('palette.search', { query: q, limit: 20 }),
    enabled: q !== '' && chosen === null,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const hits = q === '' ? [] : (search.data?.hits ?? []);

  const sections = useSections({ q, hits, chosen, filter, actions, onClose, choose: (h) => {
    setChosen(h);
    setFilter('');
  } });
  const byId = useMemo(() => new Map(sections.flatMap((s) => s.items).map((i) => [i.id, i])), [sections]);
  const count = sections.reduce((n, s) => n + s.items.length, 0);

  const back = () => {
    setChosen(null);
    setFilter('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Backspace' && chosen !== null && filter === '') {
      e.preventDefault();
      back();
    }
    // Enter with no item under the arrow keys chooses the first item, as it would right after
    // typing. When the list was replaced (a client chosen, an answer arrived), the field may still
    // name an option that is gone and the list may have no focused item: React Aria then acts on
    // nothing, so that counts as no item too.
    if (e.key === 'Enter' && !hasLiveFocus(e.currentTarget)) {
      const first = sections[0]?.items[0];
      if (first) {
        e.preventDefault();
        first.run();
      }
    }
  };

  const status = chosen
    ? null
    : q === ''
      ? null
      : search.isFetching && search.data === undefined
        ? t('palette:searching')
        : hits.length > 0
          ? t('palette:found', { count: hits.length })
          : search.isFetching
            ? t('palette:searching')
            : t('palette:nothing', { query: q });

  return (
    <ModalOverlay className="modal-backdrop palette-backdrop" isOpen isDismissable onOpenChange={(o) => (o ? undefined : onClose())}>
      <Modal className="modal palette-modal">
        <Dialog className="palette" aria-label={t('palette:title')} data-testid="palette" data-mode={chosen ? 'client' : 'search'}>
          <Autocomplete inputValue={chosen ? filter : query} onInputChange={chosen ? setFilter : setQuery}>
            {chosen ? (
              <div className="palette-client" data-testid="palette-client" data-id={chosen.client.id}>
                <button type="button" className="btn btn-small palette-back" onClick={back} aria-label={t('palette:back')} data-testid="palette-back">
                  {'←'}
                </button>
                <span className="palette-client-name">{clientLabel(chosen.client)}</span>
                {chosen.client.name ? <span className="palette-client-email">{chosen.client.email}</span> : null}
              </div>
            ) : null}
            <TextField className="palette-field" aria-label={chosen ? t('palette:actionsPlaceholder') : t('palette:inputLabel')} autoFocus>
              <Input
                className="palette-input"
                placeholder={chosen ? t('palette:actionsPlaceholder') : t('palette:placeholder')}
                onKeyDown={onKeyDown}
                data-testid="palette-input"
              />
            </TextField>
            <ListBox
              className="palette-list"
              aria-label={t('palette:listLabel')}
              onAction={(key) => byId.get(String(key))?.run()}
              data-testid="palette-list"
              renderEmptyState={() => <div className="palette-empty">{status ?? t('palette:nothing', { query: chosen ? filter : q })}</div>}
            >
              {sections.map((s) => (
                <ListBoxSection key={s.id} id={s.id} className="palette-section" data-testid={`palette-section-${s.id}`}>
                  <Header className="palette-section-title">{t(SECTION_KEY[s.id])}</Header>
                  {s.items.map((i) => (
                    <ListBoxItem key={i.id} id={i.id} textValue={i.label} className={i.danger ? 'palette-item danger' : 'palette-item'} data-testid={i.testId}>
                      <span className="palette-item-label">{i.label}</span>
                      {i.detail ? <span className="palette-item-detail">{i.detail}</span> : null}
                    </ListBoxItem>
                  ))}
                </ListBoxSection>
              ))}
            </ListBox>
          </Autocomplete>
          <div className="palette-footer">
            <span className="palette-status" role="status" aria-live="polite" data-testid="palette-status">
              {count > 0 ? status : null}
            </span>
            <span className="palette-hint" aria-hidden="true">
              {chosen ? t('palette:hintClient') : t('palette:hint')}
            </span>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** Whether the field's active option, or a focused option in its list, is on screen. */
function hasLiveFocus(input: HTMLInputElement): boolean {
  const id = input.getAttribute('aria-activedescendant');
  if (id && input.ownerDocument.getElementById(id)) return true;
  return input.closest('[data-testid="palette"]')?.querySelector('[role="option"][data-focused]') != null;
}

interface SectionsInput {
  q: string;
  hits: PaletteHit[];
  chosen: PaletteHit | null;
  filter: string;
  actions: ClientActions;
  onClose(): void;
  choose(h: PaletteHit): void;
}

/** What the list shows: a client's actions, or the clients found, the screens and the commands. */
function useSections({ q, hits, chosen, filter, actions, onClose, choose }: SectionsInput): Section[] {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const toast = useToast();
  const go = useNav((s) => s.go);
  const lang = usePrefs((s) => s.language);
  // The chosen client as the cache has it now (status, queued action) and its projects.
  const card = useQuery({
    queryKey: ['clients', 'clients.get', chosen?.client.id ?? ''],
    queryFn: () => call('clients.get', { id: chosen!.client.id }),
    enabled: chosen !== null,
  });
  const saved = useSavedViews();
  /** Closes the palette, then does it (a dialog it opens takes the focus the palette gives back). */
  const thenClose = (fn: () => void) => () => {
    onClose();
    fn();
  };

  if (chosen) {
    const client = card.data?.client ?? chosen.client;
    const projects = card.data?.projects ?? [];
    const ordered = chosen.pid ? [...projects.filter((p) => p.pid === chosen.pid), ...projects.filter((p) => p.pid !== chosen.pid)] : projects;
    const items: Item[] = actions.itemsFor(client).map((a) => ({
      id: `action:${a.id}`,
      label: a.label,
      ...(a.danger ? { danger: true } : {}),
      testId: `palette-action-${a.id}`,
      run: thenClose(a.onAction),
    }));
    for (const p of ordered.slice(0, PIDS_SHOWN)) {
      items.push({
        id: `pid:${p.pid}`,
        label: t('palette:action.copyPid', { pid: p.pid, project: p.name }),
        testId: 'palette-action-copyPid',
        run: thenClose(() => {
          void copyText(p.pid).then(
            () => toast({ key: 'palette:action.copied', params: { pid: p.pid } }),
            (e: unknown) => toast(errorText(t, e)),
          );
        }),
      });
    }
    return [{ id: 'actions', items: items.filter((i) => labelMatches(i.label, filter)) }];
  }

  const clients: Item[] = hits.map((h) => {
    const pending = pendingText(t, h.client);
    const parts = [
      h.client.name ? h.client.email : null,
      t(STATUS_KEY[h.client.status]),
      h.match === 'pid' && h.pid ? t('palette:foundPid', { pid: h.pid }) : null,
      h.client.projectsCount > 0 ? t('palette:projects', { count: h.client.projectsCount, n: formatNumber(h.client.projectsCount, lang) }) : null,
      pending,
    ].filter((x): x is string => x !== null);
    return {
      id: `client:${h.client.id}`,
      label: clientLabel(h.client),
      detail: parts.join(' · '),
      testId: 'palette-client-hit',
      run: () => choose(h),
    };
  });
  const screens: Item[] = (Object.keys(SCREEN_KEY) as (keyof typeof SCREEN_KEY)[]).map((r) => ({
    id: `go:${r}`,
    label: t(SCREEN_KEY[r]),
    testId: `palette-go-${r}`,
    run: thenClose(() => go(r)),
  }));
  const views: Item[] = saved.views.map((v) => ({
    id: `view:${v.id}`,
    label: v.label,
    ...(v.count !== null ? { detail: t('palette:clients', { count: v.count, n: formatNumber(v.count, lang) }) } : {}),
    testId: 'palette-view',
    run: thenClose(() => void openView(v.id)),
  }));
  const other = LANGUAGES.find((l) => l !== lang) ?? 'en';
  const commands: Item[] = [
    {
      id: 'cmd:language',
      label: t('palette:command.language', { lang: t(other === 'ru' ? 'common:language.ru' : 'common:language.en') }),
      testId: 'palette-cmd-language',
      run: thenClose(() => void applyLanguage(other, true, qc).catch((e: unknown) => toast(errorText(t, e)))),
    },
    {
      id: 'cmd:sync',
      label: t('palette:command.syncNow'),
      testId: 'palette-cmd-sync',
      run: thenClose(() => {
        call('sync.now', {}).then(
          (r) => (r.started ? toast({ key: 'palette:command.syncStarted' }) : undefined),
          (e: unknown) => toast(errorText(t, e)),
        ).finally(() => void qc.invalidateQueries({ queryKey: syncStatusKey }));
      }),
    },
  ];
  const local = [
    { id: 'views' as const, items: views.filter((i) => labelMatches(i.label, q)) },
    { id: 'go' as const, items: screens.filter((i) => labelMatches(i.label, q)) },
    { id: 'commands' as const, items: commands.filter((i) => labelMatches(i.label, q)) },
  ];
  // A screen, view or command named by what was typed comes before clients found only loosely
  // (a substring or a typo), so "Deals" + Enter opens Deals rather than a client like "Delta".
  const typed = q.trim().toLocaleLowerCase();
  const namedLocally = typed !== '' && local.some((s) => s.items.some((i) => i.label.toLocaleLowerCase().startsWith(typed)));
  const loosely = hits.every((h) => h.match === 'text' || h.match === 'fuzzy');
  const sections = namedLocally && loosely ? [...local, { id: 'clients' as const, items: clients }] : [{ id: 'clients' as const, items: clients }, ...local];
  return sections.filter((s) => s.items.length > 0);
}
