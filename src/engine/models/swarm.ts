// Swarm services, tasks and nodes as rows, from one SwarmListing (src/engine/api/swarm.ts).
// Pure: every field is read as `unknown`, checked, and every string sanitized, whatever the
// engine — or something posing as it — sends.
import { sanitize } from '../../text/sanitize.js';
import type { SwarmListing } from '../api/swarm.js';
import { compareText } from '../../text/compare-text.js';

export interface ServiceRow {
  id: string;
  shortId: string;
  name: string;
  /** com.docker.stack.namespace: the stack (`docker stack deploy`) it belongs to, or ''. */
  stack: string;
  mode: string;
  /** Tasks running now / wanted (global: one per eligible node, as the engine counts). */
  running: number;
  desired: number;
  /** The image without its @sha256 digest. */
  image: string;
  /** "8080:80/tcp", published ports only. */
  ports: string[];
  /** updating / paused / completed / rollback_started / … ('' when never updated). */
  updateState: string;
  updateMessage: string;
  /** Running tasks that already have the current spec (image and force counter). */
  updated: number;
  createdMs: number;
  labels: Record<string, string>;
}

export interface TaskRow {
  id: string;
  shortId: string;
  serviceId: string;
  serviceName: string;
  /** "web.3" (replicated) or "web.<node id>" (global): as `docker service ps` names it. */
  name: string;
  slot: number;
  nodeId: string;
  /** The node's hostname and short id (nodes on one machine share a hostname). */
  node: string;
  desired: string;
  state: string;
  error: string;
  /** When the task entered its state (ms since the epoch, 0 unknown). */
  sinceMs: number;
  image: string;
}

