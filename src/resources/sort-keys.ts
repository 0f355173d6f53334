// Every kind's sort keys, by kind, for src/app/selectors.ts (which cannot import the
// descriptors: they import the actions, which import the selectors). A kind missing
// here keeps the engine's order (o then says there is nothing to sort by).
import { containerSortKeys } from './containers/columns.js';
import { imageSortKeys } from './images/columns.js';
import { networkSortKeys } from './networks/columns.js';
import { volumeSortKeys } from './volumes/columns.js';
import type { ResourceKind, RowOf } from './queries.js';
import type { SortKey } from './column-types.js';

export const SORT_KEYS: { readonly [K in ResourceKind]?: readonly SortKey<RowOf<K>>[] } = {
  containers: containerSortKeys,
  images: imageSortKeys,
  volumes: volumeSortKeys,
  networks: networkSortKeys,
};
