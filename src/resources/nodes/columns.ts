// The Nodes table's columns, like `docker node ls` plus address, running tasks and labels.
// Nodes on one machine share a hostname: the id column tells them apart.
import { labelText, type NodeRow } from '../../engine/models/swarm.js';
import type { ResourceColumn } from '../column-types.js';

export function nodeColumns(): ResourceColumn<NodeRow>[] {
  return [
    { title: 'ID', value: (n) => n.shortId, width: 13 },
    { title: 'HOSTNAME', value: (n) => n.hostname, grow: 2, minWidth: 10 },
    { title: 'ROLE', value: (n) => n.role, width: 8 },
    { title: 'STATUS', value: (n) => n.status, tone: (n) => (n.status === 'ready' ? 'running' : 'error'), width: 8 },
    {
      title: 'AVAILABILITY',
      value: (n) => n.availability,
      tone: (n) => (n.availability === 'active' ? undefined : n.availability === 'drain' ? 'warning' : 'paused'),
      width: 13,
    },
    {
      title: 'MANAGER',
      value: (n) => n.managerStatus || '-',
      tone: (n) => (n.managerStatus === 'unreachable' ? 'error' : n.managerStatus ? 'accent' : 'muted'),
      width: 12,
    },
    { title: 'TASKS', value: (n) => String(n.tasks), width: 6 },
    { title: 'ENGINE', value: (n) => n.engineVersion, width: 16, priority: 2 },
    { title: 'ADDRESS', value: (n) => n.addr, width: 16, priority: 3 },
    { title: 'LABELS', value: (n) => labelText(n.labels) || '-', tone: (n) => (labelText(n.labels) ? undefined : 'muted'), grow: 2, minWidth: 8, priority: 1 },
  ];
}
