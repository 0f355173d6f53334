// Filling a custom command's placeholders with values from the engine (names, ids,
// labels): untrusted text. A value only ever becomes (part of) one argv element; with
// `shell: true` it enters the shell line single-quoted, so `$(…)`, `;`, quotes and
// newlines in a container's name stay data. A value that would start an argument with
// '-' is refused (it would be read as an option), and NUL cannot be passed at all.
import { PLACEHOLDER_PATTERN } from '../../config/sections/commands.js';

export type PlaceholderValues = Readonly<Record<string, string>>;

/**
 * POSIX single quoting: everything between single quotes is literal, and a single quote
 * itself is closed, escaped and reopened ('\''). Hand-written because it is one line and
 * complete for `sh -c`; no escaping of anything else is needed or wanted.
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export class ExpandError extends Error {}

function fill(template: string, values: PlaceholderValues, quote: boolean): string {
  return template.replace(PLACEHOLDER_PATTERN, (whole: string, name: string, offset: number) => {
    const value = values[name];
    if (value === undefined) throw new ExpandError(`{{.${name}}} has no value here`);
    if (value.includes('\0')) throw new ExpandError(`the value of {{.${name}}} contains a NUL byte`);
    // Starts an argument (argv: the element; a shell line: a word) and looks like an option.
    const startsWord = offset === 0 || (quote && /\s$/.test(template.slice(0, offset)));
    if (startsWord && value.startsWith('-')) throw new ExpandError(`the value of {{.${name}}} starts with "-" and would be read as an option`);
    return quote ? shellQuote(value) : value;
  });
}

/** The argv to run: each element filled, or for `shell: true` `sh -c '<line>'` with quoted values. */
export function expandCommand(command: { command: readonly string[]; shell: boolean }, values: PlaceholderValues): string[] {
  if (command.shell) return ['sh', '-c', fill(command.command[0] ?? '', values, true)];
  return command.command.map((arg) => fill(arg, values, false));
}

/** Which placeholders a command uses (Project costs an inspect: read only when asked for). */
export function usesPlaceholder(command: { command: readonly string[] }, name: string): boolean {
  return command.command.some((arg) => [...arg.matchAll(PLACEHOLDER_PATTERN)].some((m) => m[1] === name));
}
