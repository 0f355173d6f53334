// patches/@alcalzone+ansi-tokenize*.patch: Ink's output tokenizer splits a string of
// printable ASCII, ESC and NARROW_SYMBOLS (scripts/patched-deps.mjs) into code units instead
// of asking Intl.Segmenter for graphemes. That is only right if each such character is a
// grapheme of one code unit that never joins its neighbour, and if the tokens come out the
// same: both are checked here against the segmenter path, which a CJK ideograph (outside
// the fast path) appended to the string sends the tokenizer down.
import { tokenize } from '@alcalzone/ansi-tokenize';
import { describe, expect, it } from 'vitest';
import { NARROW_SYMBOLS } from '../../scripts/patched-deps.mjs';

const IDEOGRAPH = '\u4E00';
const segmenterTokens = (s: string) => {
  const tokens = tokenize(s + IDEOGRAPH);
  expect(tokens.at(-1)).toMatchObject({ type: 'char', value: IDEOGRAPH, fullWidth: true });
  return tokens.slice(0, -1);
};

const fastPathChars = (() => {
  const member = new RegExp(`^[\\x1b\\u0020-\\u007E${NARROW_SYMBOLS}]$`);
  const chars: string[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) if (member.test(String.fromCharCode(cp))) chars.push(String.fromCharCode(cp));
  return chars;
})();

describe('ansi-tokenize fast path (patched dependency)', () => {
  it('every fast-path character is one grapheme of one code unit, whatever its neighbour in the set', () => {
    const segmenter = new Intl.Segmenter();
    // a before and after every character of the set: every ordered pair once.
    const joined = fastPathChars.filter((a) => {
      const s = a + fastPathChars.join(a) + a;
      return [...segmenter.segment(s)].length !== s.length;
    });
    expect(joined).toEqual([]);
  });

  it('gives the segmenter path’s tokens for styled UI lines', () => {
    const lines = [
      '\x1b[1m\x1b[36m╭─ Containers (200) ─\x1b[39m\x1b[22m────╮',
      '│ \x1b[7mbench-run-001\x1b[27m  Up 3 minutes · 0.4%  12.1 MiB → ↓ ✓ │'.replace('✓', '×'),
      `\x1b[38;2;10;20;30m${fastPathChars.filter((c) => c !== '\x1b').join('')}\x1b[0m`,
      '\x1b]8;;https://example.com\x07link\x1b]8;;\x07 — «»'.replace('«»', '‹›'),
      '',
    ];
    for (const line of lines) expect(tokenize(line)).toEqual(segmenterTokens(line));
  });

  it('stops at the same visible width', () => {
    const line = '\x1b[31m│ abc ─── def │\x1b[39m';
    for (let end = 1; end < 16; end++)
      expect(tokenize(line, end)).toEqual(tokenize(line + IDEOGRAPH, end).filter((t) => t.type !== 'char' || t.value !== IDEOGRAPH));
  });
});
