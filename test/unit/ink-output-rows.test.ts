// patches/ink+6.8.0.patch, build/output.js: Output.get joins a screen row's pieces as
// strings (joinRow) when each piece is "simple" (one cell per character, SGR escapes
// only) and none overlaps another; any other row goes through Ink's character grid
// (gridRow, Ink's own algorithm). The two must put the same cells on a terminal: each row
// is drawn both ways on a headless xterm and compared cell by cell (character, width,
// colours, attributes), over generated rows that mix styled, unclosed and reset runs,
// gaps, wide and zero-width characters, other escapes and overlapping pieces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NARROW_SYMBOLS } from '../../scripts/patched-deps.mjs';
import { cellsOf } from '../support/xterm-cells.js';

interface Piece {
  x: number;
  line: string;
}
interface RowOutput {
  width: number;
  joinRow(pieces: Piece[]): string | undefined;
  gridRow(pieces: Piece[]): string;
  write(x: number, y: number, text: string, options: { transformers: ((s: string, i: number) => string)[] }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}
// Ink's package exports only its entry; the test reads the patched file itself.
const { default: Output } = (await import(new URL('../../node_modules/ink/build/output.js', import.meta.url).href)) as {
  default: new (o: { width: number; height: number }) => RowOutput;
};

const COLS = 120;

const OPEN_CLOSE = [
  ['\x1b[1m', '\x1b[22m'],
  ['\x1b[2m', '\x1b[22m'],
  ['\x1b[3m', '\x1b[23m'],
  ['\x1b[4m', '\x1b[24m'],
  ['\x1b[7m', '\x1b[27m'],
  ['\x1b[31m', '\x1b[39m'],
  ['\x1b[96m', '\x1b[39m'],
  ['\x1b[38;5;208m', '\x1b[39m'],
  ['\x1b[38;2;10;200;30m', '\x1b[39m'],
  ['\x1b[44m', '\x1b[49m'],
  ['\x1b[48;2;1;2;3m', '\x1b[49m'],
] as const;
/** Every character of NARROW_SYMBOLS: joined rows must handle the whole class. */
const NARROW_CHARS = (() => {
  const member = new RegExp(`^[${NARROW_SYMBOLS}]$`);
  const chars: string[] = [];
  for (let cp = 0x80; cp <= 0xffff; cp++) if (member.test(String.fromCharCode(cp))) chars.push(String.fromCharCode(cp));
  return chars;
})();
const SIMPLE_CHAR = fc.oneof(fc.constantFrom('a', 'Z', '0', ' ', ' ', '-', '[', 'm', ';'), fc.constantFrom(...NARROW_CHARS));
const OTHER_CHARS = ['世', '👍', '\u200b', 'é', '\u0301', '\x1b]8;;http://x\x07'];

const text = fc.array(SIMPLE_CHAR, { minLength: 0, maxLength: 8 }).map((cs) => cs.join(''));
const run = fc.oneof(
  { weight: 4, arbitrary: text },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...OPEN_CLOSE), text, fc.constantFrom('close', 'unclosed', 'reset'))
      .map(([[open, close], t, end]) => open + t + (end === 'close' ? close : end === 'reset' ? '\x1b[0m' : '')),
  },
  { weight: 1, arbitrary: fc.constantFrom(...OTHER_CHARS) },
);
const line = fc.array(run, { minLength: 0, maxLength: 5 }).map((runs) => runs.join(''));
const piece = fc.record({ x: fc.integer({ min: 0, max: 60 }), line });
/** Pieces laid side by side (the common case: panes, borders, cells), sometimes overlapping. */
const row = fc.oneof(
  fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), line), { maxLength: 6 }).map((parts) => {
    const pieces: Piece[] = [];
    let x = 0;
    for (const [gap, l] of parts) {
      x += gap;
      pieces.push({ x, line: l });
      x += l.replace(/\x1b\[[0-9;]*m/g, '').length;
    }
    return pieces;
  }),
  fc.array(piece, { maxLength: 5 }),
);

describe('Ink Output by rows (patched dependency)', () => {
  it('a joined row shows the same cells as Ink’s character grid', async () => {
    const out = new Output({ width: COLS, height: 1 });
    await fc.assert(
      fc.asyncProperty(row, async (pieces) => {
        const joined = out.joinRow(pieces);
        if (joined === undefined) return;
        expect(await cellsOf(joined)).toEqual(await cellsOf(out.gridRow(pieces)));
      }),
      { numRuns: 400 },
    );
  });

  it('joins side-by-side simple pieces and leaves every other row to the grid', () => {
    const out = new Output({ width: COLS, height: 1 });
    const styled = { x: 0, line: '\x1b[1m\x1b[36m╭─ Containers ─\x1b[39m\x1b[22m' };
    expect(out.joinRow([styled, { x: 20, line: 'Up 3 seconds' }])).toBe(`${styled.line}\x1b[0m${' '.repeat(5)}Up 3 seconds`);
    expect(
      out.joinRow([
        { x: 20, line: 'b' },
        { x: 0, line: 'a' },
      ]),
    ).toBe(`a${' '.repeat(19)}b`);
    expect(
      out.joinRow([
        { x: 0, line: 'abc' },
        { x: 2, line: 'X' },
      ]),
    ).toBeUndefined(); // overlap
    expect(out.joinRow([{ x: 0, line: '世界' }])).toBeUndefined(); // wide characters
    expect(out.joinRow([{ x: 0, line: 'a\u200bb' }])).toBeUndefined(); // zero width: one grid cell
    expect(out.joinRow([{ x: 0, line: '\x1b]8;;http://x\x07link\x1b]8;;\x07' }])).toBeUndefined(); // not SGR
  });

  it('a frame with a dialog over the list and clipped text shows the grid’s cells on every row', async () => {
    const frame = (join: boolean) => {
      const out = new Output({ width: 40, height: 4 });
      if (!join) out.joinRow = () => undefined;
      out.write(0, 0, '╭──────────╮\n│ \x1b[7mweb-1\x1b[27m    │\n│ db-1     │\n╰──────────╯', { transformers: [] });
      out.write(14, 1, '\x1b[32mUp 3 seconds\x1b[39m', { transformers: [] });
      out.clip({ x1: 14, x2: 20 });
      out.write(14, 2, 'clipped after six', { transformers: [] });
      out.unclip();
      out.write(4, 2, '\x1b[44m dialog \x1b[49m', { transformers: [(s) => s.toUpperCase()] });
      return out.get().output.split('\n');
    };
    const joined = frame(true);
    const grid = frame(false);
    expect(joined).toHaveLength(4);
    for (let y = 0; y < 4; y++) expect(await cellsOf(joined[y]!)).toEqual(await cellsOf(grid[y]!));
    expect(joined[1]).not.toBe(grid[1]); // joined, not re-encoded by the grid
    expect(joined[2]).toContain('DIALOG');
  });
});
