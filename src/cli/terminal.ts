// Taking over the terminal and giving it back. restore() is idempotent and safe to
// call from any exit path (normal quit, signal, uncaught error).

const ENTER = '\x1b[?1049h\x1b[H\x1b[2J\x1b[?25l';
// Leave the alternate screen, show the cursor, turn off mouse and bracketed paste
// modes in case anything turned them on, reset attributes.
const LEAVE = '\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?2004l\x1b[0m\x1b[?25h\x1b[?1049l';

let active = false;

export function enterFullscreen(out: NodeJS.WriteStream = process.stdout): void {
  if (active) return;
  active = true;
  out.write(ENTER);
}

export function restoreTerminal(out: NodeJS.WriteStream = process.stdout, input: NodeJS.ReadStream = process.stdin): void {
  if (!active) return;
  active = false;
  try {
    if (input.isTTY && input.isRaw) input.setRawMode(false);
  } catch {
    // The terminal may already be gone (SIGHUP): nothing left to restore.
  }
  try {
    out.write(LEAVE);
  } catch {
    // Same: a closed terminal cannot be written to.
  }
}

// What a session may have left behind: mouse and paste modes, application cursor and
// keypad modes, a scroll region, attributes. Undone before dtui draws again.
const RESET_MODES = '\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?2004l\x1b[?1l\x1b>\x1b[r\x1b[0m';

/** Back to dtui's screen after an interactive session. */
export function reenterFullscreen(out: NodeJS.WriteStream = process.stdout): void {
  if (active) return;
  out.write(RESET_MODES);
  enterFullscreen(out);
}

