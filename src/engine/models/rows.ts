// Engine answers → the plain rows views render. Every engine string goes through
// sanitize() here, once, so no view can forget to (container names and labels are
// chosen by whoever runs the container, and can carry escape sequences).
import { sanitize } from '../../text/sanitize.js';
import { formatPorts, shortId, type PortSpec } from './format.js';
import { composeInfo } from './compose.js';
import type { ContainerRow, ContainerState, ImageRow } from './types.js';
import { compareText } from '../../text/compare-text.js';

const STATES = new Set<ContainerState>(['running', 'paused', 'restarting', 'exited', 'created', 'removing', 'dead']);

/** The fields of GET /containers/json that a row shows (dockerode's ContainerInfo fits). */
export interface RawContainer {
  Id: string;
  Names?: string[];
  Image?: string;
  ImageID?: string;
  Command?: string;
  State?: string;
  Status?: string;
  Ports?: PortSpec[];
  Created: number;
  Mounts?: Array<{ Type?: string; Name?: string; Source?: string; Destination?: string }>;
  Labels?: Record<string, string> | null;
}

/** The fields of GET /images/json that a row shows (dockerode's ImageInfo fits). */
export interface RawImage {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Size: number;
  Created: number;
  Containers?: number;
}

export function containerRow(info: RawContainer, now: number): ContainerRow {
  const name = (info.Names?.[0] ?? '').replace(/^\//, '');
  const state = (STATES.has(info.State as ContainerState) ? info.State : 'dead') as ContainerState;
  return {
    id: info.Id,
    shortId: sanitize(shortId(info.Id)),
    name: sanitize(name) || shortId(info.Id),
    image: sanitize(info.Image ?? ''),
    imageId: info.ImageID ?? '',
    command: sanitize(info.Command ?? ''),
    state,
    status: sanitize(info.Status ?? ''),
    statusAt: now,
    // IP and Type are engine strings too.
    ports: sanitize(formatPorts(info.Ports)),
    created: info.Created,
    labels: labelMap(info.Labels),
    mounts: (info.Mounts ?? []).map((m) => ({
      type: m.Type ?? '',
      name: sanitize(m.Name ?? ''),
      source: sanitize(m.Source ?? ''),
      destination: sanitize(m.Destination ?? ''),
    })),
    compose: composeInfo(info.Labels),
  };
}

/** One row per repo:tag, dangling images as <none>:<none>, like `docker images`. */
/** The name `docker images` would show: Podman answers fully qualified names
 * ("docker.io/library/app:v1"), dockerd the familiar form ("app:v1"). Only the display
 * changes; the engine is still handed the name it gave (ImageRow.ref). */
export function familiarName(repoTag: string): string {
  if (repoTag.startsWith('docker.io/library/')) return repoTag.slice('docker.io/library/'.length);
  if (repoTag.startsWith('docker.io/')) return repoTag.slice('docker.io/'.length);
  return repoTag;
}

export function imageRows(info: RawImage): ImageRow[] {
  const tags = (info.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
  const base = {
    id: info.Id,
    shortId: sanitize(shortId(info.Id)),
    size: info.Size,
    created: info.Created,
    containers: info.Containers ?? -1,
  };
  if (tags.length === 0) {
    const digest = info.RepoDigests?.[0];
    const repository = digest ? sanitize(digest.split('@')[0]!) : '<none>';
    return [{ ...base, key: info.Id, repository, tag: '<none>', ref: info.Id, dangling: true }];
  }
  return tags.map((repoTag) => {
    const clean = sanitize(familiarName(repoTag));
    const colon = clean.lastIndexOf(':');
    const slash = clean.lastIndexOf('/');
    const hasTag = colon > slash;
    return {
      ...base,
      key: `${info.Id}|${clean}`,
      repository: hasTag ? clean.slice(0, colon) : clean,
      tag: hasTag ? clean.slice(colon + 1) : 'latest',
      ref: repoTag,
      dangling: false,
    };
  });
}

export function sortContainers(rows: ContainerRow[]): ContainerRow[] {
  // Newest first, like `docker ps -a`; stable so the selection does not jump.
  return rows.sort((a, b) => b.created - a.created || compareText(a.name, b.name));
}

export function sortImages(rows: ImageRow[]): ImageRow[] {
  return rows.sort((a, b) => b.created - a.created || compareText(a.repository, b.repository) || compareText(a.tag, b.tag));
}

/** Labels with keys and values sanitized, in an object without a prototype ("__proto__" stays a key). */
function labelMap(labels: Record<string, string> | null | undefined): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(labels ?? {})) if (typeof v === 'string') out[sanitize(k)] = sanitize(v);
  return out;
}
