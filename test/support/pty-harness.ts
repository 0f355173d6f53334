// Drives a real terminal program (by default `node bin/dtui`) through a pseudo-terminal
// and renders its output with a headless xterm, so e2e tests assert on what a user sees.
//
// Timing model:
// - xterm's write() parses asynchronously (chunks are queued and handled on a later
//   macrotask). screen()/line() are synchronous and show what has been parsed so far;
//   waitForText/waitForScreen/exited first drain pending writes (flush()), and re-check
//   after every parsed chunk, so they never act on a stale screen.
// - Input: Ink 6.8 splits one read() into several key events only at escape sequences.
//   Printable keys read together arrive as ONE input string ("jj", "\rx"), and a lone
//   ESC is only an Escape key if it is the last byte of a read (Ink flushes it on
//   setImmediate, there is no timer). So press() writes each key separately and keeps
//   at least keyGapMs between any two inputs (also across press()/type() calls): nothing
//   on the master side of a pty tells us when the app has read its input, so this gap is
//   the one deliberate timed wait. It is not enough on a loaded machine (the app may not
//   run for longer than the gap), so before each write press()/type() also wait until
//   the pty's input queue is empty, i.e. the app has read the previous key on its own
//   (input-queue.ts; raw-mode programs only). For determinism, prefer `press(key)` followed by a
//   waitForText() of the key's visible effect.
// - Ink prints its first frame before useInput's effect turns raw mode on, so "text is
//   on screen" does not mean "keys will be read": a key sent in between is echoed and
//   line-buffered by the tty. press()/type() therefore first wait until the pty is in
//   raw mode (-icanon -echo), read with `stty -F <pts>` (GNU coreutils, Linux).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import xterm from '@xterm/headless';
import type { Terminal as XTerm } from '@xterm/headless';
import * as pty from 'node-pty';
import { clusterEmojiSequences } from './grapheme-terminal.js';
import { InputQueueProbe } from './input-queue.js';
import { KEYS } from './pty-keys.js';
import { waitFor } from './wait.js';

const execFileAsync = promisify(execFile);

export interface SpawnTuiOptions {
  /** Program to run (default: the current node binary). */
  command?: string;
  /** Arguments (default: ['bin/dtui'], relative to cwd). */
  args?: string[];
  /** Merged over the parent env (CI vars removed, TERM=xterm-256color); undefined deletes a var. */
  env?: Record<string, string | undefined>;
  cols?: number;
  rows?: number;
  cwd?: string;
  /** Minimum pause between two inputs (default 50 ms); see the timing notes above. */
  keyGapMs?: number;
  /** press()/type() wait for raw mode first (default true); false for line-mode programs. */
  waitForRawMode?: boolean;
  /**
   * The terminal's answers to queries (DA, cursor position…) reach the program this much
   * later, as from a terminal at the far end of an ssh connection (default 0).
   */
  replyDelayMs?: number;
  /**
   * How the terminal answers DECRQM (`CSI ? <mode> $ p`) for these DEC private modes
   * instead of xterm's own answer: the Ps to report (1 set, 2 reset, 0 unknown…), or null
   * for no answer at all, as from a terminal that ignores the query.
   */
  modeReports?: Record<number, number | null>;
  /** Draw emoji sequences as a grapheme-clustering (mode 2027) terminal does (grapheme-terminal.ts). */
  clusterEmoji?: boolean;
}

export interface WaitScreenOptions {
  /** ms (default 10 000). */
  timeout?: number;
}

export interface CellStyle {
  char: string;
  /** False when the cell has a foreground / background colour of its own. */
  fgDefault: boolean;
  bgDefault: boolean;
  inverse: boolean;
  bold: boolean;
}

export interface ExitInfo {
  exitCode: number;
  signal?: number;
}

