// Mouse reports → what a person meant: a click selects the row, pane or detail tab under
// it, or presses the dialog key whose label was clicked; in a form it focuses the field
// clicked or presses the key of the keys line; the wheel scrolls what is under
// the pointer (a list moves its selection, the detail pane its text, overlays and help
// their page). Positions come from layout.ts (the same numbers the views draw with) and
// from the ScreenMap the views fill (list scroll, tab positions). Nothing here draws.
import type { ActionId } from '../../keys/keymap.js';
import type { MouseEvent } from '../../keys/mouse.js';
import { RESOURCE_KINDS, type ResourceKind } from '../../resources/queries.js';
import { RESOURCES } from '../../resources/registry.js';
import type { AppContextValue } from '../app-context.js';
import { HEADER_ROWS, layoutFor, paneBox, type Layout } from '../layout.js';
import { visibleList } from '../selectors.js';
import { withList, type DetailTab, type UiState } from '../ui-state.js';
import { formFocus } from '../../ui/form/form-state.js';

/** Lines one wheel notch moves, as most terminals' own scrollback does. */
export const WHEEL_LINES = 3;
/** Header lines above the body. */
const BODY_TOP = HEADER_ROWS;
/** The header's line of pane tabs. */
const PANE_TABS_ROW = 1;
/** A list pane's border, title and column header lines above its first row. */
const ROWS_ABOVE_DATA = 3;

