// Services grouped by stack (P): the com.docker.stack.namespace label `docker stack deploy`
// sets, stacks by name, each stack's services by name, services of no stack last under
// "(no stack)". The same array comes back for the same rows, so the filtered list's memo
// holds while nothing changed.
import type { ServiceRow } from '../../engine/models/swarm.js';

/** What the STACK column says for a service deployed outside any stack, when grouped. */
export const NO_STACK = '(no stack)';

const cache = new WeakMap<readonly ServiceRow[], readonly ServiceRow[]>();

/** Sort key: no stack sorts after every stack. */
const stackOf = (r: ServiceRow) => (r.stack ? `0${r.stack}` : '1');

function compare(a: ServiceRow, b: ServiceRow): number {
  const sa = stackOf(a);
  const sb = stackOf(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1;
}

export function groupByStack(rows: readonly ServiceRow[]): readonly ServiceRow[] {
  let sorted = cache.get(rows);
  if (!sorted) cache.set(rows, (sorted = [...rows].sort(compare)));
  return sorted;
}
