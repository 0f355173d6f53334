// Writes the key table into README.md between the keys markers, from src/keys.
// `npm run keys` after changing the keymap; a unit test fails while they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { KEYMAP } from '../src/keys/keymap.js';
import { keymapMarkdown } from '../src/keys/help.js';

export const START = '<!-- keys:start (generated from src/keys by npm run keys) -->';
export const END = '<!-- keys:end -->';

export function readmeWithKeys(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md has no keys markers');
  return `${readme.slice(0, start + START.length)}\n${keymapMarkdown(KEYMAP)}\n${readme.slice(end)}`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const path = new URL('../README.md', import.meta.url);
  writeFileSync(path, readmeWithKeys(readFileSync(path, 'utf8')));
}
