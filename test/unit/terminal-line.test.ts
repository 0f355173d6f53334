// sanitizeLine: a log line as a terminal draws it (tabs to 8-column stops, carriage returns
// and erase-in-line rewriting the line), with every guarantee of sanitize kept. The class-wide
// check draws the raw line in xterm (headless) and compares the row with ours.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import xterm from '@xterm/headless';
import { sanitize, sanitizeKeepingSgr, sanitizeLine, stripSgr } from '../../src/text/sanitize.js';
import { cellWidth } from '../../src/text/width.js';

const FORBIDDEN = /[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;
const SGR = /\x1b\[[0-9;:]*m/g;

describe('sanitizeLine: examples', () => {
  it.each([
    ['progress rewritten with CR shows its last state', '10%\r50%\r100%', '100%'],
    ['a shorter rewrite overwrites cell by cell, like a terminal', 'hello world\rHi', 'Hillo world'],
    ['CR then erase-in-line clears the old text', 'old long text\r\x1b[Knew', 'new'],
    ['CSI 2K clears the whole line, the cursor stays', 'abc\x1b[2Kxy', '   xy'],
    ['CSI 1K clears up to and including the cursor', 'abc\x1b[1Kd', '   d'],
    ['a trailing CR changes nothing', 'progress 100%\r', 'progress 100%'],
    ['TAB goes to the next 8-column stop', 'a\tb', 'a       b'],
    ['TAB at a stop moves a full stop', 'abcdefgh\tX', 'abcdefgh        X'],
    ['TAB after wide characters counts cells', '世界\tX', '世界    X'],
    ['tab stops count from the line start, across colours', 'ab\x1b[31mcd\x1b[0m\tX', 'abcd    X'],
    ['half of an overwritten wide character becomes a blank', '世界\rx', 'x 界'],
    ['other escape sequences still go', 'a\x1b]0;title\x07\tb\x1b[2J', 'a       b'],
  ])('%s', (_name, input, expected) => {
    expect(stripSgr(sanitizeLine(input, true))).toBe(expected);
    expect(sanitizeLine(input, false)).toBe(expected);
  });

  it('keeps each cell in the colour it was written with', () => {
    expect(sanitizeLine('12345\r\x1b[32mab\x1b[0m', true)).toBe('\x1b[32mab\x1b[0m345');
    expect(sanitizeLine('\x1b[31mred\x1b[0m\rX', true)).toBe('X\x1b[31med\x1b[0m');
  });

  it('leaves a line without TAB, CR or erase exactly as sanitize does', () => {
    for (const s of ['plain', 'ümlaut 世界 😀', '\x1b[31mred\x1b[0m', 'a\x1b[2Jb', 'bidi\u202eX'])
      expect([sanitizeLine(s, false), sanitizeLine(s, true)]).toEqual([sanitize(s), sanitizeKeepingSgr(s)]);
  });
});

// Units a hostile or progress-bar-writing container would send.
const lineUnit = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '\r',
      '\t',
      '\x1b[K',
      '\x1b[0K',
      '\x1b[1K',
      '\x1b[2K',
      '\x1b[31m',
      '\x1b[0m',
      '世',
      'é',
      'e\u0301',
      '😀',
      '\x1b]0;t\x07',
      '\x1b[2J',
      '\x07',
      '\u202e',
      '\u200d',
      '\x9b',
    ),
  },
  { weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);
const line = fc.string({ unit: lineUnit, maxLength: 60 });

describe('sanitizeLine properties', () => {
  it('keeps the sanitizer guarantees: no controls, bidi or zero-width characters; ESC only in SGR', () => {
    fc.assert(
      fc.property(line, (s) => {
        expect(sanitizeLine(s, false)).not.toMatch(FORBIDDEN);
        expect(sanitizeLine(s, true).replace(SGR, '')).not.toMatch(FORBIDDEN);
      }),
      { numRuns: 5000 },
    );
  });

  it('is idempotent, and colour changes nothing but colour', () => {
    fc.assert(
      fc.property(line, (s) => {
        const plain = sanitizeLine(s, false);
        const coloured = sanitizeLine(s, true);
        expect(sanitizeLine(plain, false)).toBe(plain);
        expect(sanitizeLine(coloured, true)).toBe(coloured);
        // (A mark right after a colour change is dropped in colour only: sanitize.ts's seatMarks.)
        if (!/\p{M}/u.test(s)) expect(stripSgr(coloured)).toBe(plain);
      }),
      { numRuns: 3000 },
    );
  });

  it('draws what xterm draws for the raw line (CR, TAB, erase, wide and combining characters)', async () => {
    const { Terminal } = xterm;
    const term = new Terminal({ cols: 300, rows: 2, allowProposedApi: true });
    // Printable units whose widths xterm (Unicode 6) and string-width agree on, plus the controls.
    const drawable = fc.string({
      unit: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('\r', '\t', '\x1b[K', '\x1b[1K', '\x1b[2K', '\x1b[32m', '\x1b[0m', '世', 'é', 'e\u0301') },
        { weight: 4, arbitrary: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) },
      ),
      maxLength: 50,
    });
    await fc.assert(
      fc.asyncProperty(drawable, async (s) => {
        await new Promise<void>((r) => term.write(`\x1b[H\x1b[2K\x1b[0m${s}`, r));
        const row = term.buffer.active.getLine(0)!.translateToString(true);
        const ours = sanitizeLine(s, false);
        expect(ours.trimEnd()).toBe(row);
        expect(cellWidth(ours.trimEnd())).toBe(cellWidth(row));
      }),
      { numRuns: 1000 },
    );
    term.dispose();
  });
});