export interface NodeRow {
  id: string;
  shortId: string;
  hostname: string;
  role: string;
  availability: string;
  status: string;
  /** Managers: leader / reachable / unreachable; workers ''. */
  managerStatus: string;
  engineVersion: string;
  addr: string;
  labels: Record<string, string>;
  /** Tasks running on it now. */
  tasks: number;
  /** Tasks on their way to running there (assigned, preparing, starting…). */
  starting: number;
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? sanitize(v) : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const ms = (v: unknown): number => {
  const t = Date.parse(typeof v === 'string' ? v : '');
  return Number.isFinite(t) ? t : 0;
};

function stringMap(v: unknown): Record<string, string> {
  // No prototype: a "__proto__" label stays an ordinary key.
  const out = Object.create(null) as Record<string, string>;
  for (const [k, val] of Object.entries(obj(v))) if (typeof val === 'string') out[sanitize(k)] = sanitize(val);
  return out;
}

/** "dtui-test/busybox:latest@sha256:…" → "dtui-test/busybox:latest". */
export function withoutDigest(image: string): string {
  const at = image.indexOf('@');
  return at > 0 ? image.slice(0, at) : image;
}

function taskImage(t: Loose): string {
  return str(obj(obj(t.Spec).ContainerSpec).Image);
}

function nodeNames(nodes: readonly unknown[]): Map<string, string> {
  return new Map(
    nodes.map((raw) => {
      const n = obj(raw);
      const id = str(n.ID);
      const host = str(obj(obj(n.Description)).Hostname);
      return [id, `${host || '?'} ${id.slice(0, 7)}`];
    }),
  );
}

export function serviceRows(listing: SwarmListing): ServiceRow[] {
  // Tasks that should run, by service: one pass, however many services (history is skipped).
  const byService = new Map<string, Loose[]>();
  for (const t of listing.tasks.map(obj)) {
    if (str(t.DesiredState) !== 'running') continue;
    const id = str(t.ServiceID);
    const list = byService.get(id);
    if (list) list.push(t);
    else byService.set(id, [t]);
  }
  return (
    listing.services
      .map((raw): ServiceRow => {
        const s = obj(raw);
        const id = str(s.ID);
        const spec = obj(s.Spec);
        const template = obj(spec.TaskTemplate);
        const fullImage = str(obj(template.ContainerSpec).Image);
        const force = num(template.ForceUpdate);
        const mode = obj(spec.Mode);
        const status = obj(s.ServiceStatus);
        const update = obj(s.UpdateStatus);
        const mine = byService.get(id) ?? [];
        const running = mine.filter((t) => str(obj(t.Status).State) === 'running');
        const ports = arr(obj(s.Endpoint).Ports)
          .map(obj)
          .filter((p) => num(p.PublishedPort) > 0)
          .map((p) => `${num(p.PublishedPort)}:${num(p.TargetPort)}/${str(p.Protocol) || 'tcp'}`);
        return {
          id,
          shortId: id.slice(0, 12),
          name: str(spec.Name),
          stack: stringMap(spec.Labels)['com.docker.stack.namespace'] ?? '',
          // Replicated, Global, or a newer mode (ReplicatedJob, GlobalJob): its key, in lower case.
          mode: sanitize(Object.keys(mode)[0] ?? '').toLowerCase(),
          // ServiceStatus (API 1.41) when the engine sends it; else counted from the tasks.
          running: 'RunningTasks' in status ? num(status.RunningTasks) : running.length,
          desired: 'DesiredTasks' in status ? num(status.DesiredTasks) : num(obj(mode.Replicated).Replicas),
          image: withoutDigest(fullImage),
          ports,
          updateState: str(update.State),
          updateMessage: str(update.Message),
          updated: running.filter((t) => taskImage(t) === fullImage && num(obj(t.Spec).ForceUpdate) === force).length,
          createdMs: ms(s.CreatedAt),
          labels: stringMap(spec.Labels),
        };
      })
      .filter((r) => r.id !== '')
      // By name, like `docker service ls`; P groups them by stack (src/resources/services/grouping.ts).
      .sort((a, b) => compareText(a.name, b.name) || (a.id < b.id ? -1 : 1))
  );
}

/** The UPDATE column: "updating 2/6", "rollback 1/6", "paused", "completed", or '' (never updated). */
export function updateText(row: ServiceRow): string {
  const progress = `${row.updated}/${row.desired}`;
  switch (row.updateState) {
    case 'updating':
      return `updating ${progress}`;
    case 'rollback_started':
      return `rollback ${progress}`;
    case 'paused':
    case 'rollback_paused':
      return row.updateState.replace('_', ' ');
    case 'completed':
    case 'rollback_completed':
      return row.updateState.replace('_', ' ');
    default:
      return row.updateState;
  }
}

/** Still converging: tasks starting or stopping, or an update under way (see the query's settle). */
export function serviceSettling(row: ServiceRow): boolean {
  return row.running !== row.desired || row.updateState === 'updating' || row.updateState === 'rollback_started';
}

export function taskRows(listing: SwarmListing): TaskRow[] {
  const names = nodeNames(listing.nodes);
  const services = new Map(listing.services.map((raw) => [str(obj(raw).ID), str(obj(obj(raw).Spec).Name)]));
  return listing.tasks
    .map((raw): TaskRow => {
      const t = obj(raw);
      const id = str(t.ID);
      const status = obj(t.Status);
      const serviceId = str(t.ServiceID);
      const serviceName = services.get(serviceId) ?? serviceId.slice(0, 12);
      const slot = num(t.Slot);
      const nodeId = str(t.NodeID);
      return {
        id,
        shortId: id.slice(0, 12),
        serviceId,
        serviceName,
        name: slot ? `${serviceName}.${slot}` : `${serviceName}.${nodeId.slice(0, 12)}`,
        slot,
        nodeId,
        node: nodeId ? (names.get(nodeId) ?? nodeId.slice(0, 7)) : '',
        desired: str(t.DesiredState),
        state: str(status.State),
        error: str(status.Err),
        sinceMs: ms(status.Timestamp),
        image: withoutDigest(taskImage(t)),
      };
    })
    .filter((r) => r.id !== '')
    .sort((a, b) => compareText(a.serviceName, b.serviceName) || a.slot - b.slot || compareText(a.nodeId, b.nodeId) || b.sinceMs - a.sinceMs);
}

/** States a task never leaves (it is replaced, not resumed). */
export const TASK_ENDED: ReadonlySet<string> = new Set(['complete', 'shutdown', 'failed', 'rejected', 'orphaned', 'remove']);

export function nodeRows(listing: SwarmListing): NodeRow[] {
  const running = new Map<string, number>();
  const starting = new Map<string, number>();
  const count = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1);
  for (const raw of listing.tasks) {
    const t = obj(raw);
    const state = str(obj(t.Status).State);
    if (state === 'running') count(running, str(t.NodeID));
    else if (str(t.DesiredState) === 'running' && !TASK_ENDED.has(state)) count(starting, str(t.NodeID));
  }
  return listing.nodes
    .map((raw): NodeRow => {
      const n = obj(raw);
      const id = str(n.ID);
      const spec = obj(n.Spec);
      const manager = obj(n.ManagerStatus);
      const description = obj(n.Description);
      return {
        id,
        shortId: id.slice(0, 12),
        hostname: str(description.Hostname),
        role: str(spec.Role),
        availability: str(spec.Availability),
        status: str(obj(n.Status).State),
        managerStatus: manager.Leader === true ? 'leader' : str(manager.Reachability),
        engineVersion: str(obj(description.Engine).EngineVersion),
        addr: str(obj(n.Status).Addr),
        labels: stringMap(spec.Labels),
        tasks: running.get(id) ?? 0,
        starting: starting.get(id) ?? 0,
      };
    })
    .filter((r) => r.id !== '')
    .sort((a, b) => (a.role === b.role ? compareText(a.hostname, b.hostname) || compareText(a.id, b.id) : a.role === 'manager' ? -1 : 1));
}

/** "k=v, k2=v2" of a label map, sorted. */
export function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .sort(([a], [b]) => compareText(a, b))
    .map(([k, v]) => (v ? `${k}=${v}` : k))
    .join(', ');
}

/** A secret or config as dtui shows it: never its data (configs' list answers carry it). */
export interface SwarmObjectRow {
  id: string;
  name: string;
  createdMs: number;
  labels: Record<string, string>;
}

/** Secrets or configs of GET /secrets, /configs: name, creation, labels — Spec.Data is never read. */
export function swarmObjectRows(list: readonly unknown[]): SwarmObjectRow[] {
  return list
    .map((raw): SwarmObjectRow => {
      const o = obj(raw);
      const spec = obj(o.Spec);
      return { id: str(o.ID), name: str(spec.Name), createdMs: ms(o.CreatedAt), labels: stringMap(spec.Labels) };
    })
    .filter((r) => r.id !== '')
    .sort((a, b) => compareText(a.name, b.name));
}
