// The width model (width.ts over string-width) must agree with what terminals draw for
// everything sanitize lets through; otherwise a line measured to fit runs over the next pane.
// Checked live against @xterm/headless, and against tmux through the measurements recorded
// by scripts/measure-terminal-widths.ts in test/fixtures/terminal-widths.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import xterm from '@xterm/headless';
import stringWidth from 'string-width';
import { sanitize, sanitizeKeepingSgr } from '../../src/text/sanitize.js';
import { cellWidth } from '../../src/text/width.js';

type Row = [from: number, to: number, stringWidth: number, xterm: number, tmux: number];
const measured = JSON.parse(readFileSync(new URL('../fixtures/terminal-widths.json', import.meta.url), 'utf8')) as { rows: Row[] };
const codePoints = (r: Row) => Array.from({ length: r[1] - r[0] + 1 }, (_, i) => r[0] + i);

const term = new xterm.Terminal({ cols: 500, rows: 4, allowProposedApi: true });
/**
 * Columns xterm's cursor advances while drawing `text` after a border character, as in
 * every pane (a leading combining mark joins that character, as it does on screen).
 */
async function drawnColumns(text: string): Promise<number> {
  await new Promise<void>((r) => term.write(`\x1b[H\x1b[2K│${text}`, r));
  return term.buffer.active.cursorX - 1;
}

describe('characters string-width counts as 0 cells but terminals draw', () => {
  it("the issue's examples are removed: Hangul fillers, soft hyphen, tags, other ignorables, U+2028/9", () => {
    const examples = [
      '\u3164',
      '\u115f',
      '\u1160',
      '\uffa0',
      '\u00ad',
      '\u{e0001}',
      '\u{e0041}',
      '\u{e007f}',
      '\u2028',
      '\u2029',
      '\u180e',
      '\u2064',
      '\u206a',
      '\u{1bca0}',
      '\u{1d173}',
      '\u034f',
      '\ufff0',
      '\u17b4',
    ];
    for (const c of examples) expect(sanitize(`a${c}b`), c.codePointAt(0)!.toString(16)).toBe('ab');
    // Variation selectors stay: they only choose a glyph for the character before them.
    expect(sanitize('\u2764\ufe0f')).toBe('\u2764\ufe0f');
    expect(sanitize('\u8fbb\u{e0100}')).toBe('\u8fbb\u{e0100}');
  });

  it('every code point measured wider in xterm or tmux than string-width counts is removed or rewritten', () => {
    const wider = measured.rows.filter((r) => Math.max(r[3], r[4]) > r[2]);
    expect(wider.length).toBeGreaterThan(100);
    for (const r of wider) {
      for (const cp of codePoints(r)) {
        const out = sanitize(`a${String.fromCodePoint(cp)}b`);
        // Rewritten (SARA AM) or removed; either way now measured as tmux draws it.
        const drawnByTmux = out === 'ab' ? 2 : 2 + r[4];
        expect(cellWidth(out), cp.toString(16)).toBe(drawnByTmux);
      }
    }
  });

  it('every measured code point, sanitized, is as wide in xterm as cellWidth says', async () => {
    for (const r of measured.rows) {
      for (const cp of codePoints(r)) {
        const out = sanitize(`a${String.fromCodePoint(cp)}b`);
        expect(await drawnColumns(out), cp.toString(16)).toBe(cellWidth(out));
      }
    }
  });
});

describe('property: sanitized text is exactly as wide as xterm draws it', () => {
  // xterm.js uses Unicode 6 widths: code points assigned later as wide (newer emoji) are
  // 1 cell there and 2 in string-width and modern terminals. That direction over-counts
  // (never overflows), so it is checked as an inequality over all of Unicode, and as an
  // equality over everything else.
  const xtermWidths = new Map<number, number>();
  async function newerWide(text: string): Promise<boolean> {
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (stringWidth(ch) !== 2) continue;
      if (!xtermWidths.has(c)) xtermWidths.set(c, (await drawnColumns(`a${ch}`)) - 1);
      if (xtermWidths.get(c) !== 2) return true;
    }
    return false;
  }
  const hostile = fc.constantFrom(
    '\x1b',
    '\x1b[2J',
    '\x1b]52;c;ZXZpbA==\x07',
    '\x1b]0;title\x1b\\',
    '\x1bP+q544e\x1b\\',
    '\u009b31m',
    '\u009d0;t\u009c',
    '\x1b[31m',
    '\x1b[0m',
    '\t',
    '\r\n',
    '\u202e',
    '\u200b',
    '\u200d',
    '\ufeff',
    '\u3164',
    '\u00ad',
    '\u{e0041}',
    '\u2028',
    '\ud800',
    '\udc00',
    '\u0301',
    '\u0e33',
    '\u1100\u1161',
    '\u{1f3fb}',
    '\u{1f44d}',
    '\ufe0f',
  );
  const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => (c >= 0xd800 && c <= 0xdfff ? '\ufffd' : String.fromCodePoint(c)));
  const strings = fc
    .array(
      fc.oneof(
        hostile,
        anyCodePoint,
        fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      ),
      { maxLength: 40 },
    )
    .map((a) => a.join(''));

  it("cellWidth(sanitize(s)) == xterm column, or >= for code points newer than xterm's Unicode 6 table", async () => {
    await fc.assert(
      fc.asyncProperty(strings, async (s) => {
        for (const out of [sanitize(s), sanitizeKeepingSgr(s)]) {
          const drawn = await drawnColumns(out);
          if (await newerWide(out)) expect(cellWidth(out)).toBeGreaterThanOrEqual(drawn);
          else expect(cellWidth(out)).toBe(drawn);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
