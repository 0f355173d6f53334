// Renders the real App over a FakeEngine with ink-testing-library, and parses each frame
// into a headless xterm of the same size, so UI tests can ask what a cell looks like
// (background of the selected row) as well as what the text says.
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import xterm from '@xterm/headless';
import { App } from '../../src/views/app/app.js';
import type { AppContextValue } from '../../src/app/app-context.js';
import { waitFor } from './wait.js';

// ink-testing-library's stdout is not a TTY, so chalk would drop every colour.
chalk.level = 1;

/** ANSI palette indexes as xterm reports them. */
export const PALETTE = { black: 0, red: 1, green: 2, yellow: 3, blue: 4, magenta: 5, cyan: 6, white: 7, gray: 8 } as const;

export interface CellStyle {
  char: string;
  /** Palette index, or -1 for the default colour. */
  fg: number;
  bg: number;
  inverse: boolean;
  bold: boolean;
}

export interface RenderedApp {
  text(): string;
  line(n: number): string;
  cell(row: number, col: number): CellStyle;
  /** Sends keys as a terminal would (one write per key), then lets the frame settle. */
  press(...keys: string[]): Promise<void>;
  /** Waits until the screen contains `text`, matches it, or satisfies the predicate. */
  waitForText(text: string | RegExp | ((screen: string) => boolean), timeout?: number): Promise<string>;
  quitCalls: number;
  unmount(): void;
}

/** ink-testing-library renders at 100 columns; the app lays out by ctx.terminal, so keep them equal. */
export const UI_COLS = 100;

export async function renderApp(ctx: AppContextValue): Promise<RenderedApp> {
  const size = ctx.terminal.get();
  const term = new xterm.Terminal({ cols: size.cols, rows: size.rows, allowProposedApi: true, convertEol: true });
  const state = { quitCalls: 0 };
  const app = render(<App ctx={ctx} quit={() => void state.quitCalls++} />);
  let parsed = '';
  const sync = async (): Promise<void> => {
    const frame = app.lastFrame() ?? '';
    if (frame === parsed) return;
    parsed = frame;
    // Home + clear, then the frame: the terminal shows exactly the last frame.
    await new Promise<void>((resolve) => term.write(`\x1b[H\x1b[2J${frame}`, resolve));
  };
  const line = (n: number) => term.buffer.active.getLine(n)?.translateToString(true) ?? '';
  const text = () => Array.from({ length: term.rows }, (_, i) => line(i)).join('\n');
  const result: RenderedApp = {
    text,
    line,
    cell(row, col) {
      const c = term.buffer.active.getLine(row)?.getCell(col);
      if (!c) throw new Error(`no cell at ${row},${col}`);
      return {
        char: c.getChars(),
        fg: c.isFgDefault() ? -1 : c.getFgColor(),
        bg: c.isBgDefault() ? -1 : c.getBgColor(),
        inverse: c.isInverse() !== 0,
        bold: c.isBold() !== 0,
      };
    },
    async press(...keys) {
      for (const key of keys) {
        app.stdin.write(key);
        // Ink reads stdin on 'readable' and renders on the next tick.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await sync();
    },
    async waitForText(want, timeout = 10_000) {
      const match = (s: string) => (typeof want === 'string' ? s.includes(want) : typeof want === 'function' ? want(s) : want.test(s));
      await waitFor(
        async () => {
          await sync();
          return match(text());
        },
        { timeout, interval: 10, message: () => `${String(want)} on screen:\n${text()}` },
      );
      return text();
    },
    get quitCalls() {
      return state.quitCalls;
    },
    unmount() {
      app.unmount();
      ctx.session.stop();
      term.dispose();
    },
  };
  await sync();
  return result;
}
