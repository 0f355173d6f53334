// Images: one row per repo:tag (docker images), live from start-up.
import type { ImageRow } from '../../engine/models/types.js';
import type { ResourceQuerySpec } from '../query.js';
import type { SortKey } from '../sort-key.js';

const imageSortKeys: readonly SortKey<ImageRow>[] = [
  { id: 'name', title: 'REPOSITORY:TAG', value: (r) => (r.dangling ? undefined : `${r.repository}:${r.tag}`) },
  { id: 'size', title: 'SIZE', value: (r) => r.size, desc: true },
  { id: 'created', title: 'CREATED', value: (r) => r.created, desc: true },
];

/** An image as commands and dialogs name it: repo:tag, or its id when dangling. */
const imageName = (r: ImageRow) => (r.dangling ? r.id : `${r.repository}:${r.tag}`);

export const imagesQuery: ResourceQuerySpec<ImageRow> = {
  kind: 'images',
  rowKey: (r) => r.key,
  filterFields: (r) => [`${r.repository}:${r.tag}`, r.id.replace(/^sha256:/, '')],
  list: (engine, signal) => engine.listImages(signal),
  refreshOn: [
    { type: 'image' },
    // A container created or removed changes the images' in-use counts.
    { type: 'container', actions: ['create', 'destroy'] },
  ],
  live: 'always',
  debounceMs: 80,
  sortKeys: imageSortKeys,
  commands: {
    target: (r) => ({ key: r.key, label: imageName(r) }),
    placeholders: { ID: (r) => r.id, ShortID: (r) => r.shortId, Name: imageName, Image: imageName },
  },
};
