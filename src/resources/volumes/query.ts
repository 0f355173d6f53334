// Volumes: read while the Volumes pane is on screen; volume events re-read it.
import type { VolumeRow } from '../../engine/models/volumes.js';
import type { ResourceQuerySpec } from '../query.js';
import type { SortKey } from '../sort-key.js';

const volumeSortKeys: readonly SortKey<VolumeRow>[] = [
  { id: 'name', title: 'VOLUME NAME', value: (v) => v.name },
  { id: 'driver', title: 'DRIVER', value: (v) => v.driver },
  { id: 'size', title: 'SIZE', value: (v) => (v.size >= 0 ? v.size : undefined), desc: true },
];

export const volumesQuery: ResourceQuerySpec<VolumeRow> = {
  kind: 'volumes',
  rowKey: (r) => r.name,
  filterFields: (r) => [r.name, r.driver],
  list: (engine, signal) => engine.listVolumes(signal),
  refreshOn: [{ type: 'volume' }],
  live: 'onScreen',
  debounceMs: 80,
  sortKeys: volumeSortKeys,
  commands: { target: (r) => ({ key: r.name, label: r.name }), placeholders: { ID: (r) => r.name, Name: (r) => r.name } },
};
