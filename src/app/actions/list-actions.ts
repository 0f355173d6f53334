// o / O in a list: sort by the kind's next sort key, or reverse. The choice lives in the
// list's UI state for the session (per engine switch too); the selection stays on its row.
import type { SortKey } from '../../resources/types.js';
import type { AppContextValue } from '../app-context.js';
import { selectedRow } from '../selectors.js';
import { nextSort } from '../sorting.js';
import { setStatus } from '../status.js';
import { withList, type ListId, type ListSort } from '../ui-state.js';
import { RESOURCE_QUERIES, sortKeysOf } from '../../resources/queries.js';
import type { ResourceQuerySpec } from '../../resources/query.js';

export function listActions(ctx: AppContextValue) {
  const focusedList = (): ListId | undefined => {
    const focus = ctx.ui.get().focus;
    return focus === 'detail' || focus === 'engine' || focus === 'engines' ? undefined : focus;
  };
  /** Sets the order, pinning the selection to the row selected now (not its index). */
  const setSort = (list: ListId, sort: (keys: readonly SortKey<unknown>[], current: ListSort | undefined) => ListSort | undefined) => {
    const all = sortKeysOf(list);
    // statsColumns: false — no CPU%/MEM to sort by (their values come from the stats sampler).
    const keys = ctx.config.settings.statsColumns ? all : all.filter((k) => !k.stats);
    if (keys.length === 0) return setStatus(ctx, 'This list has no sort keys: it keeps the engine’s order', 'info');
    const s = ctx.ui.get();
    const row = selectedRow(ctx.session, s, list);
    const spec = RESOURCE_QUERIES[list] as ResourceQuerySpec<unknown>;
    const next = sort(keys, s.lists[list].sort);
    const key = keys.find((k) => k.id === next?.key);
    ctx.ui.update((st) => withList(st, list, { sort: next, ...(row !== undefined ? { selectedKey: spec.rowKey(row) } : {}) }));
    if (key && next) setStatus(ctx, `Sorted by ${key.title} ${next.desc ? '▼' : '▲'}`, 'info');
  };
  return {
    'list.sort': () => {
      const list = focusedList();
      if (list) setSort(list, (keys, current) => nextSort(keys, current));
    },
    'list.sortReverse': () => {
      const list = focusedList();
      if (!list) return;
      setSort(list, (keys, current) => (current ? { ...current, desc: !current.desc } : nextSort(keys, undefined)));
    },
  };
}
