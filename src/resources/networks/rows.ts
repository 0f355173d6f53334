// Networks as rows: GET /networks joined with the containers list (the list endpoint
// never fills a network's Containers). Pure: every field is read as `unknown`, checked,
// and every string sanitized, whatever the engine — or something posing as it — sends.
import type { NetworkListing } from '../../engine/api/networks.js';
import { sanitize } from '../../text/sanitize.js';
import { compareText } from '../../text/compare-text.js';

export interface AttachedContainer {
  id: string;
  name: string;
  running: boolean;
}

export interface NetworkRow {
  id: string;
  shortId: string;
  name: string;
  driver: string;
  scope: string;
  /** CIDRs of its IPAM config, in the engine's order. */
  subnets: string[];
  gateways: string[];
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  /** RFC3339 as the engine gives it ('' when unknown): the prune's `until`. */
  created: string;
  /** `created` in ms since the epoch, 0 when unknown. */
  createdMs: number;
  labels: Record<string, string>;
  /** Containers configured on it, running or not, sorted by name. */
  containers: AttachedContainer[];
  /** bridge, host, none: the engine's own networks, never removed or pruned. */
  predefined: boolean;
}

/** Networks the engine creates itself and refuses to remove. */
export const PREDEFINED_NETWORKS: ReadonlySet<string> = new Set(['bridge', 'host', 'none']);

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const str = (v: unknown): string => (typeof v === 'string' ? sanitize(v) : '');

function stringMap(v: unknown): Record<string, string> {
  // No prototype: a "__proto__" label stays an ordinary key.
  const out = Object.create(null) as Record<string, string>;
  for (const [k, val] of Object.entries(obj(v))) if (typeof val === 'string') out[sanitize(k)] = sanitize(val);
  return out;
}

/** Container → the networks it is on. A stopped container names its networks but has no NetworkID. */
function attachments(containers: readonly unknown[]): Array<{ container: AttachedContainer; networkId: string; networkName: string }> {
  return containers.flatMap((raw) => {
    const c = obj(raw);
    const names = Array.isArray(c.Names) ? c.Names : [];
    const container = { id: str(c.Id), name: str(names[0]).replace(/^\//, '') || str(c.Id).slice(0, 12), running: c.State === 'running' };
    return Object.entries(obj(obj(c.NetworkSettings).Networks)).map(([networkName, ep]) => ({
      container,
      networkId: str(obj(ep).NetworkID),
      networkName: sanitize(networkName),
    }));
  });
}

export function networkRows(listing: NetworkListing): NetworkRow[] {
  const links = attachments(listing.containers);
  return listing.networks
    .map((raw): NetworkRow => {
      const n = obj(raw);
      const id = str(n.Id);
      const name = str(n.Name);
      const config = Array.isArray(obj(n.IPAM).Config) ? (obj(n.IPAM).Config as unknown[]).map(obj) : [];
      const created = str(n.Created);
      const createdMs = Date.parse(created);
      const containers = links
        // Podman's container list puts the network's name where dockerd puts its id
        // (measured, 4.3.1: "NetworkID": "podman"), so a name there matches too.
        .filter((l) => (l.networkId ? l.networkId === id || (name !== '' && l.networkId === name) : name !== '' && l.networkName === name))
        .map((l) => l.container)
        .sort((a, b) => compareText(a.name, b.name));
      return {
        id,
        shortId: id.slice(0, 12),
        name,
        driver: str(n.Driver),
        scope: str(n.Scope),
        subnets: config.map((c) => str(c.Subnet)).filter(Boolean),
        gateways: config.map((c) => str(c.Gateway)).filter(Boolean),
        internal: n.Internal === true,
        attachable: n.Attachable === true,
        ingress: n.Ingress === true,
        created,
        createdMs: Number.isFinite(createdMs) ? createdMs : 0,
        labels: stringMap(n.Labels),
        containers,
        predefined: PREDEFINED_NETWORKS.has(name),
      };
    })
    .filter((r) => r.id !== '')
    .sort((a, b) => compareText(a.name, b.name));
}

/** What `docker network prune` removes: no running container on it, not the engine's own, not swarm's ingress. */
export function unusedNetworks(rows: readonly NetworkRow[]): NetworkRow[] {
  return rows.filter((r) => !r.predefined && !r.ingress && !r.containers.some((c) => c.running));
}

/** The newest creation time among the rows: nothing created after dtui listed them is pruned. */
export function newestCreated(rows: readonly NetworkRow[]): string | undefined {
  let newest: NetworkRow | undefined;
  for (const r of rows) if (r.createdMs && (!newest || r.createdMs > newest.createdMs)) newest = r;
  return newest?.created;
}

/** The flags column: "internal", "attachable", both, or ''. */
export function networkFlags(row: NetworkRow): string {
  return [row.internal ? 'internal' : '', row.attachable ? 'attachable' : '', row.ingress ? 'ingress' : ''].filter(Boolean).join(',');
}

/** "3" or "3 (1 running)": containers configured on the network. */
export function attachedText(row: NetworkRow): string {
  const running = row.containers.filter((c) => c.running).length;
  const all = row.containers.length;
  return running === all ? String(all) : `${all} (${running} running)`;
}

/**
 * Names of the endpoints a network's inspect answer lists: the engine's own reason to
 * refuse removal ("has active endpoints") — running containers, and endpoints the engine
 * kept for a container that is gone — sanitized, sorted.
 */
export function endpointNames(inspect: unknown): string[] {
  return Object.entries(obj(obj(inspect).Containers))
    .map(([id, ep]) => str(obj(ep).Name) || sanitize(id).slice(0, 12))
    .sort((a, b) => compareText(a, b));
}
