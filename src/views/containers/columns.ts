// The Containers table's columns: what `docker ps -a` shows, with a coloured state.
import { ageStatus, shortAgo } from '../../engine/models/format.js';
import type { StatsCells } from '../../state/stats-sampler.js';
import type { ContainerRow } from '../../engine/models/types.js';
import type { Column } from '../../ui/table/table.js';
import { STATE_COLOR, theme } from '../../ui/theme.js';

const NO_STATS = new Map<string, StatsCells>();

export function containerColumns(pending: ReadonlyMap<string, string>, now: number, stats: ReadonlyMap<string, StatsCells> = NO_STATS): Column<ContainerRow>[] {
  // At 80 columns: NAME IMAGE STATE; 100: + CPU%; 120: + MEM; 160: + STATUS; ~200: + PORTS
  // CREATED. A name cut short is of little use (compose names run past 20), so less
  // important columns give way first.
  return [
    { title: 'NAME', value: (r) => r.name, grow: 3, minWidth: 16, wantWidth: 20 },
    { title: 'IMAGE', value: (r) => r.image, grow: 1, minWidth: 7, priority: 1 },
    {
      title: 'STATE',
      // 11: "restarting…", the longest progress state, must not be cut.
      width: 11,
      value: (r) => pending.get(r.id) ?? r.state,
      color: (r) => (pending.has(r.id) ? theme.warning : STATE_COLOR[r.state]),
    },
    // Sampled every few seconds for running rows on screen (StatsSampler); blank for the rest.
    { title: 'CPU%', value: (r) => stats.get(r.id)?.cpu ?? '', width: 6, priority: 2 },
    { title: 'MEM', value: (r) => stats.get(r.id)?.mem ?? '', width: 7, priority: 3 },
    { title: 'STATUS', value: (r) => ageStatus(r.status, r.statusAt, now), width: 22, priority: 4 },
    // Ports are long ("0.0.0.0:8080->80/tcp"): only shown where a useful part fits.
    { title: 'PORTS', value: (r) => r.ports, grow: 2, minWidth: 12, priority: 6 },
    // Compact ("3m ago"): STATUS already spells out durations, and the columns are many.
    { title: 'CREATED', value: (r) => shortAgo(r.created, now), width: 8, priority: 5 },
  ];
}
