// What a custom command (config `commands:`, src/app/actions/command-actions.ts) reads of a
// selected row: a kind whose query spec has `commands` may be a command's scope, and its
// placeholders are the ones config validation accepts there. Kept on the query spec, not
// the descriptor, because src/config validates commands and may not import the descriptors
// (they import the app layer, which imports the config: a cycle).
import type { EngineApi } from '../engine/api/engine-api.js';

/** The placeholders a row can fill; {{.Engine.Host}} and {{.Engine.Context}} come from the engine, in every scope. */
export type RowPlaceholder = 'ID' | 'ShortID' | 'Name' | 'Image' | 'Project';

export interface CommandTarget<Row> {
  /** The row's key (an `exec` command runs in it) and its name in messages and dialogs. */
  target: (row: Row) => { key: string; label: string };
  /** Each placeholder the kind fills; read only when a command uses it (so one may ask the engine). */
  placeholders: { readonly [P in RowPlaceholder]?: (row: Row, engine: EngineApi) => string | Promise<string> };
}
