// The Containers table's columns: what `docker ps -a` shows, with a coloured state.
import { ageStatus, timeAgo } from '../../docker/format.js';
import type { ContainerRow } from '../../docker/types.js';
import type { Column } from '../../ui/table/table.js';
import { STATE_COLOR, theme } from '../../ui/theme.js';

export function containerColumns(pending: ReadonlyMap<string, string>, now: number): Column<ContainerRow>[] {
  return [
    { title: 'NAME', value: (r) => r.name, grow: 3, minWidth: 8 },
    { title: 'IMAGE', value: (r) => r.image, grow: 2, minWidth: 6 },
    {
      title: 'STATE',
      width: 11,
      value: (r) => pending.get(r.id) ?? r.state,
      color: (r) => (pending.has(r.id) ? theme.warning : STATE_COLOR[r.state]),
    },
    { title: 'STATUS', value: (r) => ageStatus(r.status, r.statusAt, now), width: 24 },
    { title: 'PORTS', value: (r) => r.ports, grow: 2 },
    { title: 'CREATED', value: (r) => timeAgo(r.created, now), width: 16 },
  ];
}
