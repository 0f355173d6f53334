// Images: one row per repo:tag (docker images), live from start-up.
import type { ImageRow } from '../../engine/models/types.js';
import type { ResourceQuerySpec } from '../query.js';

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
};
