// patches/string-width*.patch give string-width a fast path: a string made only of
// printable ASCII and NARROW_SYMBOLS (scripts/patched-deps.mjs) is as wide as it is long.
// That holds only if each of those characters is one cell wide and its own grapheme (never
// joins a neighbour), which is checked here against both patched string-width versions,
// measured on their own slow path: a CJK ideograph (two cells, outside the fast path)
// appended to the string sends it there.
import { describe, expect, it } from 'vitest';

type StringWidth = (s: string, options?: { ambiguousIsNarrow?: boolean }) => number;
const load = async (path: string) => ((await import(path)) as { default: StringWidth }).default;

const { NARROW_SYMBOLS } = (await import('../../scripts/patched-deps.mjs')) as { NARROW_SYMBOLS: string };
const versions: Record<string, StringWidth> = {
  'string-width (Ink)': await load('string-width'),
  'string-width (wrap-ansi)': await load('../../node_modules/wrap-ansi/node_modules/string-width/index.js'),
};

/** Width through string-width's grapheme-by-grapheme path, which the fast path skips. */
const IDEOGRAPH = '\u4E00';
const slowWidth = (stringWidth: StringWidth, s: string) => stringWidth(s + IDEOGRAPH) - 2;

const fastPathChars = (() => {
  const member = new RegExp(`^[\\u0020-\\u007E${NARROW_SYMBOLS}]$`);
  const chars: string[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) if (member.test(String.fromCharCode(cp))) chars.push(String.fromCharCode(cp));
  return chars;
})();

describe('string-width fast path (patched dependency)', () => {
  it('covers ASCII, the box-drawing set and the UI punctuation', () => {
    expect(fastPathChars.length).toBeGreaterThan(95 + 150);
    for (const c of ['a', '─', '│', '╭', '█', '…', '·', '—', '→', '↓']) expect(fastPathChars).toContain(c);
  });

  for (const [name, stringWidth] of Object.entries(versions)) {
    it(`${name}: every fast-path character is one cell wide on the slow path`, () => {
      const wrong = fastPathChars.filter((c) => slowWidth(stringWidth, c) !== 1);
      expect(wrong).toEqual([]);
      expect(slowWidth(stringWidth, fastPathChars.join(''))).toBe(fastPathChars.length);
    });
    it(`${name}: the fast path is patched in and agrees with the slow path`, () => {
      const line = `╭─ Containers (3) ─ ${fastPathChars.join('')} ─╮`;
      expect(stringWidth(line)).toBe(line.length);
      expect(stringWidth(line)).toBe(slowWidth(stringWidth, line));
    });
  }

  it('every fast-path character is a grapheme of its own, next to itself or ASCII', () => {
    const segmenter = new Intl.Segmenter();
    const joined = fastPathChars.filter((c) => [...segmenter.segment(`a${c}${c}a`)].length !== 4);
    expect(joined).toEqual([]);
  });
});
