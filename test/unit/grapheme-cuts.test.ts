// Truncation, wrapping and the width caches never cut a grapheme cluster, for every kind of
// cluster that survives sanitizing (flags, keycaps, emoji presentation sequences, combining
// marks, Hangul syllables from jamo, Indic conjuncts, Thai) mixed with ASCII, CJK and tabs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sanitizeLine } from '../../src/text/sanitize.js';
import { cellWidth, truncateToWidth } from '../../src/text/width.js';
import { wrapToWidth } from '../../src/text/wrap.js';

const CLUSTERS = [
  '🇩🇪',
  '🇯🇵',
  '🏳️‍🌈', // sanitized to its base and VS16 (the ZWJ goes: sanitize.ts)
  '1️⃣',
  '#️⃣',
  '❤️',
  '🗜️',
  '😀',
  'é',
  'ẹ́',
  'ñ',
  '각',
  '\u1100\u1161\u11a8',
  'क्षि',
  'ที่',
  '👨‍👩‍👧',
  '👍🏽',
  '世',
  'ｱ',
  'a',
  'Z',
  ' ',
  '\t',
];
const clusterText = fc.array(fc.constantFrom(...CLUSTERS), { maxLength: 30 }).map((parts) => sanitizeLine(parts.join(''), false));
const segmenter = new Intl.Segmenter();
const boundaries = (text: string) => new Set([...segmenter.segment(text)].map((s) => s.index).concat(text.length));

describe('grapheme clusters are never cut', () => {
  it('by truncation: the kept text ends on a cluster boundary and fits', () => {
    fc.assert(
      fc.property(clusterText, fc.integer({ min: 1, max: 40 }), (text, width) => {
        const cut = truncateToWidth(text, width);
        const kept = cut === text ? text : cut.slice(0, -1);
        expect(text.startsWith(kept)).toBe(true);
        expect(boundaries(text).has(kept.length)).toBe(true);
        expect(cellWidth(cut)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 3000 },
    );
  });

  it('by wrapping: every row starts on a cluster boundary, the rows give back the line, each fits', () => {
    fc.assert(
      fc.property(clusterText, fc.integer({ min: 2, max: 40 }), (text, width) => {
        const { rows, offsets } = wrapToWidth(text, width);
        expect(rows.join('')).toBe(text);
        const starts = boundaries(text);
        for (const [i, row] of rows.entries()) {
          expect(starts.has(offsets[i]!)).toBe(true);
          expect(cellWidth(row)).toBeLessThanOrEqual(width);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('by the width caches: a cluster measures the same alone, in any text, and whatever was measured before', () => {
    fc.assert(
      fc.property(clusterText, clusterText, (a, b) => {
        const sum = [...segmenter.segment(a + b)].reduce((w, s) => w + cellWidth(s.segment), 0);
        expect(cellWidth(a + b)).toBe(sum);
        expect(cellWidth(b)).toBe([...segmenter.segment(b)].reduce((w, s) => w + cellWidth(s.segment), 0));
      }),
      { numRuns: 2000 },
    );
  });
});
