// Filtered and sorted (or grouped) lists by kind, memoised on (rows, filter, sort, grouped) so the controller and the views
// share one computation per change instead of one per render. Keys and filter fields
// come from each kind's descriptor (src/resources).
import type { EngineSession } from '../state/session.js';
import { RESOURCE_KINDS, RESOURCE_QUERIES, sortKeysOf, type ResourceKind, type RowOf } from '../resources/queries.js';
import type { ResourceQuerySpec } from '../resources/query.js';
import type { SortKey } from '../resources/column-types.js';
import { sortRows } from './sorting.js';
import { matchesFilter, selectedIndex, type ListSort, type ListUi, type UiState } from './ui-state.js';

export interface FilteredList<Row> {
  rows: Row[];
  keys: string[];
  total: number;
}

type Filter<Row> = (rows: readonly Row[], list: ListView, session: EngineSession) => FilteredList<Row>;

/** What of a list's UI state decides which rows it shows, in which order. */
export type ListView = Pick<ListUi, 'filter' | 'sort' | 'grouped' | 'activeOnly'>;

function memoFilter<Row>(spec: ResourceQuerySpec<Row>, sortKeys: readonly SortKey<Row>[]): Filter<Row> {
  let lastRows: readonly Row[] | undefined;
  let lastFilter = '';
  let lastSort: ListSort | undefined;
  let lastInput: unknown;
  let lastGrouped = false;
  let lastActive = false;
  let last: FilteredList<Row> = { rows: [], keys: [], total: 0 };
  return (rows, { filter, sort, grouped: groupedUi, activeOnly }, session) => {
    // Grouped (a kind with `group`, e.g. Containers by Compose project) orders by its groups
    // and ignores the sort key.
    const grouped = Boolean(groupedUi && spec.group);
    const key = sort && sortKeys.find((k) => k.id === sort.key);
    // Sorting by a value from another store (CPU from the stats sampler) re-sorts when it changes.
    const input = key?.input?.(session).get();
    const active = Boolean(activeOnly && spec.active);
    if (rows === lastRows && filter === lastFilter && sort === lastSort && input === lastInput && grouped === lastGrouped && active === lastActive) return last;
    const shown = active && spec.active ? rows.filter(spec.active.keep) : rows;
    const kept = filter ? shown.filter((r) => matchesFilter(filter, spec.filterFields(r))) : shown;
    const ordered = grouped && spec.group ? [...spec.group(kept)] : sortRows(kept, sortKeys, sort, session);
    lastRows = rows;
    lastFilter = filter;
    lastSort = sort;
    lastInput = input;
    lastGrouped = grouped;
    lastActive = active;
    last = { rows: ordered, keys: ordered.map(spec.rowKey), total: rows.length };
    return last;
  };
}

const FILTERS = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, memoFilter(RESOURCE_QUERIES[k] as ResourceQuerySpec<unknown>, sortKeysOf(k))])) as {
  readonly [K in ResourceKind]: Filter<RowOf<K>>;
};

/** The rows of a kind that match its filter, in its sort order (the same object while nothing changed). */
export function filterRows<K extends ResourceKind>(kind: K, rows: readonly RowOf<K>[], list: ListView, session: EngineSession): FilteredList<RowOf<K>> {
  return (FILTERS[kind] as Filter<RowOf<K>>)(rows, list, session);
}

export function visibleList<K extends ResourceKind>(session: EngineSession, ui: UiState, kind: K): FilteredList<RowOf<K>> {
  return filterRows(kind, session.list(kind).store.get().rows, ui.lists[kind], session);
}

/** The selected row of a kind's list, if any. */
export function selectedRow<K extends ResourceKind>(session: EngineSession, ui: UiState, kind: K): RowOf<K> | undefined {
  const list = visibleList(session, ui, kind);
  const i = selectedIndex(list.keys, ui.lists[kind]);
  return i >= 0 ? list.rows[i] : undefined;
}

/** The marked rows of a kind still listed (marks of rows gone are ignored), filtered out or not. */
export function markedRows<K extends ResourceKind>(session: EngineSession, ui: UiState, kind: K): RowOf<K>[] {
  const marks = ui.lists[kind].marks;
  if (!marks || marks.size === 0) return [];
  const spec = RESOURCE_QUERIES[kind] as unknown as ResourceQuerySpec<RowOf<K>>;
  return session
    .list(kind)
    .store.get()
    .rows.filter((r) => marks.has(spec.rowKey(r)));
}

export const visibleContainers = (session: EngineSession, ui: UiState) => visibleList(session, ui, 'containers');
export const visibleImages = (session: EngineSession, ui: UiState) => visibleList(session, ui, 'images');
export const visibleVolumes = (session: EngineSession, ui: UiState) => visibleList(session, ui, 'volumes');
export const selectedContainer = (session: EngineSession, ui: UiState) => selectedRow(session, ui, 'containers');
export const selectedImage = (session: EngineSession, ui: UiState) => selectedRow(session, ui, 'images');
export const selectedVolume = (session: EngineSession, ui: UiState) => selectedRow(session, ui, 'volumes');
