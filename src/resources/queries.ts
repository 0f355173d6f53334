// The kinds of resource dtui lists, by their query specs: the session builds one live
// query per entry, and UiState.lists has one entry per kind. A new kind adds one line
// here and one in registry.ts.
import { containersQuery } from './containers/query.js';
import { imagesQuery } from './images/query.js';
import { networksQuery } from './networks/query.js';
import { projectsQuery } from './projects/query.js';
import type { CommandTarget } from './command-target.js';
import type { ResourceQuerySpec } from './query.js';
import type { SortKey } from './sort-key.js';
import { volumesQuery } from './volumes/query.js';
import { servicesQuery } from './services/query.js';
import { tasksQuery } from './tasks/query.js';
import { nodesQuery } from './nodes/query.js';

export const RESOURCE_QUERIES = {
  containers: containersQuery,
  images: imagesQuery,
  volumes: volumesQuery,
  networks: networksQuery,
  projects: projectsQuery,
  services: servicesQuery,
  tasks: tasksQuery,
  nodes: nodesQuery,
} as const;

export type ResourceKind = keyof typeof RESOURCE_QUERIES;
/** The row type of a kind, e.g. RowOf<'volumes'> is VolumeRow. */
export type RowOf<K extends ResourceKind> = (typeof RESOURCE_QUERIES)[K] extends ResourceQuerySpec<infer Row> ? Row : never;
export const RESOURCE_KINDS = Object.keys(RESOURCE_QUERIES) as ResourceKind[];

/** A kind's sort keys (none: the list keeps the engine's order), for code that handles every kind alike. */
export function sortKeysOf(kind: ResourceKind): readonly SortKey<unknown>[] {
  return (RESOURCE_QUERIES[kind] as ResourceQuerySpec<unknown>).sortKeys ?? [];
}

/** What custom commands read of a kind's rows; undefined: the kind is no command scope. */
export function commandTargetOf(kind: ResourceKind): CommandTarget<unknown> | undefined {
  return (RESOURCE_QUERIES[kind] as ResourceQuerySpec<unknown>).commands;
}
