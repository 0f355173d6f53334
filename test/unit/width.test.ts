import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { cellWidth, padToWidth, truncateToWidth } from '../../src/text/width.js';
import { stripSgr } from '../../src/text/sanitize.js';

describe('cellWidth', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['世界', 4],
    ['ｱｲ', 2], // halfwidth katakana
    ['ＡＢ', 4], // fullwidth Latin
    ['e\u0301', 1], // combining acute
    ['😀', 2],
    ['👍🏽', 2], // skin-tone modifier sequence
    ['🇩🇪', 2], // flag
    ['…', 1],
    ['\x1b[31mred\x1b[0m', 3],
    ['한국어', 6],
    ['\u0e01\u0e33', 1], // Thai SARA AM joins the previous letter into one cluster
    ['\u1100\u1161', 2], // conjoining jamo L+V form one syllable
    ['\u0600a', 1], // Arabic prepend sign joins the next char
    ['\u{1D158}\u{1D165}\u{1D16E}', 3], // NFD U+1D160: base + two spacing marks, one 3-cell cluster
    ['a\x1b[0m\u0e33', 1], // SGR inside a cluster: measured like string-width, after stripping
    ['\u1100\x1b[1m\u1161', 2],
  ])('%j → %i', (text, width) => {
    expect(cellWidth(text)).toBe(width);
  });
});

describe('truncateToWidth', () => {
  it('returns text unchanged when it fits', () => {
    expect(truncateToWidth('hello', 5)).toBe('hello');
    expect(truncateToWidth('世界', 4)).toBe('世界');
  });

  it('cuts ASCII with an ellipsis', () => {
    expect(truncateToWidth('hello world', 8)).toBe('hello w…');
    expect(truncateToWidth('hello', 1)).toBe('…');
    expect(truncateToWidth('hello', 0)).toBe('');
    expect(truncateToWidth('hello', -3)).toBe('');
    expect(truncateToWidth('hello', NaN)).toBe('');
    expect(truncateToWidth('hello', 4.9)).toBe('hel…');
  });

  it('supports custom ellipses and hard-cuts when the ellipsis does not fit', () => {
    expect(truncateToWidth('hello world', 8, '...')).toBe('hello...');
    expect(truncateToWidth('hello world', 2, '...')).toBe('he');
    expect(truncateToWidth('hello world', 5, '')).toBe('hello');
  });

  it('never splits a wide character', () => {
    expect(truncateToWidth('世界世界', 5)).toBe('世界…');
    expect(truncateToWidth('世界世界', 4)).toBe('世…'); // 世 (2) + … (1) = 3; next 世 would make 5
    expect(truncateToWidth('a世界', 3)).toBe('a…');
  });

  it('never splits a grapheme cluster', () => {
    expect(truncateToWidth('ée\u0301e\u0301e\u0301', 3)).toBe('ée\u0301…');
    expect(truncateToWidth('👍🏽👍🏽👍🏽', 5)).toBe('👍🏽👍🏽…');
    expect(truncateToWidth('🇩🇪🇫🇷🇮🇹', 4)).toBe('🇩🇪…');
  });

  it('can leave a gap wider than one cell before a 3-cell cluster', () => {
    expect(truncateToWidth(' \u{1D158}\u{1D165}\u{1D16E}世', 4)).toBe(' …');
  });

  it('cuts at the clusters string-width sees even when SGR splits one', () => {
    expect(truncateToWidth('a\x1b[0m\u0e33bc', 3)).toBe('a\x1b[0m\u0e33bc');
    expect(truncateToWidth('a\x1b[0m\u0e33bc', 2)).toBe('a\x1b[0m\u0e33\x1b[0m…');
    expect(padToWidth('\u1100\x1b[1m\u1161x', 2)).toBe('… ');
  });

  it('keeps SGR before the cut and resets colour before the ellipsis', () => {
    expect(truncateToWidth('\x1b[31mhello world\x1b[0m', 6)).toBe('\x1b[31mhello\x1b[0m…');
    expect(truncateToWidth('\x1b[31mhi\x1b[0m', 2)).toBe('\x1b[31mhi\x1b[0m');
  });
});

