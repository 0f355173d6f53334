// The Networks table's columns, like `docker network ls` plus what `inspect` would tell:
// subnets, how many containers are on it, its flags, its age.
import { ABSOLUTE_TIME_WIDTH, whenText, type DateFormat } from '../../engine/models/format.js';
import type { ResourceColumn } from '../column-types.js';
import { attachedText, networkFlags, type NetworkRow } from './rows.js';

export function networkColumns(now: number, dates: DateFormat = 'relative'): ResourceColumn<NetworkRow>[] {
  return [
    { title: 'NETWORK NAME', value: (n) => n.name, tone: (n) => (n.predefined ? 'muted' : undefined), grow: 3, minWidth: 14 },
    { title: 'DRIVER', value: (n) => n.driver, width: 8 },
    { title: 'SCOPE', value: (n) => n.scope, width: 6, priority: 3 },
    { title: 'SUBNET', value: (n) => n.subnets.join(', ') || '-', tone: (n) => (n.subnets.length ? undefined : 'muted'), grow: 2, minWidth: 14 },
    { title: 'CONTAINERS', value: attachedText, tone: (n) => (n.containers.length ? undefined : 'muted'), width: 16 },
    { title: 'FLAGS', value: (n) => networkFlags(n) || '-', tone: (n) => (networkFlags(n) ? 'accent' : 'muted'), width: 19, priority: 2 },
    {
      title: 'CREATED',
      value: (n) => (n.createdMs ? whenText(n.createdMs / 1000, now, dates, 'short') : '-'),
      width: dates === 'absolute' ? ABSOLUTE_TIME_WIDTH : 9,
      priority: 1,
    },
  ];
}
