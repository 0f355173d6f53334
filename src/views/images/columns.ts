// The Images table's columns, like `docker images`, dangling images marked.
import { formatSize, timeAgo } from '../../docker/format.js';
import type { ImageRow } from '../../docker/types.js';
import type { Column } from '../../ui/table/table.js';
import { theme } from '../../ui/theme.js';

export function imageColumns(now: number): Column<ImageRow>[] {
  return [
    {
      title: 'REPOSITORY:TAG',
      // "dangling" first: the column is 12 cells wide at 80 columns, and a trailing
      // marker would be the part truncated away.
      value: (r) => (r.dangling ? 'dangling <none>:<none>' : `${r.repository}:${r.tag}`),
      color: (r) => (r.dangling ? theme.muted : undefined),
      grow: 3,
      minWidth: 12,
    },
    { title: 'IMAGE ID', value: (r) => r.shortId, width: 12 },
    { title: 'SIZE', value: (r) => formatSize(r.size), width: 8 },
    // 18 fits the longest age the engine's wording produces ("About a minute ago").
    { title: 'CREATED', value: (r) => timeAgo(r.created, now), width: 18 },
  ];
}
