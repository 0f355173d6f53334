// The Containers table's columns: what `docker ps -a` shows, with a coloured state.
import { ageStatus, timeAgo } from '../../docker/format.js';
import type { ContainerRow } from '../../docker/types.js';
import type { Column } from '../../ui/table/table.js';
import { STATE_COLOR, theme } from '../../ui/theme.js';

/** Below this many cells CREATED is left out: STATUS already says how long ago ("Up 2
 * hours", "Exited (0) 3 days ago"), and a 160-column terminal otherwise cut names to 12. */
export const CREATED_MIN_WIDTH = 110;

export function containerColumns(pending: ReadonlyMap<string, string>, now: number, width = Infinity): Column<ContainerRow>[] {
  const columns: Column<ContainerRow>[] = [
    { title: 'NAME', value: (r) => r.name, grow: 3, minWidth: 8 },
    { title: 'IMAGE', value: (r) => r.image, grow: 2, minWidth: 6 },
    {
      title: 'STATE',
      width: 11,
      value: (r) => pending.get(r.id) ?? r.state,
      color: (r) => (pending.has(r.id) ? theme.warning : STATE_COLOR[r.state]),
    },
    { title: 'STATUS', value: (r) => ageStatus(r.status, r.statusAt, now), width: 24 },
    // Often empty, and the least read: it gets the smallest share.
    { title: 'PORTS', value: (r) => r.ports, grow: 1 },
    { title: 'CREATED', value: (r) => timeAgo(r.created, now), width: 16 },
  ];
  return width < CREATED_MIN_WIDTH ? columns.filter((c) => c.title !== 'CREATED') : columns;
}