describe('padToWidth', () => {
  it('pads and truncates to exactly the width', () => {
    expect(padToWidth('ab', 4)).toBe('ab  ');
    expect(padToWidth('abcdef', 4)).toBe('abc…');
    expect(padToWidth('世界', 5)).toBe('世界 ');
    expect(padToWidth('世界世界', 4)).toBe('世… '); // wide char gap filled with a space
    expect(padToWidth('x', 0)).toBe('');
  });
});

const segmenter = new Intl.Segmenter();

const unitArb = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('世', 'ｱ', 'Ａ', 'é', 'e\u0301', '😀', '👍🏽', '🇩🇪', '한', '…', '\x1b[1;31m', '\x1b[0m'),
  fc.string({ unit: 'grapheme', maxLength: 2 }),
);
const textArb = fc.string({ unit: unitArb, maxLength: 30 });

describe('width properties', () => {
  it('truncateToWidth fits, is a prefix, and only cuts when needed', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 0, max: 40 }), (text, width) => {
        const out = truncateToWidth(text, width);
        const w = cellWidth(out);
        expect(w).toBeLessThanOrEqual(width);
        if (width === 0) {
          expect(out).toBe(''); // documented: a zero-width cell gets nothing, not even SGR
        } else if (cellWidth(text) <= width) {
          expect(out).toBe(text);
        } else {
          // Plain text of the result (minus ellipsis) is a prefix of the input's plain text.
          const plain = stripSgr(out);
          const body = width >= 1 && plain.endsWith('…') ? plain.slice(0, -1) : plain;
          expect(stripSgr(text).startsWith(body)).toBe(true);
          // The cut is as late as possible: keeping the next cluster too would overflow.
          // (This replaces "at most one cell is wasted", which is wrong: the gap can be
          // up to the next cluster's width minus one, and string-width makes some
          // clusters 3+ cells wide, e.g. NFD U+1D160 "\u{1D158}\u{1D165}\u{1D16E}" = base +
          // two spacing marks = 3 cells, which fast-check's grapheme unit generates.)
          const plainText = stripSgr(text);
          const next = [...segmenter.segment(plainText)].find((s) => s.index === body.length)?.segment ?? '';
          expect(next).not.toBe(''); // the body ends on a cluster boundary of the input
          expect(cellWidth(body + next + '…')).toBeGreaterThan(width);
          expect(w).toBeGreaterThanOrEqual(width - Math.max(1, cellWidth(next) - 1));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('truncation of simple BMP text (CJK, kana, Latin-1) fits and never splits a character', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0x4e00, max: 0x9fff }),
      fc.integer({ min: 0x3041, max: 0x30ff }),
      fc.integer({ min: 0xff61, max: 0xff9d }),
      fc.integer({ min: 0xa0, max: 0x2ff }),
      fc.integer({ min: 0x20, max: 0x7e }),
    );
    fc.assert(
      fc.property(fc.string({ unit: unit.map((c) => String.fromCharCode(c)), maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (text, width) => {
        const out = truncateToWidth(text, width);
        expect(stringWidth(out)).toBeLessThanOrEqual(width);
        expect(stringWidth(padToWidth(text, width))).toBe(width);
        if (out !== text) expect(text.startsWith(out.slice(0, -1))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('padToWidth is always exactly the requested width', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 0, max: 40 }), (text, width) => {
        expect(cellWidth(padToWidth(text, width))).toBe(width);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with string-width (what Ink measures) on arbitrary BMP and astral text', () => {
    const bmp = fc.integer({ min: 0x20, max: 0xffff }).map((c) => String.fromCharCode(c));
    const anyText = fc.string({ unit: fc.oneof(bmp, bmp, fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 12 });
    fc.assert(
      fc.property(anyText, (s) => {
        expect(cellWidth(s)).toBe(stringWidth(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('ASCII fast path agrees with the general path', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }), fc.nat(30), (s, width) => {
        expect(cellWidth(s)).toBe(s.length);
        // Appending a zero-width combining mark forces the slow path without changing layout of the prefix.
        const slow = truncateToWidth(s + '\u0301', width);
        const fast = truncateToWidth(s, width);
        if (s.length > width) expect(slow).toBe(fast);
      }),
      { numRuns: 1000 },
    );
  });
});
