// The `look` settings of the config file: theme, colour overrides per role, mouse, the
// default sort and the columns of each list. A valibot schema with every default, so the
// loader (src/config/schema.ts) composes it and `dtui config print` shows the defaults.
//
//   theme: dark            # dark | light | mono (NO_COLOR or TERM=dumb: always no colour)
//   colors:                # per role: a colour name (red, cyanBright…), #rrggbb, or default
//     selectedBg: magenta
//     running: "#00ff00"
//   mouse: true            # clicks and the wheel; false leaves the mouse to the terminal
//   sort:                  # a list's order at start (o / O change it for the session)
//     containers: { by: cpu, order: desc }
//   columns:               # which columns a list shows, in this order (titles, any case)
//     containers: [NAME, STATE, CPU%, "label:com.example.team"]
import * as v from 'valibot';
import { ROLES, THEME_NAMES, type Role, type ThemeName } from '../../ui/theme.js';

/** Ink's colour names (chalk's), hex, or "default" (the terminal's own colour). */
const NAMED = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'gray',
  'grey',
  'blackBright',
  'redBright',
  'greenBright',
  'yellowBright',
  'blueBright',
  'magentaBright',
  'cyanBright',
  'whiteBright',
  'default',
];
const COLOUR = v.pipe(
  v.string(),
  v.check((s) => NAMED.includes(s) || /^#(?:[0-9a-fA-F]{3}){1,2}$/.test(s), `a colour: one of ${NAMED.join(', ')}, or #rrggbb`),
);

/** The lists the look settings can name (kinds added later are accepted and ignored if unknown). */
const LIST = v.pipe(v.string(), v.regex(/^[a-z]+$/, 'a list name such as containers, images, volumes, networks'));
export const SORT_BY = ['name', 'state', 'cpu', 'mem', 'created', 'size', 'driver'] as const;

export const lookEntries = {
  theme: v.optional(v.picklist(THEME_NAMES), 'dark'),
  colors: v.optional(v.record(v.picklist(ROLES), COLOUR), {}),
  mouse: v.optional(v.boolean(), true),
  sort: v.optional(v.record(LIST, v.object({ by: v.picklist(SORT_BY), order: v.optional(v.picklist(['asc', 'desc'])) })), {}),
  columns: v.optional(v.record(LIST, v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1, 'at least one column'))), {}),
};

export const lookSchema = v.object(lookEntries);

export interface LookSettings {
  theme: ThemeName;
  colors: Partial<Record<Role, string>>;
  mouse: boolean;
  sort: Record<string, { by: (typeof SORT_BY)[number]; order?: 'asc' | 'desc' }>;
  columns: Record<string, string[]>;
}

export const DEFAULT_LOOK: LookSettings = v.parse(lookSchema, {});

/** Comments `dtui config print` can show beside each key. */
export const LOOK_HELP: Record<keyof LookSettings, string> = {
  theme: 'dark | light | mono; NO_COLOR (any value) or TERM=dumb turn colour off whatever this says',
  colors: `colour per role (${ROLES.join(', ')}): a name, #rrggbb, or default`,
  mouse: 'click to select rows, panes, tabs and dialog keys; wheel scrolls (Shift+drag still selects text)',
  sort: 'per list, {by: name|state|cpu|mem|created|size|driver, order: asc|desc}; o / O change it',
  columns: 'per list, the column titles to show in order; "label:KEY" adds a column with that label',
};
