// The handler table: one handler per action id of the keymap. `ActionId` is derived from
// the keymap (`as const`), and the table is checked against it: an id without a handler,
// or a handler for an id the keymap does not have, is a compile error.
import type { ActionId, ScopedActionId } from '../../keys/keymap.js';
import { helpSections } from '../../keys/help.js';
import { RESOURCE_KINDS, type ResourceKind } from '../../resources/queries.js';
import { descriptorOf } from '../../resources/registry.js';
import { helpPage } from '../../ui/help-page.js';
import { detailActions } from '../actions/detail-actions.js';
import { engineActions } from '../actions/engine-actions.js';
import { listActions } from '../actions/list-actions.js';
import { enginesActions } from '../actions/engines-actions.js';
import { registryActions } from '../actions/registry-actions.js';
import type { AppContextValue } from '../app-context.js';
import { formKeys } from '../forms.js';
import { layoutFor } from '../layout.js';
import { overlayActions } from '../overlay.js';
import { showLastStatus } from '../status-overlay.js';
import { withList, type PaneId, type UiState } from '../ui-state.js';
import { dialogKeys } from './dialog-keys.js';
import { filterKeys } from './filter-keys.js';
import { moveKeys } from './scrolling.js';

/** The key that ran the action (form.toggle tells ← from →). */
export interface KeyPress {
  name: string;
  input: string;
}

export type Handler = (key: KeyPress) => void;
export type HandlerTable = { readonly [Id in ActionId]: Handler };

/** What the dispatcher lends to the handlers it does not own: quitting, and typing fallbacks. */
export interface Dispatch {
  quit: () => void;
}

export function createHandlers(
  ctx: AppContextValue,
  dispatch: Dispatch,
): {
  table: HandlerTable;
  typeIntoFilter: (name: string, input: string) => void;
  typeIntoForm: (name: string, input: string) => void;
} {
  const update = (fn: (s: UiState) => UiState) => ctx.ui.update(fn);
  const filter = filterKeys(ctx);
  const form = formKeys(ctx);
  const detail = detailActions(ctx, { tabsOf: (k) => descriptorOf(k).detailTabs ?? [], besidePane: LISTS_BESIDE_DETAIL });
  const registry = registryActions(ctx);

  /** Tab cycles through the lists beside the detail pane (top first) and the detail pane. */
  const cycleFocus = (step: 1 | -1) =>
    update((s) => {
      // Kinds sharing a slot (Containers and Projects on top): Tab visits the one shown.
      const panes: readonly PaneId[] = [...listsShown(s.lastList), 'detail'];
      const next = panes[(panes.indexOf(s.focus) + step + panes.length) % panes.length] ?? s.focus;
      return { ...s, focus: next, lastList: next === 'detail' || next === 'engine' || next === 'engines' ? s.lastList : next };
    });
  const focusList = (list: ResourceKind) =>
    update((s) => ({ ...s, focus: list, lastList: RESOURCES_BESIDE_DETAIL.has(list) ? list : s.lastList, returnTo: undefined }));
  /**
   * Leaving a view: a list opened from another (Tasks from a service) returns there, its
   * narrowing filter cleared; else the list beside the detail pane last used. A full-body
   * kind's detail (a service's log) belongs to that kind: it returns there.
   */
  const leave = () =>
    update((st) => {
      if (st.returnTo && st.focus === st.returnTo.from) {
        const { from, to } = st.returnTo;
        return { ...withList(st, from, { filter: '', editingFilter: false, filterSelected: false }), focus: to, returnTo: undefined };
      }
      if (st.focus === 'detail') return { ...st, focus: st.lastList };
      const to = RESOURCES_BESIDE_DETAIL.has(st.lastList) ? st.lastList : FIRST_LIST;
      return { ...st, focus: to, lastList: to };
    });
  /** The help overlay scrolls when it is taller than the screen (small terminals). */
  const scrollHelp = (step: 1 | -1 | 'page' | '-page') => {
    const { cols, rows } = ctx.terminal.get();
    const page = helpPage(helpSections(ctx.keymap), cols, layoutFor(cols, rows).bodyHeight);
    const delta = step === 'page' ? page.visible : step === '-page' ? -page.visible : step;
    update((s) => ({ ...s, helpScroll: Math.max(0, Math.min(page.maxScroll, s.helpScroll + delta)) }));
  };
  const closeFleetDetail = () => update((st) => ({ ...st, engines: { ...st.engines, detail: false } }));
  const back = () => {
    const s = ctx.ui.get();
    if (s.focus === 'detail') return leave();
    if (s.focus === 'engines') {
      if (s.engines.detail) return closeFleetDetail();
      if (s.engines.fleetList.filter) return filter.clear();
      return update((st) => ({ ...st, focus: st.lastList === 'volumes' ? 'containers' : st.lastList }));
    }
    // Esc leaves the full-body views for the list last used (a filter there goes first,
    // unless the view was opened from another list with that filter).
    if (s.focus === 'engine' || (!RESOURCES_BESIDE_DETAIL.has(s.focus) && (!s.lists[s.focus].filter || s.returnTo?.from === s.focus))) return leave();
    if (s.lists[s.focus].filter) filter.clear();
  };

  const core = {
    ...moveKeys(ctx),
    'pane.next': () => cycleFocus(1),
    'pane.prev': () => cycleFocus(-1),
    'pane.engine': () => update((s) => ({ ...s, focus: 'engine' })),
    ...filter.handlers,
    ...listActions(ctx),
    ...engineActions(ctx),
    ...enginesActions(ctx),
    ...overlayActions(ctx),
    ...detail,
    'detail.zoom': () => update((s) => ({ ...s, detailZoom: !s.detailZoom })),
    ...dialogKeys(ctx),
    ...form.handlers,
    'transfer.cancel': registry['transfer.cancel'],
    'transfer.close': registry['transfer.close'],
    'search.up': registry['search.up'],
    'search.down': registry['search.down'],
    'search.pull': registry['search.pull'],
    'search.close': registry['search.close'],
    'status.show': () => showLastStatus(ctx),
    help: () => update((s) => ({ ...s, help: true, helpScroll: 0 })),
    'help.down': () => scrollHelp(1),
    'help.up': () => scrollHelp(-1),
    'help.pageDown': () => scrollHelp('page'),
    'help.pageUp': () => scrollHelp('-page'),
    'help.close': () => update((s) => ({ ...s, help: false })),
    back: back,
    // q leaves a view wherever there is one to leave, and quits only from a list beside the
    // detail pane (the top level); Ctrl+C quits from anywhere.
    quit: (key) => {
      const s = ctx.ui.get();
      if (key.name === 'q' && s.focus === 'engines' && s.engines.detail) return closeFleetDetail();
      const inView = s.focus === 'detail' || s.focus === 'engine' || s.focus === 'engines' || !RESOURCES_BESIDE_DETAIL.has(s.focus);
      if (key.name === 'q' && inView) return leave();
      dispatch.quit();
    },
    redraw: () => ctx.redraw?.(),
    suspend: () => ctx.suspendToShell?.(),
  } satisfies { readonly [Id in Exclude<ActionId, ResourceActionId | PaneActionId>]: Handler };

  const table: HandlerTable = { ...core, ...paneHandlers(focusList), ...resourceHandlers(ctx) };
  return { table, typeIntoFilter: filter.type, typeIntoForm: form.type };
}

