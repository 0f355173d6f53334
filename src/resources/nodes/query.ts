// Swarm nodes: read while the Nodes pane is on screen; node events re-read them, and
// while tasks are on their way (a drained node still running some, tasks starting
// somewhere: a task reaches `running` after its container's start event, and tasks of
// other nodes send this engine no event at all) the list is read again every second.
import { nodeRows, type NodeRow } from '../../engine/models/swarm.js';
import type { ResourceQuerySpec } from '../query.js';
import { SWARM_REFRESH, SWARM_SETTLE_MS } from '../services/query.js';

export const nodesQuery: ResourceQuerySpec<NodeRow> = {
  kind: 'nodes',
  rowKey: (r) => r.id,
  filterFields: (r) => [r.hostname, r.role, r.availability, r.status, r.shortId, r.addr],
  list: async (engine, signal) => nodeRows(await engine.swarm.listing(signal)),
  refreshOn: SWARM_REFRESH,
  live: 'onScreen',
  debounceMs: 150,
  settling: (rows) => rows.some((n) => n.starting > 0 || (n.availability === 'drain' && n.tasks > 0)),
  settleMs: SWARM_SETTLE_MS,
};