export interface TuiHarness {
  readonly pid: number;
  /** The slave side, e.g. /dev/pts/3 (for `stty -F`); undefined off Linux. */
  readonly ptsName: string | undefined;
  /** Closes the master side, as a terminal window closing or ssh dropping does. */
  hangup(): void;
  /** Visible viewport, lines joined with \n, trailing spaces trimmed (as parsed so far). */
  screen(): string;
  /** Viewport line n (0-based), trailing spaces trimmed. */
  line(n: number): string;
  /** Each cell of viewport line n with its drawing attributes (colours, reverse video, bold). */
  cells(n: number): CellStyle[];
  /** Every byte the program wrote, decoded as UTF-8, escape sequences included. */
  raw(): string;
  /** The terminal's modes as parsed so far (insert, wrap, origin, mouse, paste…). */
  modes(): XTerm['modes'];
  /** The cursor's cell in the viewport (0-based), as parsed so far. */
  cursor(): { x: number; y: number };
  /** Resolves once every answer held back by replyDelayMs has been written to the pty. */
  waitForPendingReplies(): Promise<void>;
  /** performance.now() at which the most recently parsed output chunk arrived (benchmarks). */
  lastChunkAt(): number;
  /** Resolves once every chunk received so far has been parsed into the screen. */
  flush(): Promise<void>;
  waitForText(text: string | RegExp, opts?: WaitScreenOptions): Promise<string>;
  waitForScreen(predicate: (screen: string) => boolean, opts?: WaitScreenOptions): Promise<string>;
  /** Named keys (see KEYS) or literal strings, each written separately. */
  press(...keys: string[]): Promise<void>;
  /** Writes text in a single chunk (Ink sees it as one input event, like a paste). */
  type(text: string): Promise<void>;
  /** Resolves once the program has put the terminal in raw mode (-icanon -echo). */
  waitForRawMode(opts?: WaitScreenOptions): Promise<void>;
  /** The pty's settings as `stty -g` prints them, to compare before/after states. */
  ttyState(): Promise<string>;
  resize(cols: number, rows: number): void;
  readonly exited: Promise<ExitInfo>;
  /** Signals the program (default SIGTERM) and returns `exited`. No-op once exited. */
  kill(signal?: string): Promise<ExitInfo>;
}

export { KEYS } from './pty-keys.js';

// Ink (via is-in-ci) renders only the final frame when CI/CONTINUOUS_INTEGRATION is set,
// and CI=true is exactly what CI exports; kitty-detection vars would make keyboard
// behaviour depend on the developer's terminal.
const SCRUBBED_ENV = ['CI', 'CONTINUOUS_INTEGRATION', 'TERM_PROGRAM', 'KITTY_WINDOW_ID'];

