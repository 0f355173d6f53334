// Taking over the terminal and giving it back. restore() is idempotent and safe to
// call from any exit path (normal quit, signal, uncaught error).

// Alternate screen, cleared, cursor hidden, and bracketed paste on: a paste then
// arrives as one unit that src/cli/input turns into text, never into keys.
const ENTER = '\x1b[?1049h\x1b[H\x1b[2J\x1b[?25l\x1b[?2004h';
// Mouse reporting (config `mouse`, on by default): clicks and the wheel (1000) as SGR
// reports (1006), which src/cli/input parses into mouse events. Not 1002/1003 (drags,
// motion): dtui does nothing with them. Shift+click still selects text in most
// terminals. LEAVE turns every mouse mode off, so hand-overs and exits undo it.
const MOUSE_ON = '\x1b[?1000h\x1b[?1006h';
let mouse = false;

/** Whether enterFullscreen (and every re-entry after a session) turns mouse reports on. */
export function setMouseReporting(on: boolean): void {
  mouse = on;
}
// Leave the alternate screen, show the cursor, turn off mouse and bracketed paste
// modes in case anything turned them on, reset attributes.
const LEAVE = '\x1b[?1004l\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?2004l\x1b[0m\x1b[?25h\x1b[?1049l';

// Grapheme clustering (DEC private mode 2027): on while dtui draws when the terminal
// reported it off but known (src/cli/grapheme-probe.ts), and off again whenever dtui gives
// the terminal back, so a shell or an exec session gets the terminal as it was.
const CLUSTERING_ON = '\x1b[?2027h';
const CLUSTERING_OFF = '\x1b[?2027l';
let clustering = false;

let active = false;

export function enterFullscreen(out: NodeJS.WriteStream = process.stdout): void {
  if (active) return;
  active = true;
  out.write(ENTER + (mouse ? MOUSE_ON : '') + (clustering ? CLUSTERING_ON : ''));
}

/** Turns mode 2027 on now (if dtui holds the screen) and on every re-entry; LEAVE turns it off. */
export function turnOnGraphemeClustering(out: NodeJS.WriteStream = process.stdout): void {
  if (clustering) return;
  clustering = true;
  if (active) out.write(CLUSTERING_ON);
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
    out.write(clustering ? CLUSTERING_OFF + LEAVE : LEAVE);
  } catch {
    // Same: a closed terminal cannot be written to.
  }
}

// What a session may have left behind, undone before dtui draws again. DECSTR (soft
// reset) covers insert mode, origin mode, auto-wrap, the scroll region, cursor keys,
// cursor visibility, attributes and (in most terminals) the character sets; the rest
// is listed: alternate screen (left without restoring a cursor), G0–G3 and SI, reverse
// video, every mouse mode, focus reports, bracketed paste (ENTER turns it on again),
// keypad mode, and 7-bit replies (S7C1T). Nothing here moves the cursor (CSI r and
// ?6l would home it), so ENTER saves, and quitting restores, the cursor where the
// session's output ended — the shell's prompt then comes below it, not over it.
export const RESET_MODES =
  '\x1b[?1047l\x1b[!p\x1b(B\x1b)B\x1b*B\x1b+B\x0f\x1b F\x1b[?5l\x1b[4l\x1b[?7h\x1b[?25h' +
  '\x1b[?1000l\x1b[?1001l\x1b[?1002l\x1b[?1003l\x1b[?1005l\x1b[?1006l\x1b[?1015l\x1b[?1004l\x1b[?2004l' +
  '\x1b[?1l\x1b>\x1b[0m';

/** Written before a session starts: its terminal is empty, not dtui's last frame. */
export const CLEAR_FOR_SESSION = '\x1b[0m\x1b[H\x1b[2J';

/** Back to dtui's screen after an interactive session. */
export function reenterFullscreen(out: NodeJS.WriteStream = process.stdout): void {
  if (active) return;
  out.write(RESET_MODES);
  enterFullscreen(out);
}
