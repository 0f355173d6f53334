// The Nodes pane (8): the swarm's nodes, read only while on screen, live from node events.
import type { NodeRow } from '../../engine/models/swarm.js';
import type { ResourceDescriptor } from '../types.js';
import { nodeActions } from './actions.js';
import { nodeColumns } from './columns.js';
import { nodesQuery } from './query.js';

export const nodes: ResourceDescriptor<NodeRow, 'nodes'> = {
  ...nodesQuery,
  kind: 'nodes',
  title: 'Nodes',
  shortTitle: 'Node',
  swarmOnly: true,
  noun: 'node',
  paneAction: 'pane.nodes',
  placement: 'full',
  columns: () => nodeColumns(),
  emptyText: () => 'No nodes',
  actions: nodeActions,
};
