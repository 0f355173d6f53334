// scripts/startup-speed.mjs gives string-width a fast path at bundle time: a string made
// only of printable ASCII and NARROW_SYMBOLS is as wide as it is long. That holds only if
// each of those characters is one cell wide and its own grapheme (never joins a
// neighbour), which is checked here against both string-width versions in the bundle.
import { describe, expect, it } from 'vitest';

type StringWidth = (s: string, options?: { ambiguousIsNarrow?: boolean }) => number;
const load = async (path: string) => ((await import(path)) as { default: StringWidth }).default;

const { NARROW_SYMBOLS } = (await import('../../scripts/startup-speed.mjs' as string)) as { NARROW_SYMBOLS: string };
const versions: Record<string, StringWidth> = {
  'string-width (Ink)': await load('string-width' as string),
  'string-width (wrap-ansi)': await load('../../node_modules/wrap-ansi/node_modules/string-width/index.js' as string),
};

const fastPathChars = (() => {
  const member = new RegExp(`^[\\u0020-\\u007E${NARROW_SYMBOLS}]$`);
  const chars: string[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) if (member.test(String.fromCharCode(cp))) chars.push(String.fromCharCode(cp));
  return chars;
})();

describe('string-width fast path (bundle-time edit)', () => {
  it('covers ASCII, the box-drawing set and the UI punctuation', () => {
    expect(fastPathChars.length).toBeGreaterThan(95 + 150);
    for (const c of ['a', '─', '│', '╭', '█', '…', '·', '—', '→', '↓']) expect(fastPathChars).toContain(c);
  });

  for (const [name, stringWidth] of Object.entries(versions)) {
    it(`${name}: every fast-path character is one cell wide`, () => {
      const wrong = fastPathChars.filter((c) => stringWidth(c) !== 1);
      expect(wrong).toEqual([]);
      expect(stringWidth(fastPathChars.join(''))).toBe(fastPathChars.length);
    });
  }

  it('every fast-path character is a grapheme of its own, next to itself or ASCII', () => {
    const segmenter = new Intl.Segmenter();
    const joined = fastPathChars.filter((c) => [...segmenter.segment(`a${c}${c}a`)].length !== 4);
    expect(joined).toEqual([]);
  });
});
