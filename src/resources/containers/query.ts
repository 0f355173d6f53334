// Containers: every container (docker ps -a), live from start-up.
import type { ContainerRow } from '../../engine/models/types.js';
import type { ResourceQuerySpec } from '../query.js';
import { groupByProject } from './grouping.js';

/** Container events that cannot change what the list shows. */
export const QUIET_CONTAINER_ACTIONS = /^(exec_|top$|attach$|resize$|archive-path$|extract-to-dir$|export$|commit$)/;

export const containersQuery: ResourceQuerySpec<ContainerRow> = {
  kind: 'containers',
  rowKey: (r) => r.id,
  filterFields: (r) => [r.name, r.image, r.id, ...(r.compose ? [r.compose.project, r.compose.service] : [])],
  list: (engine, signal) => engine.listContainers(signal),
  refreshOn: [{ type: 'container', except: QUIET_CONTAINER_ACTIONS }],
  live: 'always',
  debounceMs: 40,
  group: groupByProject,
  // As `docker ps` lists them: a paused or restarting container is still a running one.
  active: { keep: (r) => r.state === 'running' || r.state === 'paused' || r.state === 'restarting', label: 'running' },
};
