// Swarm services: read while the Services pane is on screen. Service and node events
// re-read them; tasks have no events (API 1.41), so the container events of this engine
// stand in for its own tasks, and while a service converges (tasks starting on other
// nodes, a rolling update) the list is read again every second — the API offers nothing
// else for tasks on other nodes.
import { serviceRows, serviceSettling, type ServiceRow } from '../../engine/models/swarm.js';
import type { RefreshRule, ResourceQuerySpec } from '../query.js';
import { groupByStack } from './grouping.js';

/** What makes any swarm list stale: services, nodes, and this engine's task containers. */
export const SWARM_REFRESH: readonly RefreshRule[] = [
  { type: 'service' },
  { type: 'node' },
  { type: 'container', actions: ['create', 'start', 'die', 'kill', 'stop', 'destroy'] },
];

/** How long a converging swarm waits before it is read again (only while on screen). */
export const SWARM_SETTLE_MS = 1000;

export const servicesQuery: ResourceQuerySpec<ServiceRow> = {
  kind: 'services',
  rowKey: (r) => r.id,
  filterFields: (r) => [r.name, r.image, r.stack, r.mode, r.shortId],
  list: async (engine, signal) => serviceRows(await engine.swarm.listing(signal)),
  refreshOn: SWARM_REFRESH,
  live: 'onScreen',
  debounceMs: 150,
  settling: (rows) => rows.some(serviceSettling),
  settleMs: SWARM_SETTLE_MS,
  group: groupByStack,
};
