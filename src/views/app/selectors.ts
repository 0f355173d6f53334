// Filtered lists, memoised on (rows, filter) so the controller and the views share
// one computation per change instead of one per render.
import type { ContainerRow, ImageRow } from '../../engine/models/types.js';
import type { EngineSession } from '../../state/session.js';
import type { VolumeRow } from '../../engine/models/volumes.js';
import { matchesFilter, selectedIndex, type ListId, type UiState } from './ui-state.js';

export interface FilteredList<Row> {
  rows: Row[];
  keys: string[];
  total: number;
}

function memoFilter<Row>(keyOf: (r: Row) => string, fieldsOf: (r: Row) => string[]) {
  let lastRows: readonly Row[] | undefined;
  let lastFilter = '';
  let last: FilteredList<Row> = { rows: [], keys: [], total: 0 };
  return (rows: readonly Row[], filter: string): FilteredList<Row> => {
    if (rows === lastRows && filter === lastFilter) return last;
    const kept = filter ? rows.filter((r) => matchesFilter(filter, fieldsOf(r))) : [...rows];
    lastRows = rows;
    lastFilter = filter;
    last = { rows: kept, keys: kept.map(keyOf), total: rows.length };
    return last;
  };
}

export const filterContainers = memoFilter<ContainerRow>(
  (r) => r.id,
  (r) => [r.name, r.image, r.id],
);

export const filterImages = memoFilter<ImageRow>(
  (r) => r.key,
  (r) => [`${r.repository}:${r.tag}`, r.id.replace(/^sha256:/, '')],
);

export function visibleContainers(session: EngineSession, ui: UiState): FilteredList<ContainerRow> {
  return filterContainers(session.containers.get().rows, ui.lists.containers.filter);
}

export function visibleImages(session: EngineSession, ui: UiState): FilteredList<ImageRow> {
  return filterImages(session.images.get().rows, ui.lists.images.filter);
}

export const filterVolumes = memoFilter<VolumeRow>(
  (r) => r.name,
  (r) => [r.name, r.driver],
);

const NO_VOLUMES: VolumeRow[] = [];

export function visibleVolumes(session: EngineSession, ui: UiState): FilteredList<VolumeRow> {
  return filterVolumes(session.volumes.store.get().value ?? NO_VOLUMES, ui.lists.volumes.filter);
}

export function selectedVolume(session: EngineSession, ui: UiState): VolumeRow | undefined {
  const list = visibleVolumes(session, ui);
  const i = selectedIndex(list.keys, ui.lists.volumes);
  return i >= 0 ? list.rows[i] : undefined;
}

export function visibleList(session: EngineSession, ui: UiState, id: ListId): FilteredList<ContainerRow | ImageRow | VolumeRow> {
  if (id === 'volumes') return visibleVolumes(session, ui);
  return id === 'containers' ? visibleContainers(session, ui) : visibleImages(session, ui);
}

export function selectedContainer(session: EngineSession, ui: UiState): ContainerRow | undefined {
  const list = visibleContainers(session, ui);
  const i = selectedIndex(list.keys, ui.lists.containers);
  return i >= 0 ? list.rows[i] : undefined;
}

export function selectedImage(session: EngineSession, ui: UiState): ImageRow | undefined {
  const list = visibleImages(session, ui);
  const i = selectedIndex(list.keys, ui.lists.images);
  return i >= 0 ? list.rows[i] : undefined;
}
