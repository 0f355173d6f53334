// One grapheme segmenter for dtui's text code, created on first use: the first
// Intl.Segmenter of a process builds ICU's list of available locales (~10 ms of start-up,
// docs/PERFORMANCE.md "issue 14, launch round two"), and the first frame (ASCII, box
// drawing) needs none.
let segmenter: Intl.Segmenter | undefined;

/** `text` split into grapheme clusters (default locale, as `new Intl.Segmenter()`). */
export function graphemeSegments(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter();
  return segmenter.segment(text);
}
