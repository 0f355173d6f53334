// Ordering a list by one of its kind's sort keys (`sortKeys` in src/resources/<kind>/query.ts). The
// order is applied after the filter, and the selection follows its row by key (ListUi
// selectedKey), so a re-sort never moves the cursor to another container.
import type { SortKey, SortSession } from '../resources/sort-key.js';
import type { ListSort } from './ui-state.js';

type Value = string | number | undefined;

function compareValues(a: Value, b: Value, desc: boolean): number {
  // Missing values (no stats sample yet) go last whichever way the list runs.
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const sign = desc ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return sign * (x < y ? -1 : x > y ? 1 : 0);
}

/** `rows` sorted by `sort` (a new array); ties keep the engine's order, so rows never jitter. */
export function sortRows<Row>(rows: readonly Row[], keys: readonly SortKey<Row>[] | undefined, sort: ListSort | undefined, session: SortSession): Row[] {
  const key = sort && keys?.find((k) => k.id === sort.key);
  if (!key || !sort) return [...rows];
  const decorated = rows.map((row, i) => ({ row, i, v: key.value(row, session) }));
  decorated.sort((a, b) => compareValues(a.v, b.v, sort.desc) || a.i - b.i);
  return decorated.map((d) => d.row);
}

/** The next sort key after `current` (o), starting each at its own default direction. */
export function nextSort<Row>(keys: readonly SortKey<Row>[], current: ListSort | undefined): ListSort | undefined {
  if (keys.length === 0) return undefined;
  const at = current ? keys.findIndex((k) => k.id === current.key) : -1;
  const next = keys[(at + 1) % keys.length]!;
  return { key: next.id, desc: next.desc ?? false };
}
