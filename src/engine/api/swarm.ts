// Swarm calls: services, tasks and nodes of the swarm this engine manages (`docker service
// ls / ps / scale / update / rollback / rm / logs`, `docker node ls / update`). Answers
// come back as the engine sent them (`unknown`): the row models in src/resources/services
// read and sanitize them field by field.
import type { Readable } from 'node:stream';
import { engineStatusCode } from '../errors.js';
import type { RawLogLine } from '../models/types.js';
import type { Docker } from './docker.js';
import { logLines, type LogOptions } from './logs.js';

/** Everything the Services, Tasks and Nodes panes show, read together (one consistent moment). */
export interface SwarmListing {
  /** GET /services?status=true (ServiceStatus: running/desired tasks, API 1.41). */
  services: unknown[];
  /** GET /tasks: every task the managers keep (history included). */
  tasks: unknown[];
  /** GET /nodes. */
  nodes: unknown[];
}

/** A change to one service, made like `docker service scale/update/rollback`. */
export type ServiceChange =
  | { kind: 'scale'; replicas: number }
  | { kind: 'image'; image: string }
  /** `docker service update --force`: replaces every task though nothing changed. */
  | { kind: 'force' }
  /** `docker service rollback`: back to the previous spec. */
  | { kind: 'rollback' };

export type NodeAvailability = 'active' | 'pause' | 'drain';

export interface SwarmApi {
  /** Rejects with NOT_A_MANAGER's message when this engine cannot answer for a swarm. */
  listing(signal: AbortSignal): Promise<SwarmListing>;
  inspectService(id: string): Promise<unknown>;
  inspectNode(id: string): Promise<unknown>;
  /** Applies the change to the service's current spec; answers the engine's warnings. */
  updateService(id: string, change: ServiceChange): Promise<string[]>;
  removeService(id: string): Promise<void>;
  setAvailability(nodeId: string, availability: NodeAvailability): Promise<void>;
  /** GET /secrets and /configs: their metadata (the row model never reads their data). */
  secretsAndConfigs(signal: AbortSignal): Promise<{ secrets: unknown[]; configs: unknown[] }>;
  /** The service's log merged over its tasks; each line's text starts with the task/node details. */
  serviceLogs(id: string, opts: LogOptions, signal: AbortSignal): AsyncGenerator<RawLogLine[]>;
}

export const NOT_A_MANAGER = 'This engine is not a swarm manager: `docker swarm init` makes it one (or connect dtui to a manager)';

/** The engine's 503 ("This node is not a swarm manager…") as dtui's hint; other errors unchanged. */
function explain(err: unknown): unknown {
  return engineStatusCode(err) === 503 ? new Error(NOT_A_MANAGER) : err;
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The spec with `change` applied; never touches fields it does not own. */
export function changedSpec(spec: Loose, change: ServiceChange): Loose {
  const template = obj(spec.TaskTemplate);
  switch (change.kind) {
    case 'scale':
      return { ...spec, Mode: { ...obj(spec.Mode), Replicated: { Replicas: change.replicas } } };
    case 'image':
      return { ...spec, TaskTemplate: { ...template, ContainerSpec: { ...obj(template.ContainerSpec), Image: change.image } } };
    case 'force': {
      const n = typeof template.ForceUpdate === 'number' ? template.ForceUpdate : 0;
      return { ...spec, TaskTemplate: { ...template, ForceUpdate: n + 1 } };
    }
    case 'rollback':
      return spec;
  }
}

export function dockerSwarm(docker: Docker): SwarmApi {
  return {
    async listing(signal) {
      try {
        const [services, tasks, nodes] = await Promise.all([
          docker.listServices({ status: true, abortSignal: signal } as object) as Promise<unknown>,
          docker.listTasks({ abortSignal: signal } as object) as Promise<unknown>,
          docker.listNodes({ abortSignal: signal } as object) as Promise<unknown>,
        ]);
        return { services: list(services), tasks: list(tasks), nodes: list(nodes) };
      } catch (err) {
        throw explain(err);
      }
    },

    inspectService: async (id): Promise<unknown> => docker.getService(id).inspect(),
    inspectNode: async (id): Promise<unknown> => docker.getNode(id).inspect(),

    async updateService(id, change) {
      // The update names the version it read: a change made meanwhile by someone else is
      // refused by the engine (409-like "update out of sequence") instead of overwritten.
      const current = obj(await docker.getService(id).inspect());
      const version = obj(current.Version).Index;
      const spec = changedSpec(obj(current.Spec), change);
      const query = { version, ...(change.kind === 'rollback' ? { rollback: 'previous' } : {}) };
      const answer = obj(await docker.getService(id).update({ _query: query, _body: spec }));
      return list(answer.Warnings).filter((w): w is string => typeof w === 'string');
    },

    async removeService(id) {
      await docker.getService(id).remove();
    },

    async setAvailability(nodeId, availability) {
      const node = obj(await docker.getNode(nodeId).inspect());
      const spec = { ...obj(node.Spec), Availability: availability };
      await docker.getNode(nodeId).update({ _query: { version: obj(node.Version).Index }, _body: spec } as unknown as object);
    },

    async secretsAndConfigs(signal) {
      try {
        const [secrets, configs] = await Promise.all([
          docker.listSecrets({ abortSignal: signal } as object) as Promise<unknown>,
          docker.listConfigs({ abortSignal: signal } as object) as Promise<unknown>,
        ]);
        return { secrets: list(secrets), configs: list(configs) };
      } catch (err) {
        throw explain(err);
      }
    },

    async *serviceLogs(id, opts, signal) {
      const service = obj(await docker.getService(id).inspect());
      const tty = obj(obj(obj(service.Spec).TaskTemplate).ContainerSpec).TTY === true;
      const query = {
        stdout: true,
        stderr: true,
        timestamps: true,
        // "com.docker.swarm.node.id=…,com.docker.swarm.service.id=…,com.docker.swarm.task.id=…"
        // before each line: which task and node wrote it.
        details: true,
        tail: opts.tail === 'all' ? undefined : opts.tail,
        since: opts.since,
        follow: opts.follow !== false,
        abortSignal: signal,
      };
      const stream = (await docker.getService(id).logs(query)) as unknown as Readable | Buffer;
      yield* logLines(stream, tty, signal);
    },
  };
}