/** Ids whose scope is a resource kind: their handlers come from the kinds' descriptors. */
type ResourceActionId = ScopedActionId<ResourceKind>;
/** The `pane.<kind>` ids: each descriptor's `paneAction`, handled by focusing its pane. */
type PaneActionId = Extract<ActionId, `pane.${ResourceKind}`>;

/** The lists shown beside the detail pane (Esc from it returns there); full-body panes are not. */
const RESOURCES_BESIDE_DETAIL = new Set<ResourceKind>(RESOURCE_KINDS.filter((k) => descriptorOf(k).placement !== 'full'));

/** The lists beside the detail pane in placement order (top first). */
const LISTS_BESIDE_DETAIL: readonly ResourceKind[] = (['top-left', 'bottom-left'] as const).flatMap((place) =>
  RESOURCE_KINDS.filter((k) => descriptorOf(k).placement === place),
);
/** The lists drawn beside the detail pane: of kinds sharing a slot, the last used, else the first. */
export function listsShown(lastList: ResourceKind): readonly ResourceKind[] {
  const slot = (k: ResourceKind) => descriptorOf(k).placement;
  return LISTS_BESIDE_DETAIL.filter((k) => k === lastList || (slot(k) !== slot(lastList) && LISTS_BESIDE_DETAIL.find((o) => slot(o) === slot(k)) === k));
}

/**
 * The UI at start on the pane the config names (settings.defaultPane): a list that shares
 * its slot with the one drawn there (Compose projects under Containers) takes the slot, as
 * its pane key would; any other start is left as it is.
 */
export function showStartPane(s: UiState): UiState {
  const f = s.focus;
  if (f === 'detail' || f === 'engine' || f === 'engines' || !RESOURCES_BESIDE_DETAIL.has(f) || listsShown(s.lastList).includes(f)) return s;
  return { ...s, lastList: f };
}
/** Where leaving a full-body view lands when no list beside the detail pane was used yet. */
const FIRST_LIST: ResourceKind = LISTS_BESIDE_DETAIL[0] ?? 'containers';

/** What Tab cycles through: those lists, then the detail pane. */
export const PANES: readonly PaneId[] = [...LISTS_BESIDE_DETAIL, 'detail'];

/**
 * One handler per descriptor's `paneAction`: focus that kind's pane. The descriptor type
 * ties `paneAction` to `pane.<kind>`, so the merge covers PaneActionId; the cast states it.
 */
export function paneHandlers(focus: (kind: ResourceKind) => void): { readonly [Id in PaneActionId]: Handler } {
  return Object.assign({}, ...RESOURCE_KINDS.map((k) => ({ [descriptorOf(k).paneAction]: () => focus(k) }))) as { readonly [Id in PaneActionId]: Handler };
}

/**
 * Every descriptor's handlers: its own scope's (`actions`) and those it puts on other kinds'
 * panes (`contributes`). Each is typed to return exactly the ids of its scope without an
 * `owner` (ResourceHandlers<K>) or with `owner: K` (ContributedHandlers<K>), and the registry
 * has one descriptor per kind, so the merge covers ScopedActionId<ResourceKind>; the cast states that union.
 */
export function resourceHandlers(ctx: AppContextValue): { readonly [Id in ResourceActionId]: Handler } {
  const kinds = RESOURCE_KINDS.map(descriptorOf);
  return Object.assign({}, ...kinds.map((d) => d.actions(ctx)), ...kinds.map((d) => d.contributes?.(ctx) ?? {})) as {
    readonly [Id in ResourceActionId]: Handler;
  };
}
