// The `look` settings of the config file: theme, colour overrides per role, mouse, the
// default sort and the columns of each list. A valibot schema with every default, so the
// loader (src/config/schema.ts) composes it and `dtui config print` shows the defaults.
//
//   look:
//     theme: dark            # dark | light | mono (NO_COLOR or TERM=dumb: always no colour)
//     colors:                # per role: a colour name (red, cyanBright…), #rrggbb, or default
//       selectedBg: magenta
//       running: "#00ff00"
//     mouse: true            # clicks and the wheel; false leaves the mouse to the terminal
//     sort:                  # a list's order at start (o / O change it for the session)
//       containers: { by: cpu, order: desc }
//     columns:               # which columns a list shows, in this order (titles, any case)
//       containers: [NAME, STATE, CPU%, "label:com.example.team"]
import * as v from 'valibot';
import { RESOURCE_KINDS, sortKeysOf } from '../../resources/queries.js';
import { ROLES, THEME_NAMES } from '../../ui/theme.js';
import { field, section } from './field.js';

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
/** Every sort key id some kind has (`sortKeys` of its query spec), in kind order: name, state, cpu… */
export const SORT_BY: readonly string[] = [...new Set(RESOURCE_KINDS.flatMap((k) => sortKeysOf(k).map((key) => key.id)))];

export const lookSection = section(
  {
    theme: field(
      v.picklist(THEME_NAMES, THEME_NAMES.join(', ')),
      'dark',
      'dark, light or mono; NO_COLOR (any value) or TERM=dumb mean no colour whatever this says',
    ),
    colors: field(
      v.record(v.picklist(ROLES, `a colour role: ${ROLES.join(', ')}`), COLOUR),
      {},
      'Colour per role (selectedBg, running, border, error…): a name, #rrggbb, or default',
    ),
    mouse: field(v.boolean('true or false'), true, 'Clicks select rows, panes, tabs and dialog keys; the wheel scrolls (Shift+drag still selects text)'),
    sort: field(
      v.record(LIST, v.object({ by: v.picklist(SORT_BY, SORT_BY.join(', ')), order: v.optional(v.picklist(['asc', 'desc'], 'asc or desc')) })),
      {},
      `Per list, the order at start: {by: ${SORT_BY.join('|')}, order: asc|desc} (o / O change it)`,
    ),
    columns: field(
      v.record(LIST, v.pipe(v.array(v.pipe(v.string('a column title'), v.minLength(1, 'a column title'))), v.minLength(1, 'at least one column'))),
      {},
      'Per list, the column titles to show, in order (any case); "label:KEY" adds a column showing that label',
    ),
  },
  'Theme, colours, mouse, sort and columns',
);

export type LookSettings = v.InferOutput<typeof lookSection>;

export const DEFAULT_LOOK: LookSettings = v.parse(lookSection, undefined);
