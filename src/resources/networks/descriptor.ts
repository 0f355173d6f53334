// The Networks pane (5): the whole body; read only while on screen, live from network events.
import { keyLabel } from '../../keys/labels.js';
import type { ResourceDescriptor } from '../types.js';
import { networkActions } from './actions.js';
import { networkColumns } from './columns.js';
import { containerNetworkActions } from './connect.js';
import { networksQuery } from './query.js';
import type { NetworkRow } from './rows.js';

export const networks: ResourceDescriptor<NetworkRow, 'networks'> = {
  ...networksQuery,
  kind: 'networks',
  title: 'Networks',
  shortTitle: 'Net',
  noun: 'network',
  paneAction: 'pane.networks',
  placement: 'full',
  columns: ({ now, settings }) => networkColumns(now, settings?.dateFormat),
  // CREATED shows ages: the pane's clock ticks (every 30 s).
  clock: () => false,
  emptyText: () => `No networks (${keyLabel('network.create')} creates one)`,
  actions: networkActions,
  // n / N on the Containers pane: connect the selected container to a network, or disconnect it.
  contributes: containerNetworkActions,
};
