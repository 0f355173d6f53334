// Compose projects as rows, grouped from the containers list by their labels: one row
// per project, each followed by one row per service (a tree that is always open, so
// the whole application and its parts sit side by side, as lazydocker users expect).
// Containers without a project label gather in one "no project" row at the end. Pure:
// no engine calls, no events; the Projects list is re-derived when the containers list
// changes (src/state/derived-query.ts).
import type { ContainerRow } from '../../engine/models/types.js';

/** All replicas running / some / none (paused and restarting ones are not running). */
export type ProjectState = 'running' | 'degraded' | 'stopped';

export interface ProjectRow {
  /** Stable id: the selection follows it across re-lists. */
  key: string;
  level: 'project' | 'service';
  /** The project's name; '' for the containers that belong to no project. */
  project: string;
  /** The service's name on service rows; '' on project rows. */
  service: string;
  /** Every container of the project or service, one-off (`run`) containers too. */
  containers: ContainerRow[];
  /** Services in the project (project rows). */
  services: number;
  /** Replicas running and in all (one-off containers do not count when there are replicas). */
  running: number;
  total: number;
  state: ProjectState;
  workingDir: string;
  configFiles: string;
}

export const NO_PROJECT = '(no project)';

export function projectKey(project: string): string {
  return `project:${project}`;
}

export function serviceKey(project: string, service: string): string {
  return `service:${project}/${service}`;
}

/** Running/total and the state summary over a group's containers. */
export function summarize(containers: readonly ContainerRow[]): Pick<ProjectRow, 'running' | 'total' | 'state'> {
  const replicas = containers.filter((c) => !c.compose?.oneoff);
  const counted = replicas.length ? replicas : containers;
  const running = counted.filter((c) => c.state === 'running').length;
  const total = counted.length;
  return { running, total, state: total > 0 && running === total ? 'running' : running === 0 ? 'stopped' : 'degraded' };
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Replica 1, 2, … then by name (one-off containers have no number). */
function byReplica(a: ContainerRow, b: ContainerRow): number {
  return (a.compose?.number ?? 0) - (b.compose?.number ?? 0) || byName(a.name, b.name);
}

/** The rows of the Projects pane, from every container (docker ps -a). */
export function projectRows(containers: readonly ContainerRow[]): ProjectRow[] {
  const projects = new Map<string, Map<string, ContainerRow[]>>();
  const loose: ContainerRow[] = [];
  for (const c of containers) {
    if (!c.compose) {
      loose.push(c);
      continue;
    }
    let services = projects.get(c.compose.project);
    if (!services) projects.set(c.compose.project, (services = new Map<string, ContainerRow[]>()));
    const members = services.get(c.compose.service);
    if (members) members.push(c);
    else services.set(c.compose.service, [c]);
  }
  const rows: ProjectRow[] = [];
  for (const project of [...projects.keys()].sort(byName)) {
    const services = projects.get(project)!;
    const all = [...services.values()].flat().sort(byReplica);
    // The labels of its newest container: a project re-created elsewhere says where it is now.
    const newest = all.reduce((a, b) => (b.created > a.created ? b : a));
    const where = { workingDir: newest.compose?.workingDir ?? '', configFiles: newest.compose?.configFiles ?? '' };
    rows.push({ key: projectKey(project), level: 'project', project, service: '', containers: all, services: services.size, ...summarize(all), ...where });
    for (const service of [...services.keys()].sort(byName)) {
      const members = services.get(service)!.sort(byReplica);
      rows.push({ key: serviceKey(project, service), level: 'service', project, service, containers: members, services: 1, ...summarize(members), ...where });
    }
  }
  if (loose.length) {
    const members = [...loose].sort((a, b) => byName(a.name, b.name));
    rows.push({
      key: projectKey(''),
      level: 'project',
      project: '',
      service: '',
      containers: members,
      services: 0,
      ...summarize(members),
      workingDir: '',
      configFiles: '',
    });
  }
  return rows;
}

/** How a row names its group in messages: 'project shop', 'service shop/web', 'the containers of no project'. */
export function groupLabel(row: Pick<ProjectRow, 'level' | 'project' | 'service'>): string {
  if (!row.project) return 'the containers of no project';
  return row.level === 'project' ? `project ${row.project}` : `service ${row.project}/${row.service || '(no service)'}`;
}

/** The containers of a project (and service) in a containers list, as the labels say now. */
export function groupMembers(containers: readonly ContainerRow[], project: string, service?: string): ContainerRow[] {
  return containers.filter((c) => c.compose?.project === project && (service === undefined || c.compose.service === service)).sort(byReplica);
}
