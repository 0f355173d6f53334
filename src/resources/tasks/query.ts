// Swarm tasks (`docker service ps` for every service): read while the Tasks pane is on
// screen, on the same events as the services, and again while tasks converge (see
// services/query.ts: tasks have no events of their own).
import { TASK_ENDED, taskRows, type TaskRow } from '../../engine/models/swarm.js';
import type { ResourceQuerySpec } from '../query.js';
import { SWARM_REFRESH, SWARM_SETTLE_MS } from '../services/query.js';

/** A task on its way somewhere: starting, or asked to stop and still running. */
export function taskSettling(t: TaskRow): boolean {
  const starting = t.desired === 'running' && t.state !== 'running' && !TASK_ENDED.has(t.state);
  return starting || ((t.desired === 'shutdown' || t.desired === 'remove') && t.state === 'running');
}

export const tasksQuery: ResourceQuerySpec<TaskRow> = {
  kind: 'tasks',
  rowKey: (r) => r.id,
  // "web." narrows to one service's tasks (Enter on a service sets it).
  filterFields: (r) => [r.name, r.serviceName + '.', r.node, r.state, r.image, r.shortId],
  list: async (engine, signal) => taskRows(await engine.swarm.listing(signal)),
  refreshOn: SWARM_REFRESH,
  live: 'onScreen',
  debounceMs: 150,
  settling: (rows) => rows.some(taskSettling),
  settleMs: SWARM_SETTLE_MS,
};
