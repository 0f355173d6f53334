// Filtered lists by kind, memoised on (rows, filter) so the controller and the views
// share one computation per change instead of one per render. Keys and filter fields
// come from each kind's descriptor (src/resources).
import type { EngineSession } from '../state/session.js';
import { RESOURCE_KINDS, RESOURCE_QUERIES, type ResourceKind, type RowOf } from '../resources/queries.js';
import type { ResourceQuerySpec } from '../resources/query.js';
import { matchesFilter, selectedIndex, type ListUi, type UiState } from './ui-state.js';

export interface FilteredList<Row> {
  rows: Row[];
  keys: string[];
  total: number;
}

type Filter<Row> = (rows: readonly Row[], filter: string) => FilteredList<Row>;

function memoFilter<Row>(spec: ResourceQuerySpec<Row>): Filter<Row> {
  let lastRows: readonly Row[] | undefined;
  let lastFilter = '';
  let last: FilteredList<Row> = { rows: [], keys: [], total: 0 };
  return (rows, filter) => {
    if (rows === lastRows && filter === lastFilter) return last;
    const kept = filter ? rows.filter((r) => matchesFilter(filter, spec.filterFields(r))) : [...rows];
    lastRows = rows;
    lastFilter = filter;
    last = { rows: kept, keys: kept.map(spec.rowKey), total: rows.length };
    return last;
  };
}

const FILTERS = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, memoFilter(RESOURCE_QUERIES[k] as ResourceQuerySpec<unknown>)])) as {
  readonly [K in ResourceKind]: Filter<RowOf<K>>;
};

/** The rows of a kind that match its filter (the same object while rows and filter stay). */
export function filterRows<K extends ResourceKind>(kind: K, rows: readonly RowOf<K>[], filter: string): FilteredList<RowOf<K>> {
  return (FILTERS[kind] as Filter<RowOf<K>>)(rows, filter);
}

export function visibleList<K extends ResourceKind>(session: EngineSession, ui: UiState, kind: K): FilteredList<RowOf<K>> {
  return filterRows(kind, listedRows(kind, session.list(kind).store.get().rows, ui.lists[kind]), ui.lists[kind].filter);
}

/** A kind's rows in list order: grouped when the list is and the kind can group. */
export function listedRows<K extends ResourceKind>(kind: K, rows: readonly RowOf<K>[], list: ListUi): readonly RowOf<K>[] {
  const group = (RESOURCE_QUERIES[kind] as unknown as ResourceQuerySpec<RowOf<K>>).group;
  return list.grouped && group ? group(rows) : rows;
}

/** The selected row of a kind's list, if any. */
export function selectedRow<K extends ResourceKind>(session: EngineSession, ui: UiState, kind: K): RowOf<K> | undefined {
  const list = visibleList(session, ui, kind);
  const i = selectedIndex(list.keys, ui.lists[kind]);
  return i >= 0 ? list.rows[i] : undefined;
}

export const visibleContainers = (session: EngineSession, ui: UiState) => visibleList(session, ui, 'containers');
export const visibleImages = (session: EngineSession, ui: UiState) => visibleList(session, ui, 'images');
export const visibleVolumes = (session: EngineSession, ui: UiState) => visibleList(session, ui, 'volumes');
export const selectedContainer = (session: EngineSession, ui: UiState) => selectedRow(session, ui, 'containers');
export const selectedImage = (session: EngineSession, ui: UiState) => selectedRow(session, ui, 'images');
export const selectedVolume = (session: EngineSession, ui: UiState) => selectedRow(session, ui, 'volumes');
