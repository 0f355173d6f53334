// The Projects table: a project row, then its services indented under it.
import type { ResourceColumn, Tone } from '../column-types.js';
import { NO_PROJECT, type ProjectRow, type ProjectState } from './rows.js';

const STATE_TONE: Record<ProjectState, Tone> = { running: 'running', degraded: 'warning', stopped: 'exited' };

function name(r: ProjectRow): string {
  if (r.level === 'service') return `  ${r.service || '(no service)'}`;
  return r.project || NO_PROJECT;
}

/** "running" / "degraded" / "stopped", or what is being done to the group right now. */
export function projectColumns(pending: ReadonlyMap<string, string>): ResourceColumn<ProjectRow>[] {
  const busy = (r: ProjectRow) => r.containers.map((c) => pending.get(c.id)).find(Boolean);
  return [
    { title: 'PROJECT / SERVICE', value: name, grow: 2, minWidth: 16, wantWidth: 24, tone: (r) => (r.level === 'project' && r.project ? 'accent' : undefined) },
    { title: 'SERVICES', value: (r) => (r.level === 'project' && r.project ? String(r.services) : ''), width: 8, priority: 3 },
    { title: 'RUNNING', value: (r) => `${r.running}/${r.total}`, width: 7 },
    { title: 'STATE', value: (r) => busy(r) ?? (r.project ? r.state : ''), width: 11, tone: (r) => (busy(r) ? 'warning' : STATE_TONE[r.state]) },
    { title: 'DIRECTORY', value: (r) => (r.level === 'project' ? r.workingDir : ''), grow: 2, minWidth: 10, priority: 2 },
  ];
}
