// Containers: every container (docker ps -a), live from start-up.
import type { EngineApi } from '../../engine/api/engine-api.js';
import type { ContainerRow } from '../../engine/models/types.js';
import type { ResourceQuerySpec } from '../query.js';
import type { SortKey } from '../sort-key.js';
import { percentValue, sizeValue } from '../sort-values.js';
import { groupByProject } from './grouping.js';

/** Container events that cannot change what the list shows. */
export const QUIET_CONTAINER_ACTIONS = /^(exec_|top$|attach$|resize$|archive-path$|extract-to-dir$|export$|commit$)/;

/** o cycles NAME, STATE, CPU%, MEM, CREATED; O reverses (src/app/sorting.ts). */
const containerSortKeys: readonly SortKey<ContainerRow>[] = [
  { id: 'name', title: 'NAME', value: (r) => r.name },
  { id: 'state', title: 'STATE', value: (r) => r.state },
  { id: 'cpu', title: 'CPU%', value: (r, s) => percentValue(s.stats.store.get().get(r.id)?.cpu), desc: true, input: (s) => s.stats.store, stats: true },
  { id: 'mem', title: 'MEM', value: (r, s) => sizeValue(s.stats.store.get().get(r.id)?.mem), desc: true, input: (s) => s.stats.store, stats: true },
  { id: 'created', title: 'CREATED', value: (r) => r.created, desc: true },
];

/** The Compose project label of a container, read from the engine only when a command asks. */
async function projectOf(engine: EngineApi, id: string): Promise<string> {
  const answer = (await engine.inspectContainer(id)) as { Config?: { Labels?: Record<string, unknown> | null } } | null;
  const project = answer?.Config?.Labels?.['com.docker.compose.project'];
  return typeof project === 'string' ? project : '';
}

export const containersQuery: ResourceQuerySpec<ContainerRow> = {
  kind: 'containers',
  rowKey: (r) => r.id,
  filterFields: (r) => [r.name, r.image, r.id, ...(r.compose ? [r.compose.project, r.compose.service] : [])],
  list: (engine, signal) => engine.listContainers(signal),
  refreshOn: [{ type: 'container', except: QUIET_CONTAINER_ACTIONS }],
  live: 'always',
  debounceMs: 40,
  group: groupByProject,
  sortKeys: containerSortKeys,
  commands: {
    target: (r) => ({ key: r.id, label: r.name }),
    placeholders: { ID: (r) => r.id, ShortID: (r) => r.shortId, Name: (r) => r.name, Image: (r) => r.image, Project: (r, engine) => projectOf(engine, r.id) },
  },
  // As `docker ps` lists them: a paused or restarting container is still a running one.
  active: { keep: (r) => r.state === 'running' || r.state === 'paused' || r.state === 'restarting', label: 'running' },
};
