// The whole config file: one entry per section, each section in its own file under
// sections/. Adding a section is one line here.
import * as v from 'valibot';
import { settingsSection } from './sections/settings.js';
import { keysSection } from './sections/keys.js';
import { commandsSection } from './sections/commands.js';
import { engineSection } from './sections/engine.js';
import { lookSection } from './sections/look.js';

export const configSchema = v.object(
  {
    settings: settingsSection,
    engine: engineSection,
    keys: keysSection,
    commands: commandsSection,
    look: lookSection,
  },
  'a mapping of sections (settings, engine, keys, commands, …)',
);

/** The effective configuration: defaults filled in; built once at start, read-only after. */
export type Config = Readonly<v.InferOutput<typeof configSchema>>;

/** Every default: what dtui uses with no file. */
export function defaultConfig(): Config {
  return v.parse(configSchema, {});
}
