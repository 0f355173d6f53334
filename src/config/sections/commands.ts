// `commands:` — custom commands (k9s plugins, lazydocker customCommands): a key in a pane
// runs an argv built from the selected row. Values come from the engine, so they only ever
// fill argv elements; a shell sees them only with `shell: true`, and then shell-quoted.
import * as v from 'valibot';
import type { RowPlaceholder } from '../../resources/command-target.js';
import { commandTargetOf, RESOURCE_KINDS, type ResourceKind } from '../../resources/queries.js';
import { keySpec } from './keys.js';

/**
 * The panes a command may act on: every kind whose query spec says what commands read of
 * its rows (`commands`, src/resources/command-target.ts), in kind order.
 */
export const COMMAND_SCOPES: readonly ResourceKind[] = RESOURCE_KINDS.filter((k) => commandTargetOf(k));
export type CommandScope = ResourceKind;

/** Placeholders in the order the docs list them, with what each holds (the scopes come from the kinds). */
const PLACEHOLDER_HELP: Record<RowPlaceholder | 'Engine.Host' | 'Engine.Context', string> = {
  ID: 'full id (a volume: its name)',
  ShortID: 'short id (12 characters)',
  Name: 'name (an image: repo:tag)',
  Image: 'image (of a container, or the image itself)',
  Project: 'Compose project (label com.docker.compose.project; empty if none)',
  'Engine.Host': 'the engine URL dtui is connected to',
  'Engine.Context': 'the docker context dtui started on (empty if none)',
};

/** Every scope fills these: they come from the engine, not the row. */
const ENGINE_PLACEHOLDERS: readonly string[] = ['Engine.Host', 'Engine.Context'];

/** Every placeholder and the scopes whose rows give it a value. */
export const PLACEHOLDERS: Record<string, { scopes: readonly CommandScope[]; help: string }> = Object.fromEntries(
  Object.entries(PLACEHOLDER_HELP).map(([name, help]) => [
    name,
    { scopes: ENGINE_PLACEHOLDERS.includes(name) ? COMMAND_SCOPES : COMMAND_SCOPES.filter((k) => name in commandTargetOf(k)!.placeholders), help },
  ]),
);

/** `{{.Name}}` → 'Name'; spaces inside the braces allowed, as Go templates allow them. */
export const PLACEHOLDER_PATTERN = /\{\{\s*\.([A-Za-z.]+)\s*\}\}/g;

function unknownPlaceholders(text: string, scope: CommandScope): string[] {
  return [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1]!).filter((name) => !PLACEHOLDERS[name]?.scopes.includes(scope));
}

const commandEntry = v.pipe(
  v.object(
    {
      name: v.pipe(
        v.string('a name'),
        v.nonEmpty('a name'),
        v.maxLength(60, 'at most 60 characters'),
        v.description('Shown in help and in the confirm dialog'),
      ),
      key: v.pipe(keySpec, v.description('Key in its scope (must not clash with another action there or with a global key)')),
      scope: v.pipe(v.picklist(COMMAND_SCOPES, COMMAND_SCOPES.join(', ')), v.description('The pane whose selected row it acts on')),
      command: v.pipe(
        v.array(v.string('a string'), 'a list of strings (argv)'),
        v.minLength(1, 'at least the program to run'),
        v.description('argv; placeholders {{.ID}} {{.Name}} … fill single elements, never a shell line'),
      ),
      run: v.optional(v.pipe(v.picklist(['local', 'exec', 'background'], 'local, exec or background'), v.description('Where it runs')), 'local'),
      shell: v.optional(v.pipe(v.boolean('true or false'), v.description('command is one shell line run by sh -c; values shell-quoted')), false),
      confirm: v.optional(v.pipe(v.boolean('true or false'), v.description('Ask before running')), false),
      dangerous: v.optional(v.pipe(v.boolean('true or false'), v.description('Changes things: --read-only leaves it out')), false),
      description: v.optional(v.pipe(v.string('a string'), v.description('Help text'))),
    },
    'a command: name, key, scope, command',
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const c = dataset.value;
    c.command.forEach((arg, i) => {
      const bad = unknownPlaceholders(arg, c.scope);
      if (bad.length) {
        const known = Object.keys(PLACEHOLDERS).filter((n) => PLACEHOLDERS[n]!.scopes.includes(c.scope));
        const expected = `placeholders of ${c.scope}: ${known.map((n) => `{{.${n}}}`).join(' ')}`;
        addIssue({
          message: `unknown placeholder {{.${bad[0]}}}; ${expected}`,
          expected,
          path: [{ type: 'object', origin: 'value', input: c as unknown as Record<string, unknown>, key: 'command', value: c.command }, pathItem(c.command, i)],
        });
      }
    });
    if (c.run === 'exec' && c.scope !== 'containers')
      addIssue({ message: 'run: exec runs inside a container: scope must be containers', expected: 'scope containers' });
    if (c.shell && c.command.length !== 1)
      addIssue({ message: 'with shell: true, command is one shell line (a list of one string)', expected: 'a list of one string' });
  }),
);

// valibot's issue path item for an array element, so the error points at that line.
function pathItem(input: readonly string[], key: number): v.ArrayPathItem {
  return { type: 'array', origin: 'value', input: input, key, value: input[key] };
}

export const commandsSection = v.optional(
  v.pipe(v.array(commandEntry, 'a list of commands'), v.description('Custom commands: name, key, scope, command [, run, shell, confirm, dangerous]')),
  [],
);

export type CustomCommand = v.InferOutput<typeof commandEntry>;
