// Ink's (input, key) pair → one key name, and a key name → the action bound to it in
// the active scopes, first scope first.
import type { KeyAction, Scope } from './keymap.js';

/**
 * The flags of Ink's `Key` that keyName reads. Declared here, not imported, so src/keys stays
 * free of Ink (.dependency-cruiser.cjs); Ink's `Key` satisfies it structurally.
 */
export type KeyFlags = Readonly<
  Record<
    | 'upArrow'
    | 'downArrow'
    | 'leftArrow'
    | 'rightArrow'
    | 'pageUp'
    | 'pageDown'
    | 'home'
    | 'end'
    | 'return'
    | 'escape'
    | 'tab'
    | 'shift'
    | 'backspace'
    | 'delete'
    | 'ctrl'
    | 'meta',
    boolean
  >
> & {
  /** The Delete key (ESC [3~), which Ink reports like Backspace (src/ui/use-forward-delete.ts). */
  readonly forwardDelete?: boolean;
};

export function keyName(input: string, key: KeyFlags): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pgup';
  if (key.pageDown) return 'pgdn';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.forwardDelete) return 'delete';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  if (key.meta && input) return `meta+${input}`;
  if (input === ' ') return 'space';
  return input;
}

/**
 * Ink hands over a run of typed characters as one input ("/web", "jjjj", "web\r")
 * when they arrive in one read — a paste, a fast typist, keys sent by a script.
 * Split such a run into one key name per character so each acts on its own.
 */
export function typedKeys(input: string): string[] | undefined {
  if (input.length < 2 || input.startsWith('\x1b')) return undefined;
  const chars = [...input];
  if (chars.length < 2) return undefined;
  return chars.map((c) => {
    if (c === '\r' || c === '\n') return 'enter';
    if (c === '\t') return 'tab';
    if (c === '\x7f' || c === '\b') return 'backspace';
    if (c === ' ') return 'space';
    const code = c.charCodeAt(0);
    if (code >= 1 && code <= 26) return `ctrl+${String.fromCharCode(code + 96)}`;
    return c;
  });
}

export type Matcher = (name: string, scopes: readonly Scope[]) => KeyAction | undefined;

/**
 * Builds a lookup table once; resolving a key is then one map read per scope. Keys an
 * action marks `always` (Ctrl+C, Ctrl+Z) win in every scope, before any other.
 */
export function createMatcher(keymap: readonly KeyAction[]): Matcher {
  const table = new Map<string, KeyAction>();
  const always = new Map<string, KeyAction>();
  for (const action of keymap) {
    for (const key of action.keys) table.set(`${action.scope}\u0000${key}`, action);
    for (const key of action.always ?? []) always.set(key, action);
  }
  return (name, scopes) => {
    const everywhere = always.get(name);
    if (everywhere) return everywhere;
    for (const scope of scopes) {
      const hit = table.get(`${scope}\u0000${name}`);
      if (hit) return hit;
    }
    return undefined;
  };
}

/** How a key name reads in help: '↑', 'PgDn', 'Shift+Tab', 'Ctrl+C'. */
export function displayKey(name: string): string {
  const names: Record<string, string> = {
    up: '↑',
    down: '↓',
    left: '←',
    right: '→',
    pgup: 'PgUp',
    pgdn: 'PgDn',
    home: 'Home',
    end: 'End',
    enter: 'Enter',
    esc: 'Esc',
    tab: 'Tab',
    'shift+tab': 'Shift+Tab',
    backspace: 'Backspace',
    delete: 'Delete',
    space: 'Space',
  };
  if (names[name]) return names[name];
  if (name.startsWith('ctrl+')) return `Ctrl+${name.slice(5).toUpperCase()}`;
  return name;
}
