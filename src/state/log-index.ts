// Which log lines a filter or a search matches, kept up to date incrementally: the
// ring buffer only ever appends (and drops from the front), so each flush scans just
// the lines that arrived since the last one. A frame with nothing new costs nothing,
// whatever the buffer's size (100k lines).
import type { LogRing } from './log-ring.js';
import { sanitizeLine } from '../text/sanitize.js';
import { compileLinear, type LineMatcher } from '../text/linear-regex.js';

/** The lines a view shows, by index: every line, or only a filter's matches. */
export interface LogRows {
  count: number;
  /** Absolute line number (counting dropped lines) of row i. */
  seqAt(i: number): number;
  /** Index of the first row whose line number is >= seq (count when none). */
  indexOf(seq: number): number;
}

export function allRows(lines: LogRing): LogRows {
  const first = lines.dropped;
  const count = lines.length;
  return {
    count,
    seqAt: (i) => first + i,
    indexOf: (seq) => Math.max(0, Math.min(count, seq - first)),
  };
}

/** The text a person sees for a line: what searches and filters look at. */
export function visibleText(text: string): string {
  return sanitizeLine(text, false);
}

export class MatchIndex {
  /** Matching absolute line numbers, ascending; entries before `head` were dropped. */
  private seqs: number[] = [];
  private head = 0;
  private scanned = 0;
  private buffer: LogRing | undefined;

  constructor(
    readonly key: string,
    private readonly test: (text: string) => boolean,
  ) {}

  /** Brings the index up to the buffer's current content; cheap when nothing changed. */
  update(lines: LogRing): this {
    if (lines !== this.buffer || lines.totalPushed < this.scanned) {
      this.buffer = lines;
      this.seqs = [];
      this.head = 0;
      this.scanned = lines.dropped;
    }
    const first = lines.dropped;
    for (let seq = Math.max(this.scanned, first); seq < lines.totalPushed; seq++) {
      if (this.test(visibleText(lines.textAt(seq - first)!))) this.seqs.push(seq);
    }
    this.scanned = lines.totalPushed;
    while (this.head < this.seqs.length && this.seqs[this.head]! < first) this.head++;
    // Compact now and then so dropped matches do not pile up.
    if (this.head > 4096 && this.head * 2 > this.seqs.length) {
      this.seqs = this.seqs.slice(this.head);
      this.head = 0;
    }
    return this;
  }

  get count(): number {
    return this.seqs.length - this.head;
  }

  seqAt(i: number): number {
    return this.seqs[this.head + i]!;
  }

  indexOf(seq: number): number {
    let lo = this.head;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqs[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo - this.head;
  }

  /** First match after `seq` (or before it, backwards), or undefined. */
  next(seq: number, backwards = false): number | undefined {
    if (backwards) {
      const i = this.indexOf(seq) - 1;
      return i >= 0 ? this.seqAt(i) : undefined;
    }
    const i = this.indexOf(seq + 1);
    return i < this.count ? this.seqAt(i) : undefined;
  }

  rows(): LogRows {
    return { count: this.count, seqAt: (i) => this.seqAt(i), indexOf: (seq) => this.indexOf(seq) };
  }
}

/** Smart case, as in less and vim: an all-lowercase search ignores case. */
export function searchIgnoresCase(needle: string): boolean {
  return needle === needle.toLowerCase();
}

/** [start, end) of every occurrence of `needle` in `text`. */
export function findAll(text: string, needle: string, ignoreCase = searchIgnoresCase(needle)): Array<[number, number]> {
  if (!needle) return [];
  const hay = ignoreCase ? text.toLowerCase() : text;
  const n = ignoreCase ? needle.toLowerCase() : needle;
  const out: Array<[number, number]> = [];
  // toLowerCase can change lengths for a few characters; then positions would be off.
  if (hay.length !== text.length) return out;
  for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + n.length)) out.push([i, i + n.length]);
  return out;
}

/** The filter's linear-time matcher (a runaway pattern must never freeze dtui), or why not. */
export function compileFilter(pattern: string, ignoreCase: boolean): LineMatcher | string {
  return compileLinear(pattern, ignoreCase);
}

// A few indexes per buffer: the filter and the search, each for its current text.
const cache = new WeakMap<LogRing, Map<string, MatchIndex>>();

/** The (incrementally updated) index of `key`'s matches in `lines`. */
export function matchIndex(lines: LogRing, key: string, make: () => (text: string) => boolean): MatchIndex {
  let byKey = cache.get(lines);
  if (!byKey) cache.set(lines, (byKey = new Map<string, MatchIndex>()));
  let index = byKey.get(key);
  if (!index) {
    if (byKey.size >= 4) byKey.delete(byKey.keys().next().value!);
    index = new MatchIndex(key, make());
    byKey.set(key, index);
  }
  return index.update(lines);
}

export function filterIndex(lines: LogRing, filter: { pattern: string; ignoreCase: boolean }): MatchIndex | undefined {
  const re = compileFilter(filter.pattern, filter.ignoreCase);
  if (typeof re === 'string') return undefined;
  return matchIndex(lines, `filter:${filter.ignoreCase ? 'i' : ''}:${filter.pattern}`, () => (t) => re.test(t));
}

export function searchIndex(lines: LogRing, needle: string): MatchIndex {
  const ignore = searchIgnoresCase(needle);
  const n = ignore ? needle.toLowerCase() : needle;
  return matchIndex(lines, `search:${needle}`, () => (t) => (ignore ? t.toLowerCase() : t).includes(n));
}

/** The rows a view shows: a filter's matches, or every line. */
export function viewRows(lines: LogRing, filter: { pattern: string; ignoreCase: boolean } | undefined): LogRows {
  const index = filter ? filterIndex(lines, filter) : undefined;
  return index ? index.rows() : allRows(lines);
}
