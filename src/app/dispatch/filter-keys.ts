// The list filter (/): start it, type into it, keep it (Enter) or drop it (Esc).
import type { AppContextValue } from '../app-context.js';
import { visibleList } from '../selectors.js';
import { withList, type ListId, type ListUi } from '../ui-state.js';
import { fleetList } from '../engines/fleet.js';

export function filterKeys(ctx: AppContextValue) {
  const focusedList = (): ListId | undefined => {
    const focus = ctx.ui.get().focus;
    return focus === 'detail' || focus === 'engine' || focus === 'engines' ? undefined : focus;
  };
  // The Engines view's fleet list (0, f) has a filter of its own.
  const inFleet = () => ctx.ui.get().focus === 'engines';
  const fleet = (patch: Partial<ListUi>) => ctx.ui.update((s) => ({ ...s, engines: { ...s.engines, fleetList: { ...s.engines.fleetList, ...patch } } }));
  /** Esc: drop the filter; the selected row stays selected. */
  const clear = () => {
    if (inFleet()) return fleet({ editingFilter: false, filter: '' });
    const list = focusedList();
    if (list) ctx.ui.update((s) => withList(s, list, { editingFilter: false, filterSelected: false, filter: '' }));
  };
  return {
    handlers: {
      'filter.start': () => {
        if (inFleet()) return fleet({ editingFilter: true });
        const list = focusedList();
        // Re-opening a kept filter selects it, so typing starts a new one (Backspace clears it).
        if (list) ctx.ui.update((s) => withList(s, list, { editingFilter: true, filterSelected: s.lists[list].filter !== '' }));
      },
      /** Enter: keep the filter, leave the prompt, select the first match. */
      'filter.accept': () => {
        if (inFleet()) return fleet({ editingFilter: false, cursor: 0, selectedKey: fleetList(ctx.engines, ctx.ui.get()).keys[0] });
        const list = focusedList();
        if (!list) return;
        const keys = visibleList(ctx.session, ctx.ui.get(), list).keys;
        ctx.ui.update((s) => withList(s, list, { editingFilter: false, filterSelected: false, cursor: 0, selectedKey: keys[0] }));
      },
      'filter.clear': clear,
    },
    clear,
    /** A key the filter scope does not bind: typed into the filter. */
    type: (name: string, input: string) => {
      const list = focusedList();
      if (!list && !inFleet()) return;
      const kept = list ? ctx.ui.get().lists[list].filter : ctx.ui.get().engines.fleetList.filter;
      const filterSelected = list ? ctx.ui.get().lists[list].filterSelected === true : false;
      // A selected filter is replaced by what is typed (or cleared by Backspace).
      const current = filterSelected ? '' : kept;
      if (list && filterSelected) ctx.ui.update((s) => withList(s, list, { filterSelected: false }));
      let next = current;
      if (name === 'backspace') next = current.slice(0, -1);
      else if (name === 'space') next = current + ' ';
      else if (input && !/[\u0000-\u001f\u007f]/.test(input) && name.length === input.length) next = current + input;
      if (next === kept) return;
      if (next === current && name !== 'backspace') {
        // A key that neither types nor deletes only drops the selection; the filter stays.
        return;
      }
      // As the filter narrows, highlight its first match.
      if (!list) return fleet({ filter: next, cursor: 0, selectedKey: undefined });
      ctx.ui.update((s) => withList(s, list, { filter: next, cursor: 0, selectedKey: undefined }));
    },
  };
}
