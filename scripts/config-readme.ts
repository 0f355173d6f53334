// Writes README's Configuration table between the config markers, from src/config's schema.
// `npm run config-docs` after changing a section; a unit test fails while they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { configMarkdown } from '../src/config/docs.js';

export const START = '<!-- config:start (generated from src/config by npm run config-docs) -->';
export const END = '<!-- config:end -->';

export function readmeWithConfig(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md has no config markers');
  return `${readme.slice(0, start + START.length)}\n${configMarkdown()}\n${readme.slice(end)}`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const path = new URL('../README.md', import.meta.url);
  writeFileSync(path, readmeWithConfig(readFileSync(path, 'utf8')));
}
