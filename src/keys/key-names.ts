// Which key names a person may bind (config `keys:` and custom commands), spelled as the
// keymap spells them: 'up', 'pgdn', 'shift+tab', 'ctrl+x', 'meta+x', or the character typed.
const NAMED = new Set(['up', 'down', 'left', 'right', 'pgup', 'pgdn', 'home', 'end', 'enter', 'esc', 'tab', 'shift+tab', 'backspace', 'delete', 'space']);

/** Ctrl+C always quits: it is never bound to anything else, nor taken from quit. */
export const ALWAYS_QUIT = 'ctrl+c';

/** Why `name` cannot be bound, or undefined when it can. */
export function keyNameProblem(name: string): string | undefined {
  if (NAMED.has(name)) return undefined;
  if (name === ALWAYS_QUIT) return 'Ctrl+C always quits and cannot be bound to anything else';
  const ctrl = /^ctrl\+(.)$/u.exec(name);
  if (ctrl) return /^[a-z]$/.test(ctrl[1]!) ? undefined : 'ctrl+ takes a letter a-z';
  const rest = name.startsWith('meta+') ? name.slice(5) : name;
  const chars = [...rest];
  // One printable character, as the terminal types it (space is 'space').
  if (chars.length === 1 && /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(chars[0]!)) return undefined;
  return `one character, ${[...NAMED].join(', ')}, ctrl+<letter> or meta+<character>`;
}
