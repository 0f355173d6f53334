// The Images table's columns, like `docker images`, dangling images marked.
import { formatSize, whenText, type DateFormat } from '../../engine/models/format.js';
import type { ImageRow } from '../../engine/models/types.js';
import type { ResourceColumn } from '../column-types.js';

export function imageColumns(now: number, dates: DateFormat = 'relative'): ResourceColumn<ImageRow>[] {
  return [
    {
      title: 'REPOSITORY:TAG',
      // "dangling" first: the column is narrow at 80 columns, and a trailing
      // marker would be the part truncated away.
      value: (r) => (r.dangling ? 'dangling <none>:<none>' : `${r.repository}:${r.tag}`),
      tone: (r) => (r.dangling ? 'muted' : undefined),
      grow: 3,
      minWidth: 16,
    },
    // Narrow terminals leave out CREATED, then SIZE, rather than cut the name short.
    { title: 'IMAGE ID', value: (r) => r.shortId, width: 12, priority: 1 },
    { title: 'SIZE', value: (r) => formatSize(r.size), width: 8, priority: 2 },
    // 18 fits the longest age the engine's wording produces ("About a minute ago").
    { title: 'CREATED', value: (r) => whenText(r.created, now, dates, 'long'), width: 18, priority: 3 },
  ];
}
