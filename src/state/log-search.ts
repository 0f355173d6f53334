// n/N in the Logs tab: the next (previous) line matching the search after `from`,
// skipping lines the filter hides and wrapping around the buffer once. Pure: the
// controller gives the lines and where to start, and moves the view to the answer.
import { compileFilter, findAll, searchIndex, visibleText } from './log-index.js';
import type { LogRing } from './log-ring.js';

export type LogMatch = { seq: number; wrapped: boolean } | { none: 'no match' | 'no other match' };

export function findLogMatch(
  lines: LogRing,
  search: string,
  filter: { pattern: string; ignoreCase: boolean } | undefined,
  start: number,
  backwards: boolean,
): LogMatch {
  const index = searchIndex(lines, search);
  const re = filter ? compileFilter(filter.pattern, filter.ignoreCase) : undefined;
  const shown = (seq: number) => typeof re !== 'object' || re.test(visibleText(lines.textAt(seq - lines.dropped)!));
  let wrapped = false;
  let from = start;
  for (;;) {
    const seq = index.next(from, backwards);
    if (seq === undefined) {
      if (wrapped || index.count === 0) return { none: 'no match' };
      wrapped = true;
      from = backwards ? Number.MAX_SAFE_INTEGER : -1;
      continue;
    }
    if (wrapped && (backwards ? seq <= start : seq >= start)) return { none: 'no other match' };
    from = seq;
    if (!shown(seq)) continue;
    return { seq, wrapped };
  }
}

/** Line indexes that contain the search (smart case). Small: an inspect is a few hundred lines. */
export function inspectMatches(lines: readonly string[], needle: string): number[] {
  if (!needle) return [];
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (findAll(l, needle).length) out.push(i);
  });
  return out;
}

/**
 * n/N over line matches (inspectMatches): the first matching line after `from`, or with
 * `backwards` the last one before it; undefined when there is none that way.
 */
export function nextLineMatch(matches: readonly number[], from: number, backwards: boolean): number | undefined {
  if (!backwards) return matches.find((i) => i > from);
  for (let k = matches.length - 1; k >= 0; k--) if (matches[k]! < from) return matches[k];
  return undefined;
}

/** "1 match", "3 matches". */
export function matchCount(n: number): string {
  return n === 1 ? '1 match' : `${n.toLocaleString('en-US')} matches`;
}