// Synchronized output (DEC mode 2026): the terminal shows a frame only once it is complete.
const SYNC_BEGIN = '\x1b[?2026h';
const SYNC_END = '\x1b[?2026l';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function childEnv(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of SCRUBBED_ENV) delete env[name];
  Object.assign(env, { TERM: 'xterm-256color', COLORTERM: 'truecolor' }, overrides);
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** xterm's answers with the DECRPM reports of `reports` put in their place (see modeReports). */
function reportModes(answer: string, reports: Record<number, number | null> | undefined): string {
  if (!reports) return answer;
  return answer.replace(/\x1b\[\?(\d+);\d+\$y/g, (report, mode: string) => {
    const ps = reports[Number(mode)];
    if (ps === undefined) return report;
    return ps === null ? '' : `\x1b[?${mode};${ps}$y`;
  });
}

/**
 * bin/dtui executed as a person runs it (not `node bin/dtui`), so its #! line applies
 * (node, and the malloc setting it passes).
 */
export function dtuiCommand(args: string[] = []): Pick<SpawnTuiOptions, 'command' | 'args'> {
  return { command: 'bin/dtui', args };
}

export function spawnTui(opts: SpawnTuiOptions = {}): TuiHarness {
  const { cols = 160, rows = 45, keyGapMs = 50, waitForRawMode: gateOnRawMode = true } = opts;
  // @xterm/headless 6 classes `terminal.buffer` as proposed API: reading the screen throws without this.
  const term: XTerm = new xterm.Terminal({ cols, rows, scrollback: 1000, allowProposedApi: true });
  if (opts.clusterEmoji) clusterEmojiSequences(term);
  const child = pty.spawn(opts.command ?? process.execPath, opts.args ?? ['bin/dtui'], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: opts.cwd ?? process.cwd(),
    env: childEnv(opts.env),
  });

  let received = '';
  // `ended`: the pty is gone (set at once); `exit`: its final output is parsed too.
  let ended = false;
  let exit: ExitInfo | undefined;
  // Re-evaluated after every parsed chunk, resize and exit; each returns true when settled.
  const watchers = new Set<() => boolean>();
  const notify = () => {
    for (const watcher of [...watchers]) if (watcher()) watchers.delete(watcher);
  };

  let lastChunkAt = 0;
  // Ink wraps each frame in synchronized-output marks (BSU … ESU); a pty may split a frame
  // over several reads. Watchers are not asked while the parsed output ends inside a frame,
  // so a wait never matches a half-drawn screen (a dialog drawn over a stale status line).
  let syncTail = '';
  let receivedInFrame = false;
  let parsedInFrame = false;
  child.onData((data) => {
    received += data;
    const arrived = performance.now();
    const scan = syncTail + data;
    const begin = scan.lastIndexOf(SYNC_BEGIN);
    const end = scan.lastIndexOf(SYNC_END);
    if (begin >= 0 || end >= 0) receivedInFrame = begin > end;
    syncTail = scan.slice(-(SYNC_BEGIN.length - 1));
    const inFrame = receivedInFrame;
    term.write(data, () => {
      lastChunkAt = arrived;
      parsedInFrame = inFrame;
      if (!inFrame) notify();
    });
  });
  // Answers to terminal queries (DA, cursor position reports) go back to the program, as a
  // real terminal would; otherwise apps that probe the terminal would stall.
  let delayedReplies = 0;
  term.onData((answer) => {
    const reply = reportModes(answer, opts.modeReports);
    if (!reply) return;
    const send = () => {
      if (!ended) child.write(reply);
    };
    if (!opts.replyDelayMs) return send();
    delayedReplies++;
    setTimeout(() => {
      delayedReplies--;
      send();
    }, opts.replyDelayMs);
  });

  // An empty write completes only after every earlier write was parsed (xterm keeps order).
  const flush = () => new Promise<void>((resolve) => term.write('', resolve));

  // node-pty emits exit after its socket closed, i.e. after the last onData.
  const exited = new Promise<ExitInfo>((resolve) => {
    child.onExit(async ({ exitCode, signal }) => {
      ended = true;
      probe?.close();
      await flush();
      exit = { exitCode, signal };
      notify();
      resolve(exit);
    });
  });

  const line = (n: number): string => {
    const buffer = term.buffer.active;
    return buffer.getLine(buffer.viewportY + n)?.translateToString(true) ?? '';
  };
  const screen = (): string => Array.from({ length: term.rows }, (_, i) => line(i)).join('\n');
  const cells = (n: number): CellStyle[] => {
    const buffer = term.buffer.active;
    const row = buffer.getLine(buffer.viewportY + n);
    if (!row) return [];
    return Array.from({ length: term.cols }, (_, x) => {
      const c = row.getCell(x)!;
      return { char: c.getChars() || ' ', fgDefault: c.isFgDefault(), bgDefault: c.isBgDefault(), inverse: c.isInverse() !== 0, bold: c.isBold() !== 0 };
    });
  };

  const waitForScreen = async (predicate: (screen: string) => boolean, { timeout = 10_000 }: WaitScreenOptions = {}, what = 'predicate'): Promise<string> => {
    await flush();
    return new Promise<string>((resolve, reject) => {
      const fail = (reason: string) => {
        clearTimeout(timer);
        reject(new Error(`waiting for ${what}: ${reason}\n--- screen (${term.cols}x${term.rows}) ---\n${screen()}\n---`));
      };
      const check = (): boolean => {
        const current = screen();
        let matched: boolean;
        try {
          matched = predicate(current);
        } catch (error) {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
          return true;
        }
        if (matched) {
          clearTimeout(timer);
          resolve(current);
          return true;
        }
        if (exit) {
          fail(`program exited (code ${exit.exitCode}, signal ${exit.signal ?? 'none'}) first`);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        watchers.delete(check);
        fail(`timed out after ${timeout}ms`);
      }, timeout);
      if (parsedInFrame || !check()) watchers.add(check);
    });
  };

  let lastInputAt = -Infinity;
  let probe: InputQueueProbe | undefined;
  // Until the program has read the previous input, a new key could join it in one read.
  const waitForInputRead = async () => {
    if (!gateOnRawMode || !ptsName || lastInputAt === -Infinity) return;
    probe ??= new InputQueueProbe(ptsName);
    const current = probe;
    // node-pty writes through its own queue with async fs.write: the previous key may not
    // have reached the pty yet, and an empty pty queue would then mean nothing. (A private
    // field of node-pty 1.x; without it only the pty queue is checked.)
    const unsent = () => (child as unknown as { _writeStream?: { _writeQueue?: unknown[] } })._writeStream?._writeQueue?.length ?? 0;
    await waitFor(async () => ended || (unsent() === 0 && (await current.pending()) <= 0), {
      timeout: 10_000,
      interval: 5,
      message: () => `the program to read its previous input\n--- screen ---\n${screen()}\n---`,
    });
  };
  const write = async (data: string) => {
    // The gap first: it also lets the kernel move the last write into the pty's input queue.
    const wait = lastInputAt + keyGapMs - Date.now();
    if (wait > 0) await pause(wait);
    await waitForInputRead();
    if (ended) throw new Error(`cannot send input: program already exited${exit ? ` (code ${exit.exitCode})` : ''}`);
    child.write(data);
    lastInputAt = Date.now();
  };

  // node-pty's UnixTerminal has a ptsName getter (e.g. /dev/pts/3) that its typings omit.
  const ptsName = (child as pty.IPty & { readonly ptsName?: string }).ptsName;
  const isRawMode = async (): Promise<boolean> => {
    if (!ptsName) return true; // not a unix pty: nothing to probe
    const { stdout } = await execFileAsync('stty', ['-F', ptsName, '-a']);
    return /(^|\s)-icanon(\s|;|$)/.test(stdout) && /(^|\s)-echo(\s|;|$)/.test(stdout);
  };
  const waitForRawMode = async ({ timeout = 10_000 }: WaitScreenOptions = {}): Promise<void> => {
    // An exited program ends the wait; the write that follows then reports it.
    await waitFor(async () => ended || (await isRawMode()), {
      timeout,
      interval: 20,
      message: () => `the program to put the terminal in raw mode (pass waitForRawMode: false for ` + `line-mode programs)\n--- screen ---\n${screen()}\n---`,
    });
  };
  const ttyState = async (): Promise<string> => {
    if (!ptsName) return '';
    const { stdout } = await execFileAsync('stty', ['-F', ptsName, '-g']);
    return stdout.trim();
  };
  const beforeInput = () => (gateOnRawMode ? waitForRawMode() : Promise.resolve());

  return {
    pid: child.pid,
    ptsName,
    hangup() {
      // UnixTerminal.destroy() closes the master fd; the kernel then hangs up the session.
      (child as pty.IPty & { destroy?: () => void }).destroy?.();
    },
    screen,
    line,
    cells,
    raw: () => received,
    modes: () => term.modes,
    waitForPendingReplies: async () => {
      await flush();
      await waitFor(() => delayedReplies === 0, { message: 'delayed terminal answers to be sent' });
    },
    cursor: () => ({ x: term.buffer.active.cursorX, y: term.buffer.active.cursorY }),
    lastChunkAt: () => lastChunkAt,
    flush,
    waitForScreen: (predicate, waitOpts) => waitForScreen(predicate, waitOpts),
    waitForText(text, waitOpts) {
      // A copy without g/y flags: RegExp#test on those is stateful (lastIndex).
      const re = typeof text === 'string' ? undefined : new RegExp(text.source, text.flags.replace(/[gy]/g, ''));
      const what = re ? String(re) : JSON.stringify(text);
      return waitForScreen((s) => (re ? re.test(s) : s.includes(text as string)), waitOpts, what);
    },
    waitForRawMode,
    ttyState,
    async press(...keys) {
      await beforeInput();
      for (const key of keys) await write(KEYS[key] ?? key);
    },
    async type(text) {
      await beforeInput();
      await write(text);
    },
    resize(newCols, newRows) {
      // Terminal first, so the redraw the program sends after SIGWINCH is parsed at the new size.
      term.resize(newCols, newRows);
      if (!ended) child.resize(newCols, newRows);
      notify();
    },
    exited,
    kill(signal = 'SIGTERM') {
      if (!ended) child.kill(signal);
      return exited;
    },
  };
}
