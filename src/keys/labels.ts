// How UI text names a key: read from the keymap, so a changed binding changes every
// message that mentions it ("press l", "c creates one").
import { KEYMAP, type ActionId } from './keymap.js';
import { displayKey } from './match.js';

const FIRST_KEY = new Map<string, string>(KEYMAP.map((a): [string, string] => [a.id, a.keys[0] ?? '']));

/** The first key bound to an action, as help shows it: keyLabel('logs.follow') is 'f'. */
export function keyLabel(id: ActionId): string {
  return displayKey(FIRST_KEY.get(id)!);
}

/** Every key bound to an action, as help shows them, joined: 'Esc/q'. */
export function keyLabels(id: ActionId, separator = '/'): string {
  return KEYMAP.find((a) => a.id === id)!
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
