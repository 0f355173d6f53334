// What the pty harness writes for a named key.
/** Byte sequences an xterm-compatible terminal sends for each named key (normal cursor mode). */
export const KEYS: Readonly<Record<string, string>> = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  pgup: '\x1b[5~',
  pgdn: '\x1b[6~',
  home: '\x1b[H',
  end: '\x1b[F',
  enter: '\r',
  esc: '\x1b',
  tab: '\t',
  'shift-tab': '\x1b[Z',
  backspace: '\x7f',
  'ctrl-c': '\x03',
  'ctrl-d': '\x04',
  'ctrl-p': '\x10',
  'ctrl-q': '\x11',
  'ctrl-z': '\x1a',
  space: ' ',
};
