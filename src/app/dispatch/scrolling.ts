// The move keys (↑↓ PgUp PgDn g G): they move the selection of a list, or scroll the
// view in front (text overlay, Engine view, the detail pane's tab). Page sizes come
// from layout.ts `pages`, the one place they are computed.
import { overviewLines } from '../../engine/models/engine-overview.js';
import { viewRows } from '../../state/log-index.js';
import { scrollRows } from '../log-scroll.js';
import { RESOURCES } from '../../resources/registry.js';
import type { AppContextValue } from '../app-context.js';
import { engineRows, layoutFor, pages } from '../layout.js';
import { moveSelection, scrollTop, type Move } from '../navigation.js';
import { scrollOverlay } from '../overlay.js';
import { detailWidth, inspectRows } from '../inspect-rows.js';
import { visibleList } from '../selectors.js';
import { moveInEngines } from '../actions/engines-actions.js';
import { fleetDetailOpen, type UiState } from '../ui-state.js';

export function moveKeys(ctx: AppContextValue) {
  const update = (fn: (s: UiState) => UiState) => ctx.ui.update(fn);
  const move = (move: Move): void => {
    const s = ctx.ui.get();
    const layout = layoutFor(ctx.terminal.get().cols, ctx.terminal.get().rows);
    if (s.overlay) return update((st) => scrollOverlay(st, move, pages.overlay(layout)));
    if (s.focus === 'engine') {
      // The Engine view scrolls when it is taller than the screen (80×24).
      const overview = ctx.session.overview.store.get().value;
      const total = overview ? overviewLines(overview).length : 0;
      return update((st) => {
        const top = scrollTop({ ...st, topScroll: st.engineScroll }, move, total, engineRows(layout.bodyHeight)).topScroll;
        return top === st.engineScroll ? st : { ...st, engineScroll: top };
      });
    }
    if (s.focus === 'engines' && !fleetDetailOpen(s)) return moveInEngines(ctx, move, pages.list(layout, 'full'));
    // The detail pane, the app's or a fleet row's (the Engines view with its detail open).
    if (s.focus === 'detail' || s.focus === 'engines') {
      if (s.detailTab === 'logs') {
        const log = ctx.detail.state.logs;
        if (log) update((st) => scrollRows(st, viewRows(log.lines, st.logView.filter), move, pages.detail(layout)));
      } else if (s.detailTab === 'inspect') {
        const lines = ctx.detail.state.inspect?.lines ?? [];
        const total = inspectRows(lines, s.inspect.wrap, detailWidth(layout, Boolean(s.detailZoom))).rows.length;
        update((st) => {
          const top = scrollTop({ ...st, topScroll: st.inspect.top }, move, total, pages.detail(layout)).topScroll;
          return top === st.inspect.top ? st : { ...st, inspect: { ...st.inspect, top } };
        });
      } else if (s.detailTab === 'top') {
        const total = ctx.detail.state.top?.result?.processes.length ?? 0;
        update((st) => scrollTop(st, move, total, pages.detail(layout)));
      }
      return;
    }
    const list = s.focus;
    const keys = visibleList(ctx.session, s, list).keys;
    update((st) => moveSelection(st, list, keys, move, pages.list(layout, RESOURCES[list].placement)));
  };
  return {
    'move.up': () => move('up'),
    'move.down': () => move('down'),
    'move.pageUp': () => move('pageUp'),
    'move.pageDown': () => move('pageDown'),
    'move.home': () => move('home'),
    'move.end': () => move('end'),
  };
}
