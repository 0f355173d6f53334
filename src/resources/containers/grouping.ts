// Containers grouped by Compose project (P): projects by name, then services, then
// replicas; containers of no project last. The same array comes back for the same rows,
// so the filtered list's memo holds while nothing changed.
import type { ContainerRow } from '../../engine/models/types.js';

const cache = new WeakMap<readonly ContainerRow[], readonly ContainerRow[]>();

/** Sort key: no project sorts after every project. */
const projectOf = (r: ContainerRow) => (r.compose ? `0${r.compose.project}` : '1');

function compare(a: ContainerRow, b: ContainerRow): number {
  const pa = projectOf(a);
  const pb = projectOf(b);
  if (pa !== pb) return pa < pb ? -1 : 1;
  const sa = a.compose?.service ?? '';
  const sb = b.compose?.service ?? '';
  if (sa !== sb) return sa < sb ? -1 : 1;
  return (a.compose?.number ?? 0) - (b.compose?.number ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

export function groupByProject(rows: readonly ContainerRow[]): readonly ContainerRow[] {
  let sorted = cache.get(rows);
  if (!sorted) cache.set(rows, (sorted = [...rows].sort(compare)));
  return sorted;
}
