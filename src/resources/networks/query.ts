// Networks: read while the Networks pane is on screen (or an action needs them). Network
// events (create, destroy, connect, disconnect) re-read them; so do the container events
// that change which containers a network has, or whether they run.
import type { ResourceQuerySpec } from '../query.js';
import { networkApi } from './engine.js';
import { networkRows, type NetworkRow } from './rows.js';

export const networksQuery: ResourceQuerySpec<NetworkRow> = {
  kind: 'networks',
  rowKey: (r) => r.id,
  filterFields: (r) => [r.name, r.driver, r.scope, r.shortId, ...r.subnets],
  list: async (engine, signal) => networkRows(await networkApi(engine).list(signal)),
  refreshOn: [{ type: 'network' }, { type: 'container', actions: ['create', 'destroy', 'start', 'die', 'rename'] }],
  live: 'onScreen',
  debounceMs: 80,
};
