// Networks: read while the Networks pane is on screen (or an action needs them). Network
// events (create, destroy, connect, disconnect) re-read them; so do the container events
// that change which containers a network has, or whether they run.
import type { ResourceQuerySpec } from '../query.js';
import type { SortKey } from '../sort-key.js';
import { networkApi } from './engine.js';
import { networkRows, type NetworkRow } from './rows.js';

const networkSortKeys: readonly SortKey<NetworkRow>[] = [
  { id: 'name', title: 'NETWORK NAME', value: (n) => n.name },
  { id: 'driver', title: 'DRIVER', value: (n) => n.driver },
  { id: 'created', title: 'CREATED', value: (n) => n.createdMs || undefined, desc: true },
];

export const networksQuery: ResourceQuerySpec<NetworkRow> = {
  kind: 'networks',
  rowKey: (r) => r.id,
  filterFields: (r) => [r.name, r.driver, r.scope, r.shortId, ...r.subnets],
  list: async (engine, signal) => networkRows(await networkApi(engine).list(signal)),
  refreshOn: [{ type: 'network' }, { type: 'container', actions: ['create', 'destroy', 'start', 'die', 'rename'] }],
  live: 'onScreen',
  debounceMs: 80,
  sortKeys: networkSortKeys,
  commands: { target: (r) => ({ key: r.id, label: r.name }), placeholders: { ID: (r) => r.id, ShortID: (r) => r.shortId, Name: (r) => r.name } },
};
