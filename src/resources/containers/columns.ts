// The Containers table's columns: what `docker ps -a` shows, with a coloured state.
import { ABSOLUTE_TIME_WIDTH, whenText } from '../../engine/models/format.js';
import { containerStatus, shownAge, statusWidth } from '../../engine/models/status-age.js';
import { timesForRow, type TimesEntry } from '../../state/container-times.js';
import type { StatsCells } from '../../state/stats-sampler.js';
import type { ContainerRow } from '../../engine/models/types.js';
import { DEFAULT_LIST_SETTINGS, type ListSettings, type ResourceColumn } from '../column-types.js';

const NO_STATS = new Map<string, StatsCells>();
const NO_TIMES = new Map<string, TimesEntry>();

export function containerColumns(
  pending: ReadonlyMap<string, string>,
  now: number,
  stats: ReadonlyMap<string, StatsCells> = NO_STATS,
  times: ReadonlyMap<string, TimesEntry> = NO_TIMES,
  settings: ListSettings = DEFAULT_LIST_SETTINGS,
): ResourceColumn<ContainerRow>[] {
  const absolute = settings.dateFormat === 'absolute';
  // At 80 columns: NAME IMAGE STATE; 100: + CPU%; 120: + MEM; 160: + STATUS; ~200: + PORTS
  // CREATED; wider still: + ID COMMAND (as `docker ps` has them; look.columns can ask for
  // them anywhere). A name cut short is of little use (compose names run past 20), so less
  // important columns give way first.
  return [
    { title: 'NAME', value: (r) => r.name, grow: 3, minWidth: 16, wantWidth: 20 },
    { title: 'ID', value: (r) => r.shortId, width: 12, priority: 7 },
    { title: 'IMAGE', value: (r) => r.image, grow: 1, minWidth: 7, priority: 1 },
    // Quoted as `docker ps` shows it; the engine gives the command line as one string.
    { title: 'COMMAND', value: (r) => (r.command ? `"${r.command}"` : ''), grow: 1, minWidth: 14, priority: 8 },
    {
      title: 'STATE',
      // 11: "restarting…", the longest progress state, must not be cut.
      width: 11,
      value: (r) => pending.get(r.id) ?? r.state,
      tone: (r) => (pending.has(r.id) ? 'warning' : r.state),
    },
    // Sampled every few seconds for running rows on screen (StatsSampler); blank for the rest.
    // statsColumns: false leaves them out (and the descriptor samples nothing).
    ...(settings.statsColumns
      ? [
          { title: 'CPU%', value: (r: ContainerRow) => stats.get(r.id)?.cpu ?? '', width: 6, priority: 2 },
          { title: 'MEM', value: (r: ContainerRow) => stats.get(r.id)?.mem ?? '', width: 7, priority: 3 },
        ]
      : []),
    {
      title: 'STATUS',
      value: (r) => containerStatus(r, timesForRow(times, r), now, settings.dateFormat),
      width: statusWidth(settings.dateFormat),
      priority: 4,
    },
    // Ports are long ("0.0.0.0:8080->80/tcp"): only shown where a useful part fits.
    { title: 'PORTS', value: (r) => r.ports, grow: 2, minWidth: 12, priority: 6 },
    // Compact ("3m ago"): STATUS already spells out durations, and the columns are many.
    { title: 'CREATED', value: (r) => whenText(r.created, now, settings.dateFormat, 'short'), width: absolute ? ABSOLUTE_TIME_WIDTH : 8, priority: 5 },
  ];
}

/** True while some row's status or age is counted in seconds (the clock then ticks every second). */
export function countsSeconds(rows: readonly ContainerRow[], times: ReadonlyMap<string, TimesEntry> = NO_TIMES): boolean {
  const now = Date.now();
  return rows.some((r) => {
    if (now - r.created * 1000 < 60_000) return true;
    const age = shownAge(containerStatus(r, timesForRow(times, r), now));
    return age !== undefined && age < 60_000;
  });
}

/** PROJECT and SERVICE, shown while the list is grouped. */
export const projectColumns: ResourceColumn<ContainerRow>[] = [
  { title: 'PROJECT', value: (r) => r.compose?.project ?? '—', grow: 1, minWidth: 8, wantWidth: 12, tone: (r) => (r.compose ? 'accent' : 'muted') },
  { title: 'SERVICE', value: (r) => r.compose?.service ?? '', grow: 1, minWidth: 7, wantWidth: 10, priority: 1 },
];
