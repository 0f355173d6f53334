// The Volumes table's columns: driver, size (from /system/df) and the containers that mount it.
import { formatSize } from '../../engine/models/format.js';
import type { VolumeRow } from '../../engine/models/volumes.js';
import type { ResourceColumn } from '../column-types.js';

export function volumeColumns(users: ReadonlyMap<string, string[]>): ResourceColumn<VolumeRow>[] {
  return [
    { title: 'VOLUME NAME', value: (v) => v.name, grow: 3, minWidth: 16 },
    { title: 'DRIVER', value: (v) => v.driver, width: 8 },
    { title: 'SIZE', value: (v) => (v.size >= 0 ? formatSize(v.size) : '-'), width: 8 },
    {
      title: 'USED BY',
      value: (v) => (users.get(v.name) ?? []).join(', ') || '-',
      tone: (v) => (users.get(v.name)?.length ? undefined : 'muted'),
      grow: 2,
      minWidth: 10,
    },
    { title: 'MOUNTPOINT', value: (v) => v.mountpoint, grow: 3, minWidth: 10 },
  ];
}
