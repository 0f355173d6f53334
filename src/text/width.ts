import stringWidth from 'string-width';
import { emojiParts, hasEmojiJoiners, onEmojiModeChange } from './emoji-sequences.js';
import { graphemeSegments } from './graphemes.js';

/**
 * Terminal cell-width helpers for laying out table cells and log rows.
 *
 * Widths come from `string-width` (the same library Ink uses for layout), so
 * our truncation agrees with Ink's own measurement: East Asian Wide/Fullwidth
 * and emoji-presentation clusters are 2 cells, combining marks and controls 0,
 * East Asian Ambiguous (including the default ellipsis "…") 1.
 *
 * Inputs are expected to be sanitised first (see sanitize.ts). SGR colour
 * sequences (`ESC [ ... m`, as kept by sanitizeKeepingSgr) are understood:
 * they count as zero width and are preserved by truncation, which appends a
 * reset before the ellipsis so colour cannot bleed into the next cell. Other
 * raw controls (TAB included) measure as 0 and would misalign columns.
 *
 * These run for every visible cell on every frame, so there are three tiers:
 * 1. printable ASCII: width === length, no lookups at all;
 * 2. "simple" BMP text (CJK, Latin-1, Cyrillic, kana…) where every UTF-16
 *    unit is its own grapheme cluster: per-character widths from a lazily
 *    filled 64 K table, no segmentation (Intl.Segmenter costs ~5 µs per
 *    short string, an order of magnitude more than everything else here);
 * 3. everything else (emoji, combining marks, SGR, jamo): grapheme
 *    segmentation of the SGR-free text with memoised per-cluster widths.
 * cellWidth and truncation share each tier's walk and its caches. The caches
 * only memoise string-width of a single cluster (a pure function), and every
 * tier is exact for the strings it accepts (string-width is a plain sum over
 * grapheme clusters), so a result never depends on what was measured before.
 * The one exception is decided once per terminal: a cluster with an emoji joiner
 * or skin tone measures as sanitize.ts draws it (emoji-sequences.ts), and the
 * cache is emptied when that decision changes.
 */

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Excludes everything that can join a neighbour into one grapheme cluster:
// marks (incl. variation selectors), format chars (ZWJ, Arabic prepend
// signs), controls, surrogates/astral, Hangul jamo, the halfwidth kana voiced
// marks (Grapheme_Extend letters), U+0D4E (a Prepend letter) and Thai/Lao
// SARA AM (SpacingMark letters). Verified exhaustively over the BMP against
// Intl.Segmenter when written; width.test.ts re-checks it by sampling.
const SIMPLE_BMP = /^[^\p{M}\p{Cc}\p{Cf}\p{Cs}\u{10000}-\u{10ffff}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\uff9e\uff9f\u0d4e\u0e33\u0eb3]*$/u;
const SGR = /\x1b\[[0-9;:]*m/g;
const SGR_RESET = '\x1b[0m';
const ESCAPE_BYTE = /[\x1b\x9b]/;
const DEFAULT_ELLIPSIS = '…';

const UNKNOWN = 255;
const bmpWidths = new Uint8Array(0x10000).fill(UNKNOWN);
const clusterWidths = new Map<string, number>();
const CLUSTER_CACHE_LIMIT = 4096;
// A cluster holding an emoji joiner or skin tone is as wide as what sanitize.ts draws for
// it, which depends on the terminal (emoji-sequences.ts): parts, or one 2-cell cluster.
onEmojiModeChange(() => clusterWidths.clear());

function charWidth(code: number): number {
  let w = bmpWidths[code]!; // code is a UTF-16 unit: always inside the 64 K table
  if (w === UNKNOWN) {
    w = stringWidth(String.fromCharCode(code));
    bmpWidths[code] = w;
  }
  return w;
}

function clusterWidth(cluster: string): number {
  if (cluster.length === 1) return charWidth(cluster.charCodeAt(0));
  let w = clusterWidths.get(cluster);
  if (w === undefined) {
    w = stringWidth(hasEmojiJoiners(cluster) ? emojiParts(cluster) : cluster);
    // Crude bound: hostile input could otherwise fill the cache with unique clusters.
    if (clusterWidths.size >= CLUSTER_CACHE_LIMIT) clusterWidths.clear();
    clusterWidths.set(cluster, w);
  }
  return w;
}

/** Number of terminal cells `text` occupies. */
export function cellWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (SIMPLE_BMP.test(text)) {
    let w = 0;
    for (let i = 0; i < text.length; i++) w += charWidth(text.charCodeAt(i));
    return w;
  }
  const parts = splitSgr(text);
  // Same walk as truncation (fitClusters with no limit), so the two cannot disagree.
  return parts ? fitClusters(text, parts, Infinity, Infinity, '', 0).width : stringWidth(hasEmojiJoiners(text) ? emojiParts(text) : text);
}

