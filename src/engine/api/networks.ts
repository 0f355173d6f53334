// Network calls: `docker network ls / inspect / create / rm / connect / disconnect / prune`.
// Answers come back as the engine sent them (typed `unknown` field by field): the row
// model in src/resources/networks/rows.ts reads and sanitizes them, so a hostile engine
// cannot get a raw string or a wrong type past it.
import { sanitize } from '../../text/sanitize.js';
import type { Docker } from './docker.js';

/** What `list` reads: the networks, and every container with the networks it is on. */
export interface NetworkListing {
  /** GET /networks (its Containers field is always empty: attachments come from `containers`). */
  networks: unknown[];
  /** GET /containers/json?all=1: Id, Names, State and NetworkSettings.Networks of each. */
  containers: unknown[];
}

/** `docker network create` as dtui asks for it (validated by src/resources/networks/validate.ts). */
export interface NetworkCreateSpec {
  name: string;
  driver: string;
  /** CIDR; absent: the engine picks one from its default pools. */
  subnet?: string;
  gateway?: string;
  /** An IPv6 subnet needs IPv6 turned on (`docker network create --ipv6`). */
  ipv6: boolean;
  internal: boolean;
  attachable: boolean;
  labels: Record<string, string>;
}

export interface NetworkApi {
  list(signal: AbortSignal): Promise<NetworkListing>;
  inspect(id: string): Promise<unknown>;
  /** Creates the network and answers its id. */
  create(spec: NetworkCreateSpec): Promise<string>;
  remove(id: string): Promise<void>;
  connect(network: string, container: string, opts?: { aliases?: readonly string[] }): Promise<void>;
  disconnect(network: string, container: string, opts?: { force?: boolean }): Promise<void>;
  /**
   * Removes the networks no running container uses. `until`: only those created at or
   * before this engine timestamp (RFC3339), so a network created after dtui listed the
   * candidates is never pruned unseen.
   */
  prune(until?: string): Promise<string[]>;
  /** True when the engine is a swarm node (overlay networks need one). */
  swarmActive(signal?: AbortSignal): Promise<boolean>;
}

/** The network calls over one dockerode client. */
export function dockerNetworks(docker: Docker): NetworkApi {
  return {
    async list(signal) {
      const [networks, containers] = await Promise.all([
        docker.listNetworks({ abortSignal: signal }) as Promise<unknown>,
        docker.listContainers({ all: true, abortSignal: signal }) as Promise<unknown>,
      ]);
      return { networks: Array.isArray(networks) ? networks : [], containers: Array.isArray(containers) ? containers : [] };
    },

    // dockerode puts every inspect option into the query string: no abortSignal here.
    inspect: async (id): Promise<unknown> => docker.getNetwork(id).inspect(),

    async create(spec) {
      const created = await docker.createNetwork({
        Name: spec.name,
        // Refused by the engine when the name exists (the docker CLI asks the same).
        CheckDuplicate: true,
        Driver: spec.driver,
        EnableIPv6: spec.ipv6,
        Internal: spec.internal,
        Attachable: spec.attachable,
        Labels: spec.labels,
        IPAM: { Driver: 'default', Config: spec.subnet ? [{ Subnet: spec.subnet, ...(spec.gateway ? { Gateway: spec.gateway } : {}) }] : [] },
      });
      return created.id;
    },

    async remove(id) {
      await docker.getNetwork(id).remove();
    },

    async connect(network, container, opts = {}) {
      const aliases = opts.aliases?.length ? { Aliases: [...opts.aliases] } : {};
      await docker.getNetwork(network).connect({ Container: container, EndpointConfig: aliases });
    },

    async disconnect(network, container, opts = {}) {
      await docker.getNetwork(network).disconnect({ Container: container, Force: opts.force ?? false });
    },

    async prune(until) {
      const answer = (await docker.pruneNetworks(until ? { filters: { until: [until] } } : {})) as { NetworksDeleted?: unknown };
      return Array.isArray(answer.NetworksDeleted) ? answer.NetworksDeleted.filter((n): n is string => typeof n === 'string').map(sanitize) : [];
    },

    async swarmActive(signal) {
      const info = (await docker.info({ abortSignal: signal })) as {
        Swarm?: { LocalNodeState?: unknown; ControlAvailable?: unknown };
      };
      // Creating an overlay network needs a manager: a worker is refused by the engine.
      return info.Swarm?.LocalNodeState === 'active' && info.Swarm.ControlAvailable === true;
    },
  };
}
