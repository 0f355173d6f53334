// How UI text names a key: read from the keymap, so a changed binding changes every
// message that mentions it ("press l", "c creates one").
import { KEYMAP, type ActionId, type KeyAction } from './keymap.js';
import { displayKey } from './match.js';

let bound: readonly KeyAction[] = KEYMAP;
let firstKey = new Map<string, string>();

function index(keymap: readonly KeyAction[]): void {
  bound = keymap;
  firstKey = new Map<string, string>(keymap.map((a): [string, string] => [a.id, a.keys[0] ?? '']));
}
index(KEYMAP);

/**
 * The keymap labels name: the config's keys (src/config/keymap.ts). Called once at start,
 * before the app is built; labels are plain functions called from everywhere, so this is
 * the one module-level setting instead of a keymap argument at every call.
 */
export function setLabelKeymap(keymap: readonly KeyAction[]): void {
  index(keymap);
}

/** The first key bound to an action, as help shows it: keyLabel('logs.follow') is 'f'. */
export function keyLabel(id: ActionId): string {
  return displayKey(firstKey.get(id)!);
}

/** Every key bound to an action, as help shows them, joined: 'Esc/q'. */
export function keyLabels(id: ActionId, separator = '/'): string {
  return bound
    .find((a) => a.id === id)!
    .keys.map(displayKey)
    .join(separator);
}

/** "y/N": the confirm key and the (default) cancel key, as dialog titles end. */
export function yesNo(): string {
  return `${keyLabel('dialog.yes')}/${keyLabel('dialog.no').toUpperCase()}`;
}

/** The move keys as one hint: '↑↓ PgUp PgDn'. */
export function scrollKeys(): string {
  return `${keyLabel('move.up')}${keyLabel('move.down')} ${keyLabel('move.pageUp')} ${keyLabel('move.pageDown')}`;
}