/**
 * Tier 3 works on the text with its SGR sequences taken out, segmented as one
 * string: that is exactly what string-width measures (it strips escapes, then
 * sums per-cluster widths), so an SGR inside a cluster ("e\x1b[1m\u0301",
 * "a\x1b[0m\u0e33") cannot make us count two clusters where Ink counts one.
 * `at[i]` is the plain offset at which the i-th SGR sequence (of length
 * `len[i]`) was removed. Returns null for unsanitised input that still has
 * ESC/CSI bytes once SGR is gone: string-width strips those with a far larger
 * grammar (strip-ansi), so that input takes the exact-but-slower paths.
 */
type SgrSplit = { plain: string; at: number[]; len: number[] };
const NO_SGR: number[] = [];

function splitSgr(text: string): SgrSplit | null {
  if (!text.includes('\x1b')) {
    return text.includes('\x9b') ? null : { plain: text, at: NO_SGR, len: NO_SGR };
  }
  let plain = '';
  let pos = 0;
  const at: number[] = [];
  const len: number[] = [];
  // matchAll works on a copy of the regex: no shared lastIndex state.
  for (const m of text.matchAll(SGR)) {
    plain += text.slice(pos, m.index);
    at.push(plain.length);
    len.push(m[0].length);
    pos = m.index + m[0].length;
  }
  plain += text.slice(pos);
  return ESCAPE_BYTE.test(plain) ? null : { plain, at, len };
}

/**
 * Cut `text` to at most `width` cells, ending with `ellipsis` when anything
 * was removed. A cluster that would straddle the limit is dropped whole,
 * so the result can fall short of `width` by up to that cluster's width
 * minus one: one cell for CJK and emoji, more for the rare clusters that
 * string-width makes 3+ cells wide, e.g. a base with spacing marks (use
 * padToWidth for an exact fit). If even the ellipsis does not fit, the text
 * is hard-cut without one. `width` is floored; <= 0 or NaN gives ''.
 */
export function truncateToWidth(text: string, width: number, ellipsis = DEFAULT_ELLIPSIS): string {
  if (!(width > 0)) return '';
  return fit(text, Math.floor(width), ellipsis).text;
}

/** Exactly `width` cells: truncated (with ellipsis) if too wide, space-padded if narrow. */
export function padToWidth(text: string, width: number): string {
  if (!(width > 0)) return '';
  const max = Math.floor(width);
  const r = fit(text, max, DEFAULT_ELLIPSIS);
  return r.width < max ? r.text + ' '.repeat(max - r.width) : r.text;
}

type Fitted = { text: string; width: number };

/** Single pass: stops as soon as the text is known to overflow `max` (>= 1). */
function fit(text: string, max: number, ellipsis: string): Fitted {
  const ellipsisWidth = ellipsis === DEFAULT_ELLIPSIS ? 1 : cellWidth(ellipsis);
  const suffix = ellipsisWidth <= max ? ellipsis : '';
  const suffixWidth = suffix ? ellipsisWidth : 0;
  const budget = max - suffixWidth;
  const r = cut(text, max, budget, suffix, suffixWidth);
  if (r.text === text || suffix === '' || suffix === DEFAULT_ELLIPSIS) return r;
  // A custom ellipsis can join the last kept cluster (a leading combining
  // mark, VS16, ZWJ…) and change its width, so measure the result for real.
  const width = cellWidth(r.text);
  return width <= max ? { text: r.text, width } : fitByMeasuring(text, max, suffix);
}

