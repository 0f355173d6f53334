// Checks shared by the session e2e tests: the terminal after a session is exactly as
// before it (alternate screen re-entered, same tty settings), and the cursor was shown
// while the session owned the terminal.
import { expect } from 'vitest';
import type { TuiHarness } from '../support/pty-harness.js';

export interface TerminalMark {
  offset: number;
  tty: string;
}

/**
 * `a` on the selected TTY container `name`; a typed command's output (the shell's own
 * arithmetic: `word-2`) proves the session is live, then Ctrl+P Ctrl+Q detaches.
 */
export async function attachEchoDetach(tui: TuiHarness, name: string, word: string): Promise<void> {
  await tui.press('a');
  await tui.waitForText(`attached to ${name}`);
  await tui.type(`echo ${word}-$((1+1))\r`);
  await tui.waitForText(new RegExp(`^${word}-2`, 'm'));
  await tui.press('ctrl-p', 'ctrl-q');
  await tui.waitForText(`attach to ${name}: detached, the container keeps running`);
}

/** Call before the key that opens a session. */
export async function markTerminal(tui: TuiHarness): Promise<TerminalMark> {
  await tui.waitForRawMode();
  return { offset: tui.raw().length, tty: await tui.ttyState() };
}

/** Call once dtui is back (its screen is drawn again). */
export async function expectTerminalRestored(tui: TuiHarness, mark: TerminalMark, sessionOutput: string): Promise<void> {
  const raw = tui.raw().slice(mark.offset);
  const left = raw.indexOf('\x1b[?1049l');
  const output = raw.indexOf(sessionOutput, left);
  const reentered = raw.indexOf('\x1b[?1049h', Math.max(output, 0));
  expect(left, 'the alternate screen is left for the session').toBeGreaterThanOrEqual(0);
  expect(output, 'the session output appears after leaving').toBeGreaterThan(left);
  const beforeOutput = raw.slice(0, output);
  expect(beforeOutput.lastIndexOf('\x1b[?25h'), 'the cursor is shown during the session').toBeGreaterThan(beforeOutput.lastIndexOf('\x1b[?25l'));
  expect(reentered, 'the alternate screen is re-entered after the session').toBeGreaterThan(output);
  await tui.waitForRawMode();
  expect(await tui.ttyState(), 'tty settings equal those before the session').toBe(mark.tty);
}

/**
 * Runs `stty size` in the session until the container reports rows×cols. A resize reaches
 * the container through an engine call that races the next command, as with docker exec.
 */
export async function expectContainerSize(tui: TuiHarness, rows: number, cols: number): Promise<void> {
  const want = new RegExp(`^${rows} ${cols}\\s*$`, 'm');
  for (let attempt = 0; attempt < 10; attempt++) {
    await tui.type('stty size\r');
    if (
      await tui.waitForText(want, { timeout: 1500 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  expect.fail(`stty size inside the container never reported ${rows} ${cols}`);
}
