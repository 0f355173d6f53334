// `settings:` — how dtui behaves where it used to have one fixed value.
import * as v from 'valibot';
import { RESOURCE_KINDS } from '../../resources/queries.js';
import { field, section } from './field.js';

const MAX_LOG_LINES = 10_000_000;

/** Every kind's pane (src/resources/queries.ts), then the Engine view. */
export const PANES_TO_START_ON = [...RESOURCE_KINDS, 'engine'] as const;

export const settingsSection = section(
  {
    logLines: field(
      v.pipe(
        v.number('a number of lines'),
        v.integer('a whole number of lines'),
        v.minValue(1, 'at least 1'),
        v.maxValue(MAX_LOG_LINES, `at most ${MAX_LOG_LINES}`),
      ),
      100_000,
      'Log lines kept in memory per container (--log-lines overrides)',
    ),
    logTail: field(v.picklist([100, 1000, 10000, 'all'], '100, 1000, 10000 or all'), 1000, 'Lines the Logs tab starts from (100, 1000, 10000 or all)'),
    timestamps: field(v.boolean('true or false'), false, 'Logs: show timestamps'),
    wrap: field(v.boolean('true or false'), false, 'Logs: wrap long lines'),
    topRefresh: field(
      v.pipe(v.number('a number of seconds'), v.minValue(0.5, 'at least 0.5 seconds'), v.maxValue(3600, 'at most 3600 seconds')),
      2,
      'Seconds between two reads of the Top tab',
    ),
    confirmStop: field(v.boolean('true or false'), false, 'Ask before stopping a container'),
    confirmRestart: field(v.boolean('true or false'), false, 'Ask before restarting a container'),
    defaultPane: field(v.picklist(PANES_TO_START_ON, PANES_TO_START_ON.join(', ')), 'containers', 'The pane dtui starts on'),
    statsColumns: field(
      v.boolean('true or false'),
      true,
      'Containers list: CPU% and MEM columns (false: left out, and no stats are read for the list; the Stats tab still works)',
    ),
    dateFormat: field(
      v.picklist(['relative', 'absolute'], 'relative or absolute'),
      'relative',
      'Every time shown: relative ("5m ago", "Up 5 minutes") or absolute local date and time ("2026-12-02 13:05", "Up since 2026-12-02 13:05")',
    ),
  },
  'How dtui behaves',
);

export type Settings = v.InferOutput<typeof settingsSection>;
