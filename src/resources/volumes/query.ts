// Volumes: read while the Volumes pane is on screen; volume events re-read it.
import type { VolumeRow } from '../../engine/models/volumes.js';
import type { ResourceQuerySpec } from '../query.js';

export const volumesQuery: ResourceQuerySpec<VolumeRow> = {
  kind: 'volumes',
  rowKey: (r) => r.name,
  filterFields: (r) => [r.name, r.driver],
  list: (engine, signal) => engine.listVolumes(signal),
  refreshOn: [{ type: 'volume' }],
  live: 'onScreen',
  debounceMs: 80,
};
