// The Tasks table's columns, like `docker service ps`: slot name, node, desired and
// current state with its age, the error a failed task reports.
import { whenText, type DateFormat } from '../../engine/models/format.js';
import type { TaskRow } from '../../engine/models/swarm.js';
import type { ResourceColumn, Tone } from '../column-types.js';

function stateTone(t: TaskRow): Tone | undefined {
  if (t.state === 'running') return t.desired === 'running' ? 'running' : 'warning';
  if (t.state === 'failed' || t.state === 'rejected' || t.state === 'orphaned') return 'error';
  if (t.state === 'shutdown' || t.state === 'complete') return 'muted';
  return 'warning';
}

/**
 * True while some task's CURRENT age still counts seconds (under a minute): only then must
 * the clock tick every second. Older ages change once a minute at most, so a converged
 * swarm's Tasks pane needs no render per second (500 tasks drew 500 unchanged ages a second).
 */
export function tasksCountSeconds(rows: readonly TaskRow[], now = Date.now()): boolean {
  return rows.some((t) => t.sinceMs > 0 && now - t.sinceMs < 60_000);
}

/** "running 5m ago", or with dateFormat absolute "running 2026-12-02 13:05" (`docker service ps`'s CURRENT STATE). */
function currentState(t: TaskRow, now: number, dates: DateFormat): string {
  return `${t.state}${t.sinceMs ? ` ${whenText(t.sinceMs / 1000, now, dates, 'short')}` : ''}`;
}

export function taskColumns(now: number, dates: DateFormat = 'relative'): ResourceColumn<TaskRow>[] {
  return [
    { title: 'TASK', value: (t) => t.name, grow: 2, minWidth: 12 },
    { title: 'NODE', value: (t) => t.node || '-', width: 18 },
    { title: 'DESIRED', value: (t) => t.desired, tone: (t) => (t.desired === 'running' ? undefined : 'muted'), width: 9 },
    { title: 'CURRENT', value: (t) => currentState(t, now, dates), tone: stateTone, width: dates === 'absolute' ? 26 : 20 },
    { title: 'IMAGE', value: (t) => t.image, grow: 2, minWidth: 12, priority: 2 },
    { title: 'ERROR', value: (t) => t.error || '-', tone: (t) => (t.error ? 'error' : 'muted'), grow: 2, minWidth: 10 },
    { title: 'ID', value: (t) => t.shortId, width: 13, priority: 1 },
  ];
}
