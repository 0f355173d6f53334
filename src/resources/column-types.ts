// The column contract of a resource list: what a kind's columns.ts declares (sort keys:
// sort-key.ts, re-exported here). Apart from types.ts (the descriptor, which names the app's
// context for its actions) so that columns can be read by src/app without an import cycle back to it.
import type { EngineSession } from '../state/session.js';
import type { DateFormat } from '../engine/models/format.js';

export type { Readable, SortKey } from './sort-key.js';

/** A colour meaning, mapped to the theme by the view (keeps src/resources free of Ink). */
export type Tone = 'muted' | 'accent' | 'success' | 'warning' | 'error' | 'running' | 'paused' | 'exited' | 'created' | 'restarting' | 'dead' | 'removing';

/** How wide a column is: a fixed width, or a share of what is left; low priority goes first. */
export interface ColumnWidth {
  /** Fixed width in cells. */
  width?: number;
  /** Share of the remaining width (with minWidth as its floor). */
  grow?: number;
  minWidth?: number;
  /** The width it asks for before other growing columns get more. */
  wantWidth?: number;
  /** Left out first when the terminal is narrow (higher = earlier); undefined: never. */
  priority?: number;
}

export interface ResourceColumn<Row> extends ColumnWidth {
  /** Header text, e.g. 'NAME'. */
  title: string;
  /** The cell's text; rows are sanitized when read, so this is safe to draw as is. */
  value: (row: Row) => string;
  tone?: (row: Row) => Tone | undefined;
}

/** The config settings that change what a list shows (src/config/sections/settings.ts). */
export interface ListSettings {
  /** Containers: CPU% and MEM columns, and the stats sampling that fills them. */
  statsColumns: boolean;
  /** CREATED columns: an age or the local date and time. */
  dateFormat: DateFormat;
}

export const DEFAULT_LIST_SETTINGS: ListSettings = { statsColumns: true, dateFormat: 'relative' };

/** What cells may read besides their row; `session` is the engine session the pane shows. */
export interface CellEnv {
  session: EngineSession;
  /** The pane's clock (ms), for ages like "3m ago". */
  now: number;
  /** The list is grouped (the descriptor's `group`): e.g. extra columns say the group. */
  grouped?: boolean;
  /** From the config; absent: the defaults (every column, relative ages). */
  settings?: ListSettings;
}
