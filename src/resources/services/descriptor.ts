// The Services pane (7): the whole body; read only while on screen and only on a swarm
// manager (anywhere else the list says how to get one).
import { keyLabel } from '../../keys/labels.js';
import type { ServiceRow } from '../../engine/models/swarm.js';
import type { ResourceDescriptor } from '../types.js';
import { serviceActions } from './actions.js';
import { serviceColumns } from './columns.js';
import { serviceLogSubject } from './logs.js';
import { servicesQuery } from './query.js';

export const services: ResourceDescriptor<ServiceRow, 'services'> = {
  ...servicesQuery,
  kind: 'services',
  title: 'Services',
  shortTitle: 'Svc',
  swarmOnly: true,
  noun: 'service',
  paneAction: 'pane.services',
  placement: 'full',
  columns: ({ now, grouped, settings }) => serviceColumns(now, grouped, settings?.dateFormat),
  clock: () => false,
  emptyText: () => `No services (docker service create makes one; ${keyLabel('pane.nodes')} shows the nodes)`,
  // l: the service's log, live, over the whole body (src/resources/services/logs.ts).
  detailTabs: ['logs'],
  detailSubject: serviceLogSubject,
  actions: serviceActions,
};
