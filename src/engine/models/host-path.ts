// Paths typed into file prompts (save, load, export, log save, cp's host side) read as a
// shell would read them: "~" and "~/…" are the user's home; a relative path is under the
// directory dtui was started in. Pure: home and cwd are parameters (defaults: this process).
import { homedir } from 'node:os';
import { resolve } from 'node:path';

/** "~" → home, "~/x" → home/x; anything else (including "~user") unchanged. */
export function expandHome(input: string, home = homedir()): string {
  if (input === '~') return home;
  if (input.startsWith('~/')) return home + input.slice(1);
  return input;
}

/** The absolute path a typed host path names. */
export function hostPath(input: string, opts: { cwd?: string; home?: string } = {}): string {
  return resolve(opts.cwd ?? process.cwd(), expandHome(input.trim(), opts.home));
}
