// The Images pane (2): bottom left, beside the detail pane (which shows the image summary).
import type { ImageRow } from '../../engine/models/types.js';
import { detailEntryActions } from '../../app/actions/detail-actions.js';
import { imageActions, imageLabel } from '../../app/actions/image-actions.js';
import { imageLocalActions } from '../../app/actions/image-local-actions.js';
import { registryActions } from '../../app/actions/registry-actions.js';
import { runActions } from '../../app/actions/run-actions.js';
import type { ResourceDescriptor } from '../types.js';
import { imageColumns } from './columns.js';
import { imagesQuery } from './query.js';

export const images: ResourceDescriptor<ImageRow, 'images'> = {
  ...imagesQuery,
  kind: 'images',
  title: 'Images',
  shortTitle: 'Img',
  noun: 'image',
  paneAction: 'pane.images',
  placement: 'bottom-left',
  columns: ({ now, settings }) => imageColumns(now, settings?.dateFormat),
  clock: () => false,
  // Inspect only; on any other tab the pane shows the image's summary (src/views/detail).
  detailTabs: ['inspect'],
  detailSubject: (row) => ({ title: `Image ${imageLabel(row)}`, inspect: { kind: 'image', id: row.id } }),
  actions: (app) => {
    const registry = registryActions(app);
    return {
      ...imageActions(app),
      ...imageLocalActions(app),
      'image.pull': registry['image.pull'],
      'image.push': registry['image.push'],
      'image.tag': registry['image.tag'],
      'image.search': registry['image.search'],
      ...runActions(app),
      'image.inspect': detailEntryActions(app)['image.inspect'],
    };
  },
};
