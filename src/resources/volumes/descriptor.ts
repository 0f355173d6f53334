// The Volumes pane (3): the whole body; read only while on screen.
import { volumeUsers, type VolumeRow } from '../../engine/models/volumes.js';
import { keyLabel } from '../../keys/labels.js';
import { volumeActions } from '../../app/actions/volume-actions.js';
import type { ResourceDescriptor } from '../types.js';
import { volumeColumns } from './columns.js';
import { volumesQuery } from './query.js';

export const volumes: ResourceDescriptor<VolumeRow, 'volumes'> = {
  ...volumesQuery,
  kind: 'volumes',
  title: 'Volumes',
  shortTitle: 'Vol',
  noun: 'volume',
  paneAction: 'pane.volumes',
  placement: 'full',
  columns: ({ session }) => volumeColumns(volumeUsers(session.list('containers').store.get().rows)),
  inputs: (session) => [session.list('containers').store],
  emptyText: () => `No volumes (${keyLabel('volume.create')} creates one)`,
  actions: volumeActions,
};
