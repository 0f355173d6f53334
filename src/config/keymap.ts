// The keymap a person's config asks for: `keys:` replaces an action's default keys,
// `commands:` adds one action per custom command. Two actions on one key where both are
// in effect at once (the same scope, or a pane scope over the shared list/global ones)
// would leave one unreachable: refused at start, naming both, pointing at the line.
import { KEYMAP, SCOPE_TITLES, type KeyAction, type Scope } from '../keys/keymap.js';
import { ALWAYS_QUIT } from '../keys/key-names.js';
import { RESOURCE_KINDS } from '../resources/queries.js';
import { ConfigError, dotted, type ConfigPath } from './load.js';
import type { Config } from './schema.js';
import type { KeyOverrides } from './sections/keys.js';

/**
 * Scopes in effect beneath a scope (src/app/dispatch/scopes.ts layers them so): every
 * kind's pane scope lies over the shared list and global ones.
 */
const BENEATH: Partial<Record<Scope, readonly Scope[]>> = {
  ...Object.fromEntries(RESOURCE_KINDS.map((kind) => [kind, ['list', 'global']])),
  list: ['global'],
  engine: ['global'],
  detail: ['global'],
};

const together = (a: Scope, b: Scope) => a === b || (BENEATH[a]?.includes(b) ?? false) || (BENEATH[b]?.includes(a) ?? false);

/** Custom commands' action ids: 'command.<name>'. */
export const COMMAND_ID_PREFIX = 'command.';

const asList = (spec: string | readonly string[]): string[] => [...new Set(typeof spec === 'string' ? [spec] : spec)];

export interface UserAction {
  action: KeyAction;
  /** Where the config sets its keys (for messages). */
  at: ConfigPath;
}

/**
 * The whole keymap (--read-only filters it later) with the config applied. Throws a
 * ConfigError for a conflict; `locate` turns a config path into "FILE:LINE:COL".
 */
export function buildKeymap(config: Config, locate: (path: ConfigPath) => string, base: readonly KeyAction[] = KEYMAP): KeyAction[] {
  const overrides = config.keys as KeyOverrides;
  const changed = new Map<string, ConfigPath>();
  const keymap = base.map((action) => {
    const spec = overrides[action.scope]?.[action.id];
    if (spec === undefined) return action;
    changed.set(action.id, ['keys', action.scope, action.id]);
    let keys = asList(spec);
    // Ctrl+C always quits (src/keys/key-names.ts): remapping quit adds keys beside it.
    if (action.id === 'quit' && !keys.includes(ALWAYS_QUIT)) keys = [...keys, ALWAYS_QUIT];
    // Keys that act in forms and dialogs too stay so only for control keys: a letter
    // there must still type into the field.
    const always = action.always ? keys.filter((k) => k.startsWith('ctrl+')) : undefined;
    return { ...action, keys, ...(always ? { always } : {}) };
  });
  const names = new Map<string, number>();
  config.commands.forEach((command, i) => {
    const first = names.get(command.name);
    if (first !== undefined) {
      throw new ConfigError(`config ${locate(['commands', i, 'name'])}: commands[${i}].name: "${command.name}" is already the name of commands[${first}]`);
    }
    names.set(command.name, i);
    const id = `${COMMAND_ID_PREFIX}${command.name}`;
    changed.set(id, ['commands', i, 'key']);
    keymap.push({
      id,
      keys: asList(command.key),
      scope: command.scope,
      help: `${command.description ?? command.name} (custom command: ${command.run})`,
      danger: command.dangerous,
    });
  });
  checkConflicts(keymap, changed, locate);
  return keymap;
}

function describeAction(action: KeyAction): string {
  return `${action.id} (${SCOPE_TITLES[action.scope]})`;
}

function checkConflicts(keymap: readonly KeyAction[], changed: ReadonlyMap<string, ConfigPath>, locate: (path: ConfigPath) => string): void {
  for (const [id, at] of changed) {
    const action = keymap.find((a) => a.id === id)!;
    for (const key of action.keys) {
      const other = keymap.find(
        (b) =>
          b !== action &&
          (b.keys.includes(key) || (b.always?.includes(key) ?? false)) &&
          (together(action.scope, b.scope) || (b.always?.includes(key) ?? false)),
      );
      if (!other) continue;
      const how =
        other.scope === action.scope
          ? 'two actions on one key in one scope'
          : other.scope === 'global'
            ? `it would shadow the global key`
            : 'both are in effect there';
      throw new ConfigError(
        `config ${locate(at)}: ${dotted(at)}: key ${key} of ${describeAction(action)} is also the key of ${describeAction(other)} — ${how}; rebind one of them`,
      );
    }
  }
}
