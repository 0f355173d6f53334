// What a terminal shows for a line of output: each cell's character, width, colours and
// attributes on a headless xterm. For tests where equal means "looks the same", not "same bytes".
import xterm from '@xterm/headless';
import type { IBufferCell, Terminal as XTerm } from '@xterm/headless';

export interface Cell {
  chars: string;
  width: number;
  fg: string;
  bg: string;
  attrs: string;
}

const COLS = 120;
let term: XTerm | undefined;

const describeCell = (c: IBufferCell): Cell => ({
  chars: c.getChars() || ' ', // an erased cell shows as a space (Ink ends each line with erase-to-end)
  width: c.getWidth(),
  fg: `${c.getFgColorMode()}:${c.getFgColor()}`,
  bg: `${c.getBgColorMode()}:${c.getBgColor()}`,
  attrs: [c.isBold(), c.isDim(), c.isItalic(), c.isUnderline(), c.isInverse(), c.isStrikethrough()].map(Number).join(''),
});

/** The first 120 cells a terminal shows for `line`, written from column 0 of a cleared line. */
export async function cellsOf(line: string): Promise<Cell[]> {
  term ??= new xterm.Terminal({ cols: COLS, rows: 1, allowProposedApi: true });
  const t = term;
  await new Promise<void>((resolve) => t.write(`\x1b[0m\x1b[H\x1b[2K${line}\x1b[0m`, resolve));
  const row = t.buffer.active.getLine(0)!;
  return Array.from({ length: COLS }, (_, x) => describeCell(row.getCell(x)!));
}
