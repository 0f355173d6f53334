import stringWidth from 'string-width';

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
 *    segmentation with memoised per-cluster widths.
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
const DEFAULT_ELLIPSIS = '…';
const segmenter = new Intl.Segmenter();

const UNKNOWN = 255;
const bmpWidths = new Uint8Array(0x10000).fill(UNKNOWN);
const clusterWidths = new Map<string, number>();
const CLUSTER_CACHE_LIMIT = 4096;

function charWidth(code: number): number {
  let w = bmpWidths[code];
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
    w = stringWidth(cluster);
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
  return stringWidth(text);
}

/**
 * Cut `text` to at most `width` cells, ending with `ellipsis` when anything
 * was removed. A wide character that would straddle the limit is dropped
 * whole, so the result can be one cell narrower than `width` (use
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
  const budget = max - (suffix ? ellipsisWidth : 0);

  if (PRINTABLE_ASCII.test(text)) {
    if (text.length <= max) return { text, width: text.length };
    return { text: text.slice(0, budget) + suffix, width: budget + (suffix ? ellipsisWidth : 0) };
  }

  if (SIMPLE_BMP.test(text)) {
    let used = 0;
    let cut = -1; // index where the budget was first exceeded
    let cutWidth = 0;
    for (let i = 0; i < text.length; i++) {
      const w = charWidth(text.charCodeAt(i));
      if (cut < 0 && used + w > budget) {
        cut = i;
        cutWidth = used;
      }
      used += w;
      if (used > max) return { text: text.slice(0, cut) + suffix, width: cutWidth + (suffix ? ellipsisWidth : 0) };
    }
    return { text, width: used };
  }

  return fitClusters(text, max, budget, suffix, suffix ? ellipsisWidth : 0);
}

/** General path: grapheme clusters, with SGR sequences as zero-width tokens. */
function fitClusters(text: string, max: number, budget: number, suffix: string, suffixWidth: number): Fitted {
  let out = '';
  let used = 0;
  let cutOut: string | null = null; // `out` at the moment the budget was exceeded
  let cutWidth = 0;
  let sawSgr = false;
  let pos = 0;
  SGR.lastIndex = 0;
  for (;;) {
    const match = SGR.exec(text);
    const plainEnd = match ? match.index : text.length;
    if (plainEnd > pos) {
      for (const { segment } of segmenter.segment(text.slice(pos, plainEnd))) {
        const w = clusterWidth(segment);
        if (cutOut === null && used + w > budget) {
          cutOut = out;
          cutWidth = used;
        }
        used += w;
        if (used > max) {
          SGR.lastIndex = 0;
          const reset = sawSgr ? SGR_RESET : '';
          return { text: (cutOut as string) + reset + suffix, width: cutWidth + suffixWidth };
        }
        if (cutOut === null) out += segment;
      }
    }
    if (!match) break;
    if (cutOut === null) {
      out += match[0];
      sawSgr = true;
    }
    pos = match.index + match[0].length;
  }
  SGR.lastIndex = 0;
  return { text, width: used };
}
