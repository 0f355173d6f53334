// Every resource kind dtui shows as a pane, by kind. The mapped type makes a kind listed
// in queries.ts without a descriptor here (or the other way round) a compile error.
import { containers } from './containers/descriptor.js';
import { images } from './images/descriptor.js';
import { networks } from './networks/descriptor.js';
import { projects } from './projects/descriptor.js';
import type { ResourceKind, RowOf } from './queries.js';
import type { ResourceDescriptor } from './types.js';
import { volumes } from './volumes/descriptor.js';
import { services } from './services/descriptor.js';
import { tasks } from './tasks/descriptor.js';
import { nodes } from './nodes/descriptor.js';

export type Descriptors = { readonly [K in ResourceKind]: ResourceDescriptor<RowOf<K>, K> };

export const RESOURCES: Descriptors = {
  containers,
  images,
  volumes,
  networks,
  projects,
  services,
  tasks,
  nodes,
};

/** A kind's descriptor without its row type, for code that handles every kind alike. */
export function descriptorOf(kind: ResourceKind): ResourceDescriptor<unknown, ResourceKind> {
  return RESOURCES[kind] as unknown as ResourceDescriptor<unknown, ResourceKind>;
}
