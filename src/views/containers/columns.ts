// The Containers table's columns: what `docker ps -a` shows, with a coloured state.
import { ageStatus, shortAgo } from '../../docker/format.js';
import type { StatsCells } from '../../docker/stats-pool.js';
import type { ContainerRow } from '../../docker/types.js';
import type { Column } from '../../ui/table/table.js';
import { STATE_COLOR, theme } from '../../ui/theme.js';

const NO_STATS = new Map<string, StatsCells>();

/** Least useful first: dropped one by one until NAME and IMAGE get a readable width.
 * CREATED goes first because STATUS already says how long ago ("Up 2 hours"). */
const DROP_ORDER = ['CREATED', 'PORTS', 'MEM', 'CPU%'];
const READABLE: Record<string, number> = { NAME: 20, IMAGE: 10 };

function fits(columns: readonly Column<ContainerRow>[], width: number): boolean {
  const needed = columns.reduce((sum, c) => sum + (c.width ?? READABLE[c.title] ?? c.minWidth ?? 0), 0);
  return needed + columns.length - 1 <= width;
}

export function containerColumns(
  pending: ReadonlyMap<string, string>,
  now: number,
  width = Infinity,
  stats: ReadonlyMap<string, StatsCells> = NO_STATS,
): Column<ContainerRow>[] {
  const columns: Column<ContainerRow>[] = [
    { title: 'NAME', value: (r) => r.name, grow: 3, minWidth: 8 },
    { title: 'IMAGE', value: (r) => r.image, grow: 2, minWidth: 6 },
    {
      title: 'STATE',
      width: 10,
      value: (r) => pending.get(r.id) ?? r.state,
      color: (r) => (pending.has(r.id) ? theme.warning : STATE_COLOR[r.state]),
    },
    // Live only for running rows on screen (StatsPool); blank for the rest.
    { title: 'CPU%', value: (r) => stats.get(r.id)?.cpu ?? '', width: 6 },
    { title: 'MEM', value: (r) => stats.get(r.id)?.mem ?? '', width: 7 },
    { title: 'STATUS', value: (r) => ageStatus(r.status, r.statusAt, now), width: 22 },
    // Often empty, and the least read: it gets the smallest share.
    { title: 'PORTS', value: (r) => r.ports, grow: 1 },
    // Compact ("3m ago"): STATUS already spells out durations, and the columns are many.
    { title: 'CREATED', value: (r) => shortAgo(r.created, now), width: 8 },
  ];
  let shown = columns;
  for (const title of DROP_ORDER) {
    if (fits(shown, width)) break;
    shown = shown.filter((c) => c.title !== title);
  }
  return shown;
}
