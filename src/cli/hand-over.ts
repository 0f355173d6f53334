// Giving the terminal to an interactive session (exec, attach, a local pty) and taking
// it back. The caller has already unmounted Ink and left the alternate screen; here the
// session gets raw stdin, every output byte, and the terminal size as it changes.
import type { SessionEnd, TerminalSession } from '../engine/api/terminal-session.js';
import { CLEAR_FOR_SESSION, RESET_MODES } from './terminal.js';
import { TerminalInput } from './input/terminal-input.js';

export interface HandOverIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

/** Runs until the session ends; always detaches its listeners, never rejects. */
export async function handOver(session: TerminalSession, io: HandOverIo, banner?: string): Promise<SessionEnd> {
  const { stdin, stdout } = io;
  // What was on the normal screen (dtui's last frame in some terminals, an earlier
  // session) would show through until the session repaints.
  stdout.write(CLEAR_FOR_SESSION);
  if (banner) stdout.write(`\x1b[2m${banner}\x1b[0m\r\n`);
  session.onOutput((chunk) => {
    stdout.write(chunk);
  });
  // Raw: Ctrl+C, Ctrl+D, Ctrl+Z are bytes for the container, not signals for dtui. It
  // stays raw after the session: the terminal's answers to what the container asked
  // arrive then, and a cooked tty would echo them onto the screen and hold them in its
  // line buffer. The caller (run-app) either takes the keyboard back or restores.
  if (stdin.isTTY) stdin.setRawMode(true);
  const onReadable = () => {
    let chunk: string | Buffer | null;
    while ((chunk = stdin.read() as string | Buffer | null) !== null) {
      // Ink set the encoding to utf8; a terminal sends UTF-8, so this round-trips.
      session.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    }
  };
  const onResize = () => session.resize(stdout.columns || 80, stdout.rows || 24);
  stdin.ref();
  stdin.on('readable', onReadable);
  // Node turns SIGWINCH into a 'resize' event on a TTY stdout.
  stdout.on('resize', onResize);
  // The terminal may have changed size between the session's start and now.
  onResize();
  try {
    return await session.done;
  } finally {
    stdin.off('readable', onReadable);
    stdout.off('resize', onResize);
    stdin.unref();
  }
}

/**
 * After a one-off command (E), its output stays on the screen until a key is pressed, with
 * how it ended on the last line (like lazydocker's "press enter to return"). The tty is
 * still raw (handOver leaves it so): any one key returns. Resolves at once on `signal`.
 */
export async function holdScreen(io: HandOverIo & { signal?: AbortSignal }, ending: string, next = 'return to dtui'): Promise<void> {
  const { stdin, stdout, signal } = io;
  // The command may have left the terminal in any mode (line-drawing glyphs, no wrap, a
  // scrolling region): reset them so the line below is readable.
  stdout.write(`${RESET_MODES}\r\n\x1b[7m ${ending} — press any key to ${next} \x1b[0m`);
  // Whatever was typed while the command ran is not the answer to this question.
  while (stdin.read() !== null);
  stdin.ref();
  try {
    await new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        stdin.off('readable', onReadable);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      // The terminal's answers to what the command asked it (a DA query…) arrive now too:
      // they are not the key press being waited for.
      const parser = new TerminalInput();
      const onReadable = () => {
        let chunk: string | Buffer | null;
        let key = false;
        while ((chunk = stdin.read() as string | Buffer | null) !== null) {
          const events = parser.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
          if (events.some((e) => e.kind !== 'reply') || parser.pending() === 'escape') key = true;
        }
        if (key) done();
      };
      stdin.on('readable', onReadable);
      signal?.addEventListener('abort', done, { once: true });
    });
  } finally {
    stdin.unref();
  }
}
