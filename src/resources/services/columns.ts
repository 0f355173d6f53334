// The Services table's columns, like `docker service ls` plus the stack and the state of
// the last update (with how many running tasks already have the new spec). Grouped by
// stack (P), the STACK column moves to the front.
import { ABSOLUTE_TIME_WIDTH, whenText, type DateFormat } from '../../engine/models/format.js';
import { updateText, type ServiceRow } from '../../engine/models/swarm.js';
import type { ResourceColumn, Tone } from '../column-types.js';
import { NO_STACK } from './grouping.js';

function updateTone(row: ServiceRow): Tone | undefined {
  if (row.updateState === 'updating' || row.updateState === 'rollback_started') return 'warning';
  if (row.updateState.includes('paused')) return 'error';
  return row.updateState ? 'muted' : undefined;
}

/** Grouped by stack (P): STACK leads, every row saying its stack. */
const stackLead: ResourceColumn<ServiceRow> = {
  title: 'STACK',
  value: (s) => s.stack || NO_STACK,
  tone: (s) => (s.stack ? 'accent' : 'muted'),
  grow: 1,
  minWidth: 10,
  wantWidth: 14,
};

export function serviceColumns(now: number, grouped = false, dates: DateFormat = 'relative'): ResourceColumn<ServiceRow>[] {
  return [
    ...(grouped ? [stackLead] : []),
    { title: 'SERVICE', value: (s) => s.name, grow: 3, minWidth: 12 },
    ...(grouped
      ? []
      : [
          {
            title: 'STACK',
            value: (s: ServiceRow) => s.stack || '-',
            tone: (s: ServiceRow): Tone | undefined => (s.stack ? undefined : 'muted'),
            width: 12,
            priority: 3,
          },
        ]),
    { title: 'MODE', value: (s) => s.mode, width: 10 },
    { title: 'REPLICAS', value: (s) => `${s.running}/${s.desired}`, tone: (s) => (s.running < s.desired ? 'warning' : 'running'), width: 9 },
    { title: 'IMAGE', value: (s) => s.image, grow: 3, minWidth: 14 },
    { title: 'PORTS', value: (s) => s.ports.join(', ') || '-', tone: (s) => (s.ports.length ? undefined : 'muted'), width: 14, priority: 2 },
    { title: 'UPDATE', value: (s) => updateText(s) || '-', tone: updateTone, width: 20 },
    {
      title: 'CREATED',
      value: (s) => (s.createdMs ? whenText(s.createdMs / 1000, now, dates, 'short') : '-'),
      width: dates === 'absolute' ? ABSOLUTE_TIME_WIDTH : 9,
      priority: 1,
    },
  ];
}
