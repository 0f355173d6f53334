// The list filter (/): start it, type into it, keep it (Enter) or drop it (Esc).
import type { AppContextValue } from '../app-context.js';
import { visibleList } from '../selectors.js';
import { withList, type ListId } from '../ui-state.js';

export function filterKeys(ctx: AppContextValue) {
  const focusedList = (): ListId | undefined => {
    const focus = ctx.ui.get().focus;
    return focus === 'detail' || focus === 'engine' ? undefined : focus;
  };
  /** Esc: drop the filter; the selected row stays selected. */
  const clear = () => {
    const list = focusedList();
    if (list) ctx.ui.update((s) => withList(s, list, { editingFilter: false, filterSelected: false, filter: '' }));
  };
  return {
    handlers: {
      'filter.start': () => {
        const list = focusedList();
        // Re-opening a kept filter selects it, so typing starts a new one (Backspace clears it).
        if (list) ctx.ui.update((s) => withList(s, list, { editingFilter: true, filterSelected: s.lists[list].filter !== '' }));
      },
      /** Enter: keep the filter, leave the prompt, select the first match. */
      'filter.accept': () => {
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
      if (!list) return;
      const { filter: kept, filterSelected } = ctx.ui.get().lists[list];
      // A selected filter is replaced by what is typed (or cleared by Backspace).
      const current = filterSelected ? '' : kept;
      if (filterSelected) ctx.ui.update((s) => withList(s, list, { filterSelected: false }));
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
      ctx.ui.update((s) => withList(s, list, { filter: next, cursor: 0, selectedKey: undefined }));
    },
  };
}
