// `keys:` — scope → action id → key or list of keys, replacing that action's defaults.
// Built from the keymap itself, so every scope and action id dtui has is known here and a
// misspelt one is reported (as an unknown key) instead of silently doing nothing.
import * as v from 'valibot';
import { KEYMAP, SCOPE_TITLES, type Scope } from '../../keys/keymap.js';
import { keyNameProblem } from '../../keys/key-names.js';

// A bare digit in YAML is a number (`pane.images: 2`): read it as the key it names.
const keyName = v.pipe(
  v.union([v.string(), v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9), v.transform(String))], 'a key name'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = keyNameProblem(dataset.value);
    if (problem) addIssue({ message: problem, expected: problem });
  }),
);

/** One key or a list of them; a list may not be empty (an action without keys is unreachable). */
export const keySpec = v.union(
  [keyName, v.pipe(v.array(keyName, 'a key or a list of keys'), v.minLength(1, 'at least one key'))],
  'a key name or a list of key names',
);

function scopeEntries(scope: Scope): v.ObjectEntries {
  const entries: v.ObjectEntries = {};
  for (const action of KEYMAP) if (action.scope === scope) entries[action.id] = v.optional(v.pipe(keySpec, v.description(action.help)));
  return entries;
}

const scopes: v.ObjectEntries = {};
for (const scope of Object.keys(SCOPE_TITLES) as Scope[]) {
  scopes[scope] = v.optional(v.pipe(v.object(scopeEntries(scope)), v.description(SCOPE_TITLES[scope])), {});
}

export const keysSection = v.optional(
  v.pipe(v.object(scopes), v.description('Keys per scope: action id → key or [keys]; replaces that action’s default keys')),
  {},
);

/** scope → action id → keys, as written (a single key already made a list). */
export type KeyOverrides = Partial<Record<Scope, Record<string, string | string[] | undefined>>>;