/**
 * Tier dispatch. Every tier cuts only at cluster boundaries, adding up the
 * same per-cluster widths that cellWidth adds up for the same tier. The
 * default "…" always starts a cluster of its own (it is not Extend, ZWJ,
 * SpacingMark or Extended_Pictographic, and a kept prefix never ends in a
 * Prepend: that would have joined the non-zero-width cluster that did not
 * fit), so the width returned is cellWidth of the text returned.
 */
function cut(text: string, max: number, budget: number, suffix: string, suffixWidth: number): Fitted {
  if (PRINTABLE_ASCII.test(text)) {
    if (text.length <= max) return { text, width: text.length };
    return { text: text.slice(0, budget) + suffix, width: budget + suffixWidth };
  }

  if (SIMPLE_BMP.test(text)) {
    let used = 0;
    let cutAt = -1; // index where the budget was first exceeded
    let cutWidth = 0;
    for (let i = 0; i < text.length; i++) {
      const w = charWidth(text.charCodeAt(i));
      if (cutAt < 0 && used + w > budget) {
        cutAt = i;
        cutWidth = used;
      }
      used += w;
      if (used > max) return { text: text.slice(0, cutAt) + suffix, width: cutWidth + suffixWidth };
    }
    return { text, width: used };
  }

  const parts = splitSgr(text);
  return parts ? fitClusters(text, parts, max, budget, suffix, suffixWidth) : fitByMeasuring(text, max, suffix);
}

/**
 * General path: grapheme clusters of the SGR-free text (see splitSgr). SGR
 * sequences before the cut are kept, and a reset goes before the ellipsis.
 * With max = Infinity this is cellWidth's measure.
 */
function fitClusters(text: string, parts: SgrSplit, max: number, budget: number, suffix: string, suffixWidth: number): Fitted {
  let used = 0;
  let cutAt = -1; // plain offset of the first cluster that did not fit the budget
  let cutWidth = 0;
  for (const { segment, index } of graphemeSegments(parts.plain)) {
    const w = clusterWidth(segment);
    if (cutAt < 0 && used + w > budget) {
      cutAt = index;
      cutWidth = used;
    }
    used += w;
    if (used > max) {
      // Map the plain offset back into `text`, keeping the SGR sequences removed before it.
      let end = cutAt;
      let k = 0;
      while (k < parts.at.length && parts.at[k]! < cutAt) end += parts.len[k++]!;
      const reset = k > 0 ? SGR_RESET : '';
      return { text: text.slice(0, end) + reset + suffix, width: cutWidth + suffixWidth };
    }
  }
  return { text, width: used };
}

/**
 * Fallback for what the walks above cannot measure cluster by cluster
 * (unsanitised escape sequences, odd custom ellipses): the cut point is
 * binary-searched with cellWidth itself, so the result fits by construction.
 * O(n log n); sanitised input with the default ellipsis never gets here.
 */
function fitByMeasuring(text: string, max: number, suffix: string): Fitted {
  const total = cellWidth(text);
  if (total <= max) return { text, width: total };
  // Candidate cut points: cluster boundaries, never inside an SGR sequence.
  const ends: number[] = [0];
  let pos = 0;
  for (const m of [...text.matchAll(SGR), null]) {
    const plainEnd = m ? m.index : text.length;
    if (plainEnd > pos) {
      for (const { segment, index } of graphemeSegments(text.slice(pos, plainEnd))) ends.push(pos + index + segment.length);
    }
    if (!m) break;
    pos = m.index + m[0].length;
    ends.push(pos);
  }
  const candidate = (i: number): Fitted => {
    const kept = text.slice(0, ends[i]);
    const out = kept + (kept.includes('\x1b') ? SGR_RESET : '') + suffix;
    return { text: out, width: cellWidth(out) };
  };
  // candidate(0) is just the suffix, which fits; the full text does not.
  let lo = 0;
  let hi = ends.length - 1;
  let best = candidate(0);
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    const c = candidate(mid);
    if (c.width <= max) {
      lo = mid;
      best = c;
    } else {
      hi = mid;
    }
  }
  return best;
}