export interface MouseTarget {
  /** Runs an action as its key would (active keymap, dialog stamping). */
  run: (id: ActionId) => void;
  /** Presses a key by name, for the dialog labels ("y", "n"). */
  press: (name: string) => void;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const inside = (b: Box, x: number, y: number) => x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height;

/** The list panes on screen and where, for the state's focus. */
function listBoxes(s: UiState, layout: Layout): Array<{ kind: ResourceKind; box: Box }> {
  if (s.focus === 'engine' || s.focus === 'engines') return [];
  if (s.focus !== 'detail' && RESOURCES[s.focus].placement === 'full') {
    const b = paneBox(layout, 'full');
    return [{ kind: s.focus, box: { x: 0, y: BODY_TOP, width: b.width, height: b.height } }];
  }
  return RESOURCE_KINDS.flatMap((kind) => {
    const placement = RESOURCES[kind].placement;
    if (placement === 'full') return [];
    const b = paneBox(layout, placement);
    const y = placement === 'top-left' ? BODY_TOP : BODY_TOP + layout.containersHeight;
    return [{ kind, box: { x: 0, y, width: b.width, height: b.height } }];
  });
}

function detailBox(s: UiState, layout: Layout): Box | undefined {
  if (s.focus === 'engine' || s.focus === 'engines' || (s.focus !== 'detail' && RESOURCES[s.focus].placement === 'full')) return undefined;
  return { x: layout.leftWidth, y: BODY_TOP, width: layout.rightWidth, height: layout.bodyHeight };
}

/** The dialog's footer line and its key labels' columns ("y confirm · n/Esc cancel"). */
function dialogKeyAt(s: UiState, layout: Layout, footer: string, x: number, y: number): string | undefined {
  const d = s.dialog;
  if (!d) return undefined;
  // The same geometry as src/ui/confirm-dialog.tsx and modal.tsx.
  const width = Math.min(layout.cols - 4, Math.max(50, ...d.lines.map((l) => l.length + 6), d.title.length + 6));
  const height = d.lines.length + 5;
  const left = Math.max(0, Math.floor((layout.cols - width) / 2));
  const top = BODY_TOP + Math.max(0, Math.floor((layout.bodyHeight - height) / 2));
  if (y !== top + height - 2) return undefined;
  // Inner text starts after the border and one space of margin.
  let at = x - (left + 2);
  if (at < 0) return undefined;
  for (const part of footer.split(' · ')) {
    if (at < part.length) return part.split(' ')[0]?.split('/')[0]?.toLowerCase();
    at -= part.length + 3;
    if (at < 0) return undefined;
  }
  return undefined;
}

/** Where the form's lines are: the same geometry as src/ui/form/form-dialog.tsx and modal.tsx. */
function formGeometry(form: NonNullable<UiState['form']>, layout: Layout) {
  const n = form.state.fields.length;
  const width = Math.min(layout.cols - 4, 90);
  const visible = Math.max(1, Math.min(n, layout.bodyHeight - 6));
  const first = Math.min(Math.max(0, form.state.focus - visible + 1), n - visible);
  const height = visible + 6;
  const left = Math.max(0, Math.floor((layout.cols - width) / 2));
  const top = BODY_TOP + Math.max(0, Math.floor((layout.bodyHeight - height) / 2));
  return { left, width, top, height, first, visible };
}

/** What the words after a key in the form's keys line do ("Enter submit · … · Esc cancel"). */
const FORM_KEY_WORDS: Record<string, ActionId> = { submit: 'form.submit', next: 'form.next', toggle: 'form.toggle', cancel: 'form.cancel' };

/**
 * A click in a form: on a field focuses it (on a focused checkbox or choice, toggles it as
 * Space does); on the keys line presses the key whose label was clicked. Nothing while the
 * form works or asks its y/N question (a key answers that).
 */
function formClick(ctx: AppContextValue, target: MouseTarget, layout: Layout, e: MouseEvent, keysLine: string): void {
  const form = ctx.ui.get().form;
  if (!form || form.busy || form.confirm || e.wheel || e.button !== 0) return;
  const g = formGeometry(form, layout);
  if (e.x <= g.left || e.x >= g.left + g.width - 1) return;
  const row = e.y - (g.top + 2);
  if (row >= 0 && row < g.visible) {
    const index = g.first + row;
    const field = form.state.fields[index];
    if (index === form.state.focus && field && field.kind !== 'text') return target.run('form.toggle');
    const step = formFocus(form.state, index);
    if (step.type === 'edit') ctx.ui.update((s) => (s.form ? { ...s, form: { ...s.form, state: step.state } } : s));
    return;
  }
  if (e.y !== g.top + g.height - 2) return;
  let at = e.x - (g.left + 2);
  for (const part of keysLine.split(' · ')) {
    if (at >= 0 && at < part.length) {
      const id = FORM_KEY_WORDS[part.split(' ')[1] ?? ''];
      if (id) target.run(id);
      return;
    }
    at -= part.length + 3;
  }
}

export function handleMouse(ctx: AppContextValue, target: MouseTarget, e: MouseEvent, dialogFooter: string, formKeysLine = ''): void {
  if (e.motion || (e.release && !e.wheel)) return;
  const s = ctx.ui.get();
  const { cols, rows } = ctx.terminal.get();
  const layout = layoutFor(cols, rows);
  const wheel = (down: ActionId, up: ActionId) => {
    for (let i = 0; i < WHEEL_LINES; i++) target.run(e.wheel === 'down' ? down : up);
  };

  if (s.form) return formClick(ctx, target, layout, e, formKeysLine);
  if (s.transfer) return;
  if (s.dialog) {
    if (e.wheel || e.button !== 0) return;
    const key = dialogKeyAt(s, layout, s.dialog.footer ?? dialogFooter, e.x, e.y);
    if (key) target.press(key === 'esc' ? 'esc' : key);
    return;
  }
  if (s.search) return e.wheel ? wheel('search.down', 'search.up') : undefined;
  if (s.help) return e.wheel ? wheel('help.down', 'help.up') : undefined;
  // A pane tab in the header: that pane, as its key.
  if (e.y === PANE_TABS_ROW && !s.overlay) {
    const pane = e.wheel || e.button !== 0 ? undefined : ctx.screen.paneTabAt(e.x);
    if (pane) target.run(pane as ActionId);
    return;
  }
  if (s.overlay || s.focus === 'engine' || s.focus === 'engines') return e.wheel ? wheel('move.down', 'move.up') : undefined;
  if (e.button !== 0 && !e.wheel) return;

  const list = listBoxes(s, layout).find((l) => inside(l.box, e.x, e.y));
  if (list) {
    focusList(ctx, list.kind);
    if (e.wheel) return wheel('move.down', 'move.up');
    const error = ctx.session.list(list.kind).store.get().error ? 1 : 0;
    const row = e.y - list.box.y - ROWS_ABOVE_DATA - error;
    if (row < 0) return;
    const index = ctx.screen.listTop(list.kind) + row;
    const keys = visibleList(ctx.session, ctx.ui.get(), list.kind).keys;
    const key = keys[index];
    if (key !== undefined) ctx.ui.update((st) => withList(st, list.kind, { selectedKey: key, cursor: index }));
    return;
  }
  const detail = detailBox(s, layout);
  if (detail && inside(detail, e.x, e.y)) {
    ctx.ui.update((st) => ({ ...st, focus: 'detail' }));
    if (e.wheel) return wheel('move.down', 'move.up');
    // The title line: border row, then the tabs from the inner left edge (border + padding).
    if (e.y === detail.y + 1) {
      const tab = ctx.screen.detailTabAt(e.x - detail.x - 2) as DetailTab | undefined;
      if (tab) target.run(`detail.${tab}`);
    }
  }
}

/** Focus a list as its pane key does (the detail pane then belongs to it). */
function focusList(ctx: AppContextValue, kind: ResourceKind): void {
  ctx.ui.update((s) => ({ ...s, focus: kind, lastList: RESOURCES[kind].placement === 'full' ? s.lastList : kind }));
}
