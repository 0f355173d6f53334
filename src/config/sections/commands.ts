// `commands:` — custom commands (k9s plugins, lazydocker customCommands): a key in a pane
// runs an argv built from the selected row. Values come from the engine, so they only ever
// fill argv elements; a shell sees them only with `shell: true`, and then shell-quoted.
import * as v from 'valibot';
import { keySpec } from './keys.js';

export const COMMAND_SCOPES = ['containers', 'images', 'volumes', 'networks'] as const;
export type CommandScope = (typeof COMMAND_SCOPES)[number];

/** Every placeholder and the scopes whose rows give it a value. */
export const PLACEHOLDERS: Record<string, { scopes: readonly CommandScope[]; help: string }> = {
  ID: { scopes: COMMAND_SCOPES, help: 'full id (a volume: its name)' },
  ShortID: { scopes: ['containers', 'images', 'networks'], help: 'short id (12 characters)' },
  Name: { scopes: COMMAND_SCOPES, help: 'name (an image: repo:tag)' },
  Image: { scopes: ['containers', 'images'], help: 'image (of a container, or the image itself)' },
  Project: { scopes: ['containers'], help: 'Compose project (label com.docker.compose.project; empty if none)' },
  'Engine.Host': { scopes: COMMAND_SCOPES, help: 'the engine URL dtui is connected to' },
  'Engine.Context': { scopes: COMMAND_SCOPES, help: 'the docker context dtui started on (empty if none)' },
};

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
